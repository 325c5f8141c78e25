package texttable

import (
	"runtime"
	"strings"

	"faro/search"
)

// maxPrefixMarks bounds how many of a prefix's terms are looked up in a
// shown hit for snippets.
const maxPrefixMarks = 1024

// Marks returns where marks stand in document n's body: every position
// of a word, those of a phrase's words only where the whole phrase stands,
// as Key(page, position) -> term. An evaluator's analyses are shared by
// the calls that pass the same cache.
func (v *View) Marks(n uint32, marks []search.Mark, cache map[[2]string][]Token) map[uint64]string {
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
	corrected := map[uint64]string{}
	for t, c := range fixed {
		for _, k := range locs[c] {
			corrected[k] = c
		}
		own := locs[t]
		locs[t] = append(own[:len(own):len(own)], locs[c]...)
	}
	out := markable(e, lang, marks, locs)
	for k, t := range out {
		if c, ok := corrected[k]; ok && fixed[t] == c {
			out[k] = c
		}
	}
	return out
}

// markable returns the positions marked, with their terms; locs holds
// each term's positions in the body.
func markable(e *evaluator, lang string, marks []search.Mark, locs map[string][]uint64) map[uint64]string {
	out := map[uint64]string{}
	for _, m := range marks {
		if m.Prefix {
			p := search.Fold(m.Text)
			for t, keys := range locs {
				if strings.HasPrefix(t, p) {
					for _, k := range keys {
						out[k] = t
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
					out[k] = tok.Term
				}
			}
			continue
		}
		// A phrase: where every word stands at its offset.
		at := map[string]map[uint64]bool{}
		for t, keys := range locs {
			at[t] = map[uint64]bool{}
			for _, k := range keys {
				at[t][k] = true
			}
		}
		first := toks[0].Pos
		for _, start := range locs[toks[0].Term] {
			ok := true
			for _, tok := range toks[1:] {
				if !at[tok.Term][start+uint64(tok.Pos-first)] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for _, tok := range toks {
				out[start+uint64(tok.Pos-first)] = tok.Term
			}
		}
	}
	return out
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
