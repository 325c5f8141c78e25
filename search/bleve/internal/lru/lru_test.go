package lru

import (
	"slices"
	"testing"
)

func TestLRU(t *testing.T) {
	keys := func(c *LRU[int]) []string {
		var out []string
		for el := c.order.Front(); el != nil; el = el.Next() {
			out = append(out, el.Value.(*entry[int]).key)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		ops  func(c *LRU[int])
		want []string // most recent first
		used int
	}{
		{"within budget", func(c *LRU[int]) { c.Put("a", 3); c.Put("b", 4) }, []string{"b", "a"}, 7},
		{"oldest dropped", func(c *LRU[int]) { c.Put("a", 3); c.Put("b", 4); c.Put("c", 5) }, []string{"c", "b"}, 9},
		{"get keeps an entry", func(c *LRU[int]) { c.Put("a", 3); c.Put("b", 4); c.Get("a"); c.Put("c", 5) }, []string{"c", "a"}, 8},
		{"replacing counts the new size", func(c *LRU[int]) { c.Put("a", 3); c.Put("a", 9) }, []string{"a"}, 9},
		{"the newest stays even over budget", func(c *LRU[int]) { c.Put("a", 3); c.Put("big", 20) }, []string{"big"}, 20},
		{"cleared", func(c *LRU[int]) { c.Put("a", 3); c.Clear() }, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(10, func(v int) int { return v })
			tc.ops(c)
			if got := keys(c); !slices.Equal(got, tc.want) || c.used != tc.used || len(c.items) != len(tc.want) {
				t.Errorf("keys %v used %d (%d items), want %v used %d", got, c.used, len(c.items), tc.want, tc.used)
			}
		})
	}
}
