package texttable

import (
	"context"
	"fmt"
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
// segment: a one-letter prefix stops there.
const maxPhraseScan = 20000

// Phrases returns up to n phrases whose folded form starts with prefix
// (folded), those most live documents hold first, then in byte order.
func (v *View) Phrases(prefix string, n int) []Phrase {
	type acc struct {
		text  string
		count int
	}
	byKey := map[string]*acc{}
	for i, s := range v.segs {
		t := &s.phrases
		j := sort.SearchStrings(t.terms, prefix)
		for end := min(len(t.terms), j+maxPhraseScan); j < end && strings.HasPrefix(t.terms[j], prefix); j++ {
			key, text, _ := strings.Cut(t.terms[j], PhraseSep)
			live := 0
			for _, d := range t.docs[t.off[j]:t.off[j+1]] {
				if hasBit(v.live, v.base[i]+d) {
					live++
				}
			}
			if live == 0 {
				continue
			}
			a := byKey[key]
			if a == nil {
				a = &acc{text: text}
				byKey[key] = a
			}
			a.count += live
		}
	}
	out := make([]Phrase, 0, len(byKey))
	for _, a := range byKey {
		out = append(out, Phrase{Text: a.text, Count: a.count})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
