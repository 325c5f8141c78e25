package texttable

import (
	"cmp"
	"runtime"
	"slices"
	"strings"

	"faro/search"
)

// maxPrefixMarks bounds how many of a prefix's terms are looked up in a
// shown hit for snippets.
const maxPrefixMarks = 1024

// Marked is a position of a document's body that a mark matches: its
// Key(page, position) and the term found there.
type Marked struct {
	Key  uint64
	Term string
}

// Marks returns where marks stand in document n's body, by Key, each
// position once: every position of a word, those of a phrase's words only
// where the whole phrase stands. An evaluator's analyses are shared by the
// calls that pass the same cache.
func (v *View) Marks(n uint32, marks []search.Mark, cache map[[2]string][]Token) []Marked {
	defer runtime.KeepAlive(v) // its segments' mapped memory (freeFields)
	if len(marks) == 0 {
		return nil
	}
	si, local := v.Locate(n)
	if si >= len(v.segs) {
		return nil
	}
	seg := v.segs[si]
	var body *field
	var lang, bodyName string
	for _, tf := range v.byKind[uint8(search.FieldBody)] {
		if f := seg.fields[tf.Name]; f != nil && int(local) < len(f.length) && f.length[local] != 0 {
			body, lang, bodyName = f, tf.Lang, tf.Name
			break
		}
	}
	if body == nil {
		return nil
	}
	e := &evaluator{v: v, words: cache}
	if e.words == nil {
		e.words = map[[2]string][]Token{}
	}
	locs := map[string][]uint64{}
	seen := map[string]bool{}
	// fixed maps a misspelt term to the correction searched for it.
	fixed := map[string]string{}
	look := func(t *term) {
		w := body.word(t)
		if seen[w] {
			return
		}
		seen[w] = true
		if keys := body.positionsOf(t, local); keys != nil {
			locs[w] = keys
		}
	}
	for _, m := range marks {
		if m.Prefix {
			r := body.prefixRange(search.Fold(m.Text))
			for i := range r {
				if i == maxPrefixMarks {
					break
				}
				look(&r[i])
			}
			continue
		}
		for _, tok := range e.analyzed(lang, m.Text) {
			if t := body.lookup(tok.Term); t != nil {
				look(t)
			}
			if m.Typos > 0 {
				if c := v.fix(bodyName, tok.Term, m.Typos); c != "" {
					fixed[tok.Term] = c
					if t := body.lookup(c); t != nil {
						look(t)
					}
				}
			}
		}
	}
	// A fixed term stands where it is and where its correction is; the
	// latter positions are named by the correction.
	var corrected map[uint64]string
	for t, c := range fixed {
		if corrected == nil {
			corrected = map[uint64]string{}
		}
		for _, k := range locs[c] {
			corrected[k] = c
		}
		own := locs[t]
		all := append(own[:len(own):len(own)], locs[c]...)
		slices.Sort(all)
		locs[t] = slices.Compact(all)
	}
	out := markable(e, lang, marks, locs)
	for i, m := range out {
		if c, ok := corrected[m.Key]; ok && fixed[m.Term] == c {
			out[i].Term = c
		}
	}
	return out
}

// markable returns the positions marked, with their terms, by Key, each
// once (the last mark's term where two marks match one position); locs
// holds each term's positions in the body, ascending.
func markable(e *evaluator, lang string, marks []search.Mark, locs map[string][]uint64) []Marked {
	var out []Marked
	for _, m := range marks {
		if m.Prefix {
			p := search.Fold(m.Text)
			for t, keys := range locs {
				if strings.HasPrefix(t, p) {
					for _, k := range keys {
						out = append(out, Marked{k, t})
					}
				}
			}
			continue
		}
		toks := e.analyzed(lang, m.Text)
		if !m.Phrase || len(toks) < 2 {
			// A word the analyser splits ("trabajo-migrante") matches a
			// field holding all its parts.
			all := true
			for _, tok := range toks {
				all = all && len(locs[tok.Term]) > 0
			}
			if !all {
				continue
			}
			for _, tok := range toks {
				for _, k := range locs[tok.Term] {
					out = append(out, Marked{k, tok.Term})
				}
			}
			continue
		}
		// A phrase: where every word stands at its offset.
		first := toks[0].Pos
		for _, start := range locs[toks[0].Term] {
			ok := true
			for _, tok := range toks[1:] {
				if _, found := slices.BinarySearch(locs[tok.Term], start+uint64(tok.Pos-first)); !found {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for _, tok := range toks {
				out = append(out, Marked{start + uint64(tok.Pos-first), tok.Term})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Marked) int { return cmp.Compare(a.Key, b.Key) })
	// Of the marks of one position, the last.
	w := 0
	for i, m := range out {
		if i+1 < len(out) && out[i+1].Key == m.Key {
			continue
		}
		out[w] = m
		w++
	}
	return out[:w]
}

// Fixes returns, for the marks of document n's body read as another term
// too (View.fix), the term searched in their place: mark text -> corrected
// term.
func (v *View) Fixes(n uint32, marks []search.Mark) map[string]string {
	defer runtime.KeepAlive(v) // its segments' mapped memory (freeFields)
	si, local := v.Locate(n)
	if si >= len(v.segs) {
		return nil
	}
	var out map[string]string
	for _, tf := range v.byKind[uint8(search.FieldBody)] {
		f := v.segs[si].fields[tf.Name]
		if f == nil || int(local) >= len(f.length) || f.length[local] == 0 {
			continue
		}
		for _, m := range marks {
			if m.Typos == 0 {
				continue
			}
			toks := v.analyzer(tf.Lang, m.Text)
			if len(toks) != 1 {
				continue
			}
			if c := v.readAs(tf.Name, toks[0].Term, m.Typos, v.found(m.Text)); c != "" {
				if out == nil {
					out = map[string]string{}
				}
				out[m.Text] = c
			}
		}
		break
	}
	return out
}
