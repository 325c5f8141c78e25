package bleve

import (
	"slices"
	"testing"
)

func TestLRU(t *testing.T) {
	keys := func(c *lru[int]) []string {
		var out []string
		for el := c.order.Front(); el != nil; el = el.Next() {
			out = append(out, el.Value.(*lruEntry[int]).key)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		ops  func(c *lru[int])
		want []string // most recent first
		used int
	}{
		{"within budget", func(c *lru[int]) { c.put("a", 3); c.put("b", 4) }, []string{"b", "a"}, 7},
		{"oldest dropped", func(c *lru[int]) { c.put("a", 3); c.put("b", 4); c.put("c", 5) }, []string{"c", "b"}, 9},
		{"get keeps an entry", func(c *lru[int]) { c.put("a", 3); c.put("b", 4); c.get("a"); c.put("c", 5) }, []string{"c", "a"}, 8},
		{"replacing counts the new size", func(c *lru[int]) { c.put("a", 3); c.put("a", 9) }, []string{"a"}, 9},
		{"the newest stays even over budget", func(c *lru[int]) { c.put("a", 3); c.put("big", 20) }, []string{"big"}, 20},
		{"cleared", func(c *lru[int]) { c.put("a", 3); c.clear() }, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newLRU(10, func(v int) int { return v })
			tc.ops(c)
			if got := keys(c); !slices.Equal(got, tc.want) || c.used != tc.used || len(c.items) != len(tc.want) {
				t.Errorf("keys %v used %d (%d items), want %v used %d", got, c.used, len(c.items), tc.want, tc.used)
			}
		})
	}
}
