package texttable

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"

	"faro/search"
)

// Typo tolerance: each field of a segment gets, when the segment is built,
// a symmetric-delete index of its terms (every term and each of its
// one-rune deletions, by hash). A misspelt term's own deletions (one,
// or two for two typos) are looked up in it, and each candidate is checked
// with the Damerau-Levenshtein distance: no scan of the dictionary.

// typoIndex lists, for each term of a field and each of its one-rune
// deletions, a key: the term's index in the field's dictionary and, above
// it, bits of the hash that follow those choosing the key's bucket; the
// keys are grouped by bucket and sorted in each. Four bytes a pair, off the
// heap, where a map of hashes to lists of terms took about 90 (430 MB of
// heap at 100k generated documents, whose vocabulary is large) and a
// sorted array of hash halves and indexes 8. A probe's bucket is found at
// once, its keys by binary search; the candidates are checked by their
// edit distance, so two strings sharing the bits kept cost a check, not a
// wrong answer. It keeps the corrections found (field.corrections).
type typoIndex struct {
	// start[b] is where bucket b's keys begin; start has one entry more
	// than there are buckets.
	start []uint32
	keys  []uint32
	// bits is how many of a hash's high bits choose its bucket, idx how
	// many of a key's low bits hold the term's index.
	bits, idx uint
	mu        sync.Mutex
	// found holds the corrections of the terms asked for, by term and
	// distance: a segment never changes, and the Views a write makes ask
	// for the same words again.
	found map[string]map[string]int
}

// keyOf returns the key of term i by hash h.
func (x *typoIndex) keyOf(h uint64, i int) uint32 { return x.check(h)<<x.idx | uint32(i) }

// check returns the bits of h a key keeps (none when the index takes all
// 32 bits: shifts past a width give 0).
func (x *typoIndex) check(h uint64) uint32 { return uint32(h << x.bits >> (64 - (32 - x.idx))) }

// bucket returns the bucket of hash h.
func (x *typoIndex) bucket(h uint64) int { return int(h >> (64 - x.bits)) }

// terms calls fn with the terms whose own hash or one of whose deletions'
// has the bits of h that x keeps.
func (x *typoIndex) terms(h uint64, fn func(i int)) {
	if len(x.start) == 0 {
		return
	}
	b := x.bucket(h)
	keys := x.keys[x.start[b]:x.start[b+1]]
	c := x.check(h)
	j, _ := slices.BinarySearch(keys, c<<x.idx)
	mask := uint32(1)<<x.idx - 1
	for ; j < len(keys) && keys[j]>>x.idx == c; j++ {
		fn(int(keys[j] & mask))
	}
}

// maxKeptCorrections bounds typoIndex.found; when full it starts again
// empty.
const maxKeptCorrections = 4096

var typoSeed = maphash.MakeSeed()

func typoHash(s string) uint64 { return maphash.String(typoSeed, s) }

// minTypoTerm is the shortest term corrected or offered as a correction.
const minTypoTerm = 3

// deletions returns s without each one of its runes.
func deletions(s string) []string {
	var out []string
	for i, r := range s {
		out = append(out, s[:i]+s[i+runeSize(r, s[i:]):])
	}
	return out
}

// typoAlphabet are the letters tried where a word may lack one (terms are
// folded).
const typoAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// insertions returns s with one letter of typoAlphabet added anywhere.
func insertions(s string) []string {
	var out []string
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !utf8.RuneStart(s[i]) {
			continue
		}
		for _, c := range typoAlphabet {
			out = append(out, s[:i]+string(c)+s[i:])
		}
	}
	return out
}

// typoBucketKeys is about how many keys a bucket of a typo index holds.
const typoBucketKeys = 32

