package bleve

import (
	"container/list"
	"encoding/json"
	"sort"
	"sync"

	"faro/search"
)

// lru is a least-recently-used map of string keys, bounded by the sum of
// its values' sizes. It is not safe for concurrent use.
type lru[V any] struct {
	budget, used int
	size         func(V) int
	order        *list.List // front = most recent; values are *lruEntry[V]
	items        map[string]*list.Element
}

type lruEntry[V any] struct {
	key string
	val V
}

func newLRU[V any](budget int, size func(V) int) *lru[V] {
	return &lru[V]{budget: budget, size: size, order: list.New(), items: map[string]*list.Element{}}
}

func (c *lru[V]) get(key string) (V, bool) {
	el, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruEntry[V]).val, true
}

// put stores val under key, replacing what was there, and drops the least
// recently used entries beyond the budget (the newest always stays).
func (c *lru[V]) put(key string, val V) {
	if el, ok := c.items[key]; ok {
		e := el.Value.(*lruEntry[V])
		c.used += c.size(val) - c.size(e.val)
		e.val = val
		c.order.MoveToFront(el)
	} else {
		c.items[key] = c.order.PushFront(&lruEntry[V]{key: key, val: val})
		c.used += c.size(val)
	}
	for c.used > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		e := last.Value.(*lruEntry[V])
		c.order.Remove(last)
		delete(c.items, e.key)
		c.used -= c.size(e.val)
	}
}

func (c *lru[V]) clear() {
	c.order.Init()
	clear(c.items)
	c.used = 0
}

// resultCache keeps the answers of recent searches. Every write to the
// index bumps its generation, which empties it, so an answer is never
// staler than the last flush. Search engines keep such caches because
// users repeat searches: the home page, a popular country, a saved search.
type resultCache struct {
	mu  sync.Mutex
	gen uint64
	lru *lru[*search.Result]
}

func newResultCache(max int) *resultCache {
	return &resultCache{lru: newLRU(max, func(*search.Result) int { return 1 })}
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
	}
	var fs [][]string
	for _, f := range search.Facets {
		vals := append([]string(nil), q.Filters[f]...)
		sort.Strings(vals)
		fs = append(fs, append([]string{f}, vals...))
	}
	b, _ := json.Marshal(canon{q.Text, fs, [2]int{q.YearFrom, q.YearTo}, q.Sort, [2]int{q.Page, q.Size}, q.Snippets, q.Cursor, q.Explain})
	return string(b)
}

func (c *resultCache) get(key string) (*search.Result, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.get(key)
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
	c.lru.put(key, res)
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
	c.lru.clear()
}
