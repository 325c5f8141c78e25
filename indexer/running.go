package indexer

import (
	"strings"
	"unicode"
)

// stripRunningLines removes running headers and footers: lines among the
// first or last two of a page that recur, digits aside, on at least half
// of the pages of a document of three pages or more. They repeat the
// title or the publisher on every page and would otherwise make every page
// look like a match for those words.
func stripRunningLines(pages []string) []string {
	if len(pages) < 3 {
		return pages
	}
	const edge = 2
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range edgeLines(p, edge) {
			k := runningKey(l)
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	threshold := (len(pages) + 1) / 2
	out := make([]string, len(pages))
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		drop := map[int]bool{}
		idx := nonEmptyIndexes(lines)
		for j, li := range idx {
			if j >= edge && j < len(idx)-edge {
				continue
			}
			if count[runningKey(lines[li])] >= threshold {
				drop[li] = true
			}
		}
		if len(drop) == 0 {
			out[i] = p
			continue
		}
		kept := lines[:0:0]
		for li, l := range lines {
			if !drop[li] {
				kept = append(kept, l)
			}
		}
		out[i] = strings.TrimSpace(strings.Join(kept, "\n"))
	}
	return out
}

func nonEmptyIndexes(lines []string) []int {
	var idx []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// edgeLines returns the first and last n non-empty lines of a page.
func edgeLines(page string, n int) []string {
	lines := strings.Split(page, "\n")
	idx := nonEmptyIndexes(lines)
	var out []string
	for j, li := range idx {
		if j < n || j >= len(idx)-n {
			out = append(out, lines[li])
		}
	}
	return out
}

// runningKey normalises a line for comparison: page numbers and spacing
// do not count ("Page 3 of 9" becomes "page of"; a bare "3" becomes "#").
func runningKey(l string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(l) {
		switch {
		case unicode.IsDigit(r):
		case unicode.IsSpace(r):
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
	}
	k := strings.TrimSpace(b.String())
	if k == "" && strings.TrimSpace(l) != "" {
		return "#" // a bare page number
	}
	return k
}
