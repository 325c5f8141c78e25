// Package lru is a least-recently-used map of string keys bounded by the
// sum of its values' sizes.
package lru

import "container/list"

// LRU is a least-recently-used map. It is not safe for concurrent use.
type LRU[V any] struct {
	budget, used int
	size         func(V) int
	order        *list.List // front = most recent; values are *entry[V]
	items        map[string]*list.Element
}

type entry[V any] struct {
	key string
	val V
}

// New returns an LRU holding values whose sizes sum to at most budget.
func New[V any](budget int, size func(V) int) *LRU[V] {
	return &LRU[V]{budget: budget, size: size, order: list.New(), items: map[string]*list.Element{}}
}

// Budget is the most the LRU holds.
func (c *LRU[V]) Budget() int { return c.budget }

// Get returns the value of key and marks it recently used.
func (c *LRU[V]) Get(key string) (V, bool) {
	el, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry[V]).val, true
}

// Put stores val under key, replacing what was there, and drops the least
// recently used entries beyond the budget (the newest always stays).
func (c *LRU[V]) Put(key string, val V) {
	if el, ok := c.items[key]; ok {
		e := el.Value.(*entry[V])
		c.used += c.size(val) - c.size(e.val)
		e.val = val
		c.order.MoveToFront(el)
	} else {
		c.items[key] = c.order.PushFront(&entry[V]{key: key, val: val})
		c.used += c.size(val)
	}
	for c.used > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		e := last.Value.(*entry[V])
		c.order.Remove(last)
		delete(c.items, e.key)
		c.used -= c.size(e.val)
	}
}

// Remove drops the entry of key, if any.
func (c *LRU[V]) Remove(key string) {
	if el, ok := c.items[key]; ok {
		c.order.Remove(el)
		delete(c.items, key)
		c.used -= c.size(el.Value.(*entry[V]).val)
	}
}

// Clear drops every entry.
func (c *LRU[V]) Clear() {
	c.order.Init()
	clear(c.items)
	c.used = 0
}

// Range calls fn with each entry, the least recently used first, without
// marking any used.
func (c *LRU[V]) Range(fn func(key string, val V)) {
	for el := c.order.Back(); el != nil; el = el.Prev() {
		e := el.Value.(*entry[V])
		fn(e.key, e.val)
	}
}

// Keys returns the keys, the most recently used first.
func (c *LRU[V]) Keys() []string {
	out := make([]string, 0, c.order.Len())
	for el := c.order.Front(); el != nil; el = el.Next() {
		out = append(out, el.Value.(*entry[V]).key)
	}
	return out
}

// Oldest returns the key of the least recently used entry, the next to
// be dropped; ok is false when the LRU is empty.
func (c *LRU[V]) Oldest() (key string, ok bool) {
	el := c.order.Back()
	if el == nil {
		return "", false
	}
	return el.Value.(*entry[V]).key, true
}

// Used is the sum of the sizes of the values held.
func (c *LRU[V]) Used() int { return c.used }

// Len is the number of entries.
func (c *LRU[V]) Len() int { return c.order.Len() }
