package bleve

import (
	"encoding/json"
	"sort"
	"sync"

	"faro/search"
	"faro/search/bleve/internal/lru"
)

// resultCache keeps the answers of recent searches. Every write to the
// index bumps its generation, which empties it, so an answer is never
// staler than the last flush. Search engines keep such caches because
// users repeat searches: the home page, a popular country, a saved search.
type resultCache struct {
	mu  sync.Mutex
	gen uint64
	lru *lru.LRU[*search.Result]
}

func newResultCache(max int) *resultCache {
	return &resultCache{lru: lru.New(max, func(*search.Result) int { return 1 })}
}

// cacheKey renders a query canonically: filters sorted, defaults applied.
func cacheKey(q search.Query) string {
	type canon struct {
		T  string
		F  [][]string
		Y  [2]int
		S  search.Sort
		P  [2]int
		N  int
		C  string
		Ex bool
		A  bool
		NT bool
	}
	var fs [][]string
	for _, f := range search.Facets {
		vals := append([]string(nil), q.Filters[f]...)
		sort.Strings(vals)
		fs = append(fs, append([]string{f}, vals...))
	}
	b, _ := json.Marshal(canon{q.Text, fs, [2]int{q.YearFrom, q.YearTo}, q.Sort, [2]int{q.Page, q.Size}, q.Snippets, q.Cursor, q.Explain, q.AllWords, q.NoTypos})
	return string(b)
}

func (c *resultCache) get(key string) (*search.Result, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// put stores res if the index has not changed since gen was read.
func (c *resultCache) put(key string, gen uint64, res *search.Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	c.lru.Put(key, res)
}

// generation returns the current generation, to pass to put.
func (c *resultCache) generation() uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// invalidate empties the cache after a write.
func (c *resultCache) invalidate() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.lru.Clear()
}

// planCache keeps the plans of recent query texts. Compiling a query
// looks each word up in the synonyms, the inflections and the bilingual
// dictionaries; a plan depends on its text and options only, and never
// changes once compiled, so searches share it.
type planCache struct {
	mu  sync.Mutex
	lru *lru.LRU[*search.Plan]
}

// plansKept is how many plans a planCache keeps: enough for the queries
// whose filters, sorts and pages people are changing. A plan with its
// translations takes about 10 KB; 4,096 of them took 40 MB.
const plansKept = 256

// compile returns the plan of text under opts, compiled once.
func (c *planCache) compile(text string, opts search.CompileOptions) (*search.Plan, error) {
	key := text
	if opts.Strict {
		key += "\x00strict"
	}
	if opts.NoTypos {
		key += "\x00notypos"
	}
	c.mu.Lock()
	if c.lru == nil {
		c.lru = lru.New(plansKept, func(*search.Plan) int { return 1 })
	}
	p, ok := c.lru.Get(key)
	c.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := search.Compile(text, opts)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.lru.Put(key, p)
	c.mu.Unlock()
	return p, nil
}
