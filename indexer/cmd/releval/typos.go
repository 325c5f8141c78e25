package main

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// withTypo returns q with one edit in its longest word (a letters-only
// word that is not an operator or a field term): two letters swapped, one
// dropped, one doubled or one replaced, chosen by the query's id so that
// runs repeat. A quoted query is returned as it is.
func withTypo(id, q string) string {
	if strings.Contains(q, `"`) {
		return q
	}
	words := strings.Fields(q)
	best := -1
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if core == "" || core == "AND" || core == "OR" || core == "NOT" || strings.Contains(w, ":") {
			continue
		}
		if best < 0 || len([]rune(core)) > len([]rune(strings.TrimFunc(words[best], func(r rune) bool { return !unicode.IsLetter(r) }))) {
			best = i
		}
	}
	if best < 0 {
		return q
	}
	w := words[best]
	start := strings.IndexFunc(w, unicode.IsLetter)
	end := strings.LastIndexFunc(w, unicode.IsLetter)
	rs := []rune(w[start:])
	n := len([]rune(w[start : end+1]))
	if n < 4 {
		return q
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	v := h.Sum32()
	i := 1 + int(v/4)%(n-2) // never the first letter
	switch v % 4 {
	case 0: // swap
		rs[i], rs[i+1] = rs[i+1], rs[i]
	case 1: // drop
		rs = append(rs[:i], rs[i+1:]...)
	case 2: // double
		rs = append(rs[:i+1], rs[i:]...)
	default: // replace
		r := rs[i] + 1
		if !unicode.IsLetter(r) || r > 'z' {
			r = 'a'
		}
		rs[i] = r
	}
	words[best] = w[:start] + string(rs)
	return strings.Join(words, " ")
}