// buildTypos makes the field's symmetric-delete index, off the heap: the
// keys are counted by bucket, then placed, then each bucket is sorted (a
// comparison sort of the millions of keys of a large field took 1.7 s of
// the first searches at 100k documents, when the index was built on first
// use). A key repeated (a term with two deletions alike, "ll" in "all") is
// kept twice; corrections reads each candidate once.
func (f *field) buildTypos(dir string) {
	var buf []byte
	each := func(fn func(h uint64, i int)) {
		for i := range f.terms {
			t := f.word(&f.terms[i])
			if utf8.RuneCountInString(t) < minTypoTerm {
				continue
			}
			fn(typoHash(t), i)
			for at, r := range t {
				buf = append(append(buf[:0], t[:at]...), t[at+runeSize(r, t[at:]):]...)
				fn(maphash.Bytes(typoSeed, buf), i)
			}
		}
	}
	total := 0
	for i := range f.terms {
		if n := utf8.RuneCountInString(f.word(&f.terms[i])); n >= minTypoTerm {
			total += n + 1
		}
	}
	if total == 0 {
		return
	}
	x := &f.typo
	x.bits = uint(max(1, bits.Len(uint(total/typoBucketKeys))))
	x.idx = uint(bits.Len(uint(len(f.terms) - 1)))
	start, freeStart := offHeapMake[uint32](1<<x.bits + 1)
	each(func(h uint64, _ int) { start[x.bucket(h)+1]++ })
	for b := range 1 << x.bits {
		start[b+1] += start[b]
	}
	keys, freeKeys := offHeapMake[uint32](total)
	next := make([]uint32, 1<<x.bits)
	copy(next, start)
	each(func(h uint64, i int) {
		b := x.bucket(h)
		keys[next[b]] = x.keyOf(h, i)
		next[b]++
	})
	for b := range 1 << x.bits {
		slices.Sort(keys[start[b]:start[b+1]])
	}
	// The keys are read only to correct a word the fields lack: a file's
	// pages (cold) once built.
	raw := unsafe.Slice((*byte)(unsafe.Pointer(&keys[0])), 4*len(keys))
	if m, _, free, err := spill(dir, raw, false); err == nil {
		freeKeys()
		keys, freeKeys = unsafe.Slice((*uint32)(unsafe.Pointer(&m[0])), len(keys)), free
	}
	x.start, x.keys = start, keys
	f.frees = append(f.frees, freeStart, freeKeys)
}

// runeSize is the length in bytes of r, the rune s starts with (1 for a
// byte that is not UTF-8).
func runeSize(r rune, s string) int {
	if r == utf8.RuneError {
		_, n := utf8.DecodeRuneInString(s)
		return n
	}
	return utf8.RuneLen(r)
}

// probes are the hashes a term's corrections are looked up by in the
// fields' typo indexes, made once for every segment (typoProbes).
type probes struct {
	t       string
	maxDist int
	hashes  []uint64
}

// typoProbes returns the probes of t within maxDist edits. The index holds
// terms and their one-rune deletions: a term one edit away shares a probe
// with t or one of its deletions; two edits away, with a deletion of a
// deletion of t, or with t grown by one letter (then perhaps less one).
func typoProbes(t string, maxDist int) *probes {
	p := &probes{t: t, maxDist: maxDist}
	for _, s := range probeStrings(t, maxDist) {
		p.hashes = append(p.hashes, typoHash(s))
	}
	return p
}

// probeStrings returns the strings whose hashes are t's probes.
func probeStrings(t string, maxDist int) []string {
	out := []string{t}
	for _, d := range deletions(t) {
		out = append(out, d)
		if maxDist >= 2 {
			out = append(out, deletions(d)...)
		}
	}
	if maxDist >= 2 {
		for _, g := range insertions(t) {
			out = append(out, g)
			out = append(out, deletions(g)...)
		}
	}
	return out
}

// corrections returns the terms of f within p.maxDist edits of p.t,
// other than p.t, with their distances; p is made on first need (nil:
// not yet). Answers are kept for the segment.
func (f *field) corrections(t string, maxDist int, p **probes) map[string]int {
	if utf8.RuneCountInString(t) < minTypoTerm || maxDist <= 0 {
		return nil
	}
	key := t + "\x00" + string(rune('0'+maxDist))
	f.typo.mu.Lock()
	out, ok := f.typo.found[key]
	f.typo.mu.Unlock()
	if ok {
		return out
	}
	if *p == nil {
		*p = typoProbes(t, maxDist)
	}
	out = map[string]int{}
	for _, h := range (*p).hashes {
		f.typo.terms(h, func(i int) {
			c := f.word(&f.terms[i])
			if c == t {
				return
			}
			if _, seen := out[c]; seen {
				return
			}
			if d := editDistance(t, c, maxDist); d <= maxDist {
				out[c] = d
			}
		})
	}
	f.typo.mu.Lock()
	if f.typo.found == nil || len(f.typo.found) >= maxKeptCorrections {
		f.typo.found = map[string]map[string]int{}
	}
	f.typo.found[key] = out
	f.typo.mu.Unlock()
	return out
}

