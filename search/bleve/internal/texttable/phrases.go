package texttable

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
)

// Frequent phrases: each document's most repeated runs of words, kept as
// terms of a keyword field (Schema.Phrase), each "folded\x1fas written".
// Suggestions complete what a user types with those most documents hold.

// PhraseSep separates a phrase term's folded form, which completions
// match, from the phrase as written, which they show.
const PhraseSep = "\x1f"

// phraseTable holds a segment's phrase terms in byte order and, for each,
// the documents holding it: docs[off[i]:off[i+1]].
type phraseTable struct {
	terms []string
	off   []uint32
	docs  []uint32
}

// readPhrases reads the phrase field of src.
func (s *Segment) readPhrases(ctx context.Context, src Source, name string) error {
	if name == "" {
		return nil
	}
	t := &s.phrases
	t.off = append(t.off[:0], 0)
	err := src.Walk(ctx, name, func(term string, p *Posting) error {
		if int(p.Doc) >= s.docs {
			return nil
		}
		if len(t.terms) == 0 || t.terms[len(t.terms)-1] != term {
			t.terms = append(t.terms, term)
			t.off = append(t.off, uint32(len(t.docs)))
		}
		t.docs = append(t.docs, p.Doc)
		t.off[len(t.off)-1] = uint32(len(t.docs))
		return nil
	})
	if err != nil {
		return fmt.Errorf("text table: phrases: %w", err)
	}
	return nil
}

// Phrase is a frequent phrase and how many live documents hold it.
type Phrase struct {
	Text  string
	Count int
}

// maxPhraseScan bounds how many phrase terms one completion reads per
// segment: a short prefix stops there.
const maxPhraseScan = 5000

// Phrases returns up to n phrases whose folded form starts with prefix
// (folded), those most live documents hold first, then in byte order.
// Phrases are ranked by the documents holding them, deleted ones
// included, and the best are then counted over live documents only.
func (v *View) Phrases(prefix string, n int) []Phrase {
	defer runtime.KeepAlive(v) // its segments' mapped memory (freeFields)
	type loc struct{ seg, term int }
	type acc struct {
		text       string
		raw, count int
		at         []loc
	}
	byKey := map[string]*acc{}
	for i, s := range v.segs {
		t := &s.phrases
		j := sort.SearchStrings(t.terms, prefix)
		for end := min(len(t.terms), j+maxPhraseScan); j < end && strings.HasPrefix(t.terms[j], prefix); j++ {
			key, text, _ := strings.Cut(t.terms[j], PhraseSep)
			a := byKey[key]
			if a == nil {
				a = &acc{text: text}
				byKey[key] = a
			}
			a.raw += int(t.off[j+1] - t.off[j])
			a.at = append(a.at, loc{i, j})
		}
	}
	all := make([]*acc, 0, len(byKey))
	for _, a := range byKey {
		all = append(all, a)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].raw != all[j].raw {
			return all[i].raw > all[j].raw
		}
		return all[i].text < all[j].text
	})
	// Deletions only lower counts: twice as many as asked are counted.
	all = all[:min(len(all), 2*n)]
	out := make([]Phrase, 0, len(all))
	for _, a := range all {
		for _, l := range a.at {
			t := &v.segs[l.seg].phrases
			for _, d := range t.docs[t.off[l.term]:t.off[l.term+1]] {
				if hasBit(v.live, v.base[l.seg]+d) {
					a.count++
				}
			}
		}
		if a.count > 0 {
			out = append(out, Phrase{Text: a.text, Count: a.count})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out[:min(len(out), n)]
}
