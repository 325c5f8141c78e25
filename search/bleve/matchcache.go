package bleve

import (
	"container/list"
	"sync"
	"sync/atomic"
)

// matchCache keeps the match sets (documents and scores) of a text
// table's recent queries. Faceted browsing repeats a query's words with
// other selections, sorts and pages; each of those then costs the facet
// popcounts and the ranking of the matches, not their evaluation again.
// It belongs to one text table, so a write (a new snapshot, a new table)
// empties it. Entries are dense, about 8 bytes a document; the budget
// bounds their total size.
type matchCache struct {
	mu     sync.Mutex
	budget int
	used   int
	order  *list.List // front = most recent; values are *matchEntry
	items  map[string]*list.Element
	// hits counts searches answered from the cache (tests, reporting).
	hits atomic.Uint64
}

type matchEntry struct {
	key   string
	bits  []uint64
	score []float64
}

func (e *matchEntry) size() int { return 8*len(e.bits) + 8*len(e.score) + len(e.key) }

// matchCacheBudget is the most a text table's match cache holds, in bytes.
const matchCacheBudget = 48 << 20

func newMatchCache(budget int) *matchCache {
	return &matchCache{budget: budget, order: list.New(), items: map[string]*list.Element{}}
}

// get returns the cached set of key; the caller must not modify it.
func (c *matchCache) get(key string) (*mset, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*matchEntry)
	c.hits.Add(1)
	return &mset{bits: e.bits, score: e.score}, true
}

// put keeps a copy of s under key.
func (c *matchCache) put(key string, s *mset) {
	e := &matchEntry{key: key, bits: append([]uint64(nil), s.bits...), score: append([]float64(nil), s.score...)}
	if e.size() > c.budget/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; ok {
		return
	}
	c.items[key] = c.order.PushFront(e)
	c.used += e.size()
	for c.used > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		old := last.Value.(*matchEntry)
		c.order.Remove(last)
		delete(c.items, old.key)
		c.used -= old.size()
	}
}