// editDistance is the optimal-string-alignment (Damerau-Levenshtein)
// distance of a and b in runes, or max+1 when it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// rarerRatio is how much more frequent a close neighbour must be for a
// word the index holds to be read as a typo of it too: "migrnats", found
// in two documents, next to "migrants", found in two thousand.
const rarerRatio = 20

// readAs returns what field name reads the one-term word t as besides
// itself (fix), found saying whether the word is in some field the query
// searches: a word found elsewhere is not corrected in the fields that
// lack it, which are most often another language's (Spanish "puede" is
// no typo of French "pied").
func (v *View) readAs(name, t string, typos int, found bool) string {
	if found && v.liveDF(name, t) == 0 {
		return ""
	}
	return v.fix(name, t, typos)
}

// found reports whether a live document holds word in a title, summary or
// body field, each field's language analysing it (a word of several terms:
// its first); answers are kept for the View.
func (v *View) found(word string) bool {
	key := "\x02" + word
	if c, ok := v.fixes.Load(key); ok {
		return c.(string) != ""
	}
	held := false
	for _, kind := range []search.TextField{search.FieldTitle, search.FieldSummary, search.FieldBody} {
		for _, tf := range v.byKind[uint8(kind)] {
			if toks := v.analyzer(tf.Lang, word); len(toks) > 0 && v.liveDF(tf.Name, toks[0].Term) > 0 {
				held = true
				break
			}
		}
		if held {
			break
		}
	}
	v.fixes.Store(key, map[bool]string{true: "1"}[held])
	return held
}

// fix returns what a query term of field name is read as besides itself:
// for a term no live document holds, its closest term within typos
// edits; for a term some hold, a close neighbour at least rarerRatio times
// more frequent; else "". Frequencies count live documents only, so that
// the answer does not change when segments merge away deleted ones.
// Answers are kept for the View.
func (v *View) fix(name, t string, typos int) string {
	if typos <= 0 {
		return ""
	}
	key := name + "\x00" + t + "\x00" + string(rune('0'+typos))
	if c, ok := v.fixes.Load(key); ok {
		return c.(string)
	}
	df := v.liveDF(name, t)
	best := ""
	// A neighbour rarerRatio times more frequent than t needs that many
	// documents: no search when there are not enough.
	if df == 0 || uint64(df)*rarerRatio <= v.total {
		c, cdf := v.correction(name, t, typos)
		if c != "" && (df == 0 || uint64(cdf) >= uint64(df)*rarerRatio) {
			best = c
		}
	}
	v.fixes.Store(key, best)
	return best
}

// liveDF is how many live documents hold term t in field name; answers
// are kept for the View.
func (v *View) liveDF(name, t string) uint32 {
	key := "\x01" + name + "\x00" + t
	if n, ok := v.fixes.Load(key); ok {
		return n.(uint32)
	}
	var n uint32
	for i, s := range v.segs {
		f := s.fields[name]
		if f == nil {
			continue
		}
		mt := f.lookup(t)
		if mt == nil {
			continue
		}
		if !v.deletes[i] {
			n += mt.df
			continue
		}
		base := v.base[i]
		f.each(mt, func(doc uint32, _ uint64) {
			if hasBit(v.live, base+doc) {
				n++
			}
		})
	}
	v.fixes.Store(key, n)
	return n
}

// correction returns the term of field name closest to t within typos
// edits (the most frequent among equally close ones, then the first in
// byte order) and its live document frequency, or "" when there is none.
func (v *View) correction(name, t string, typos int) (string, uint32) {
	best, bestDist, bestDF := "", typos+1, uint32(0)
	var p *probes
	for _, s := range v.segs {
		sf := s.fields[name]
		if sf == nil {
			continue
		}
		for c, d := range sf.corrections(t, typos, &p) {
			if d > bestDist {
				continue
			}
			df := v.liveDF(name, c)
			if df == 0 {
				continue // only in deleted documents
			}
			if d < bestDist || df > bestDF || (df == bestDF && c < best) {
				best, bestDist, bestDF = c, d, df
			}
		}
	}
	return best, bestDF
}
