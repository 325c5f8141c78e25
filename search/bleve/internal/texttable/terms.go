package texttable

import (
	"math"
	"math/bits"
	"strconv"

	"faro/search"
)

// analyzed returns the terms the language's analyser makes of text.
func (e *evaluator) analyzed(lang, text string) []Token {
	k := [2]string{lang, text}
	if w, ok := e.words[k]; ok {
		return w
	}
	var out []Token
	if e.v.analyzer != nil {
		out = e.v.analyzer(lang, text)
	}
	e.words[k] = out
	return out
}

// fields returns the physical fields of a plan's weighted fields, each
// with its boost.
func (e *evaluator) fields(ws []search.Weighted) []weightedField {
	var out []weightedField
	for _, w := range ws {
		for _, f := range e.v.byKind[uint8(w.Field)] {
			out = append(out, weightedField{f, w.Boost})
		}
	}
	return out
}

type weightedField struct {
	TextField
	boost float64
}

// segTerm is a term's postings in one segment.
type segTerm struct {
	seg int
	f   *field
	t   *term
}

// lookedUp is a term's postings in every segment, with its document
// frequency over those the View's statistics count (stats; deleted
// documents included, as in its N).
type lookedUp struct {
	ts []segTerm
	df uint32
}

// lookup finds a term of field name in every segment, with its document
// frequency (lookedUp). Answers are kept for the evaluation: a
// term's frequency is asked for each language of each word and its
// postings again when they are read.
func (e *evaluator) lookup(name, t string) ([]segTerm, uint32) {
	k := [2]string{name, t}
	if l, ok := e.terms[k]; ok {
		return l.ts, l.df
	}
	var out []segTerm
	var df uint32
	for i, s := range e.v.segs {
		f := s.fields[name]
		if f == nil {
			continue
		}
		if mt := f.lookup(t); mt != nil {
			out = append(out, segTerm{i, f, mt})
			if i < e.v.st.segs {
				df += mt.df
			}
		}
	}
	if e.terms == nil {
		e.terms = map[[2]string]lookedUp{}
	}
	e.terms[k] = lookedUp{out, df}
	return out, df
}

// bm25f adds to out every live document holding term t in some of fields
// (one language's fields), scored by BM25F: the term's frequency in each
// field, times the field's weight, over the field's length part
// 1−b+b·len/avg, summed over the fields (tf) and saturated once,
// (k+1)·tf/(k+tf) with k = fieldsK1, times boost and idf² of df (of
// e.conceptDF when set). A common word named in a title and a summary
// thus no longer outweighs a rare word of the body, as it did when each
// field's BM25 was added. only, when not nil, keeps out to its
// documents.
func (e *evaluator) bm25f(out *mset, fields []weightedField, t string, df uint32, boost float64, only *mset) {
	if e.conceptDF != 0 {
		df = e.conceptDF
	}
	idf := e.v.idf(df)
	w := boost * idf * idf * (fieldsK1 + 1)
	if e.scratch == nil {
		e.scratch = e.newSet()
	}
	scratch := e.scratch
	held := 0
	postings := make([][]segTerm, len(fields))
	for i, f := range fields {
		if postings[i], _ = e.lookup(f.Name, t); len(postings[i]) > 0 {
			held++
		}
	}
	if e.reads != nil {
		e.read(fields, t, w, held)
	}
	if held == 0 {
		return
	}
	// When one field holds the term, its documents are scored as they are
	// read.
	clear(scratch.bits)
	live := e.v.live
	scored := e.scored
	if only != nil && e.sparse(only, postings) {
		e.bm25fOnly(out, fields, postings, w, held, only)
		return
	}
	for i, f := range fields {
		ts := postings[i]
		if len(ts) == 0 {
			continue
		}
		inv, nb := e.v.fieldNorm(f.Name)
		for _, st := range ts {
			if st.seg < e.fromSeg {
				continue // known (evaluator.complete)
			}
			base := e.v.base[st.seg]
			length := st.f.length
			checkLive := e.v.deletes[st.seg]
			// field.each's loop, inline: this is the hottest loop of a
			// search.
			data := st.f.data[st.t.off:st.t.end]
			var doc uint64
			for p := 0; p < len(data); {
				// Most deltas and frequencies fit a byte.
				d := uint64(data[p])
				if d < 0x80 {
					p++
				} else {
					d, p = uvarint(data, p)
				}
				doc += d >> 1
				freq := uint64(1)
				if d&1 == 0 {
					if freq = uint64(data[p]); freq < 0x80 {
						p++
					} else {
						freq, p = uvarint(data, p)
					}
				}
				g := base + uint32(doc)
				if checkLive && !hasBit(live, g) || only != nil && !only.has(g) {
					continue
				}
				if scored != nil && !hasBit(scored, g) {
					// Matched, not scored.
					if held == 1 {
						out.add(g, 0)
					} else if !scratch.has(g) {
						setBit(scratch.bits, g)
						scratch.score[g] = 0
					}
					continue
				}
				tf := weightedTF(f.boost, freq, length[doc], inv, nb)
				if held == 1 {
					out.add(g, w*tf/(fieldsK1+tf))
					continue
				}
				if !scratch.has(g) {
					setBit(scratch.bits, g)
					scratch.score[g] = tf
					continue
				}
				scratch.score[g] += tf
			}
		}
	}
	if held == 1 {
		return
	}
	saturate(out, scratch, w)
}

// sparseRatio is how many postings per document of a set make reading
// the set's documents one by one, each found with the skip entries
// (a jump, then half a run of skipEvery postings read on average),
// cheaper than reading the postings through. A variable: tests set it to
// 0 (always one by one) and to denseOnly (never) to compare.
var sparseRatio uint64 = 128

// denseOnly as sparseRatio turns the sparse readings off.
const denseOnly = 1 << 40

// sparse reports whether only has few documents against the postings
// read for them.
func (e *evaluator) sparse(only *mset, postings [][]segTerm) bool {
	var n uint64
	for _, ts := range postings {
		for _, st := range ts {
			n += uint64(st.t.df)
		}
	}
	return uint64(popcount(only.bits, nil))*sparseRatio < n
}

// bm25fOnly is bm25f over the documents of only, few against the
// postings: each field's postings are read at those documents only,
// jumping over the others with the skip entries. Scores are summed in
// the order bm25f sums them, so they are the same to the last bit.
func (e *evaluator) bm25fOnly(out *mset, fields []weightedField, postings [][]segTerm, w float64, held int, only *mset) {
	scratch := e.scratch
	live := e.v.live
	for i, f := range fields {
		inv, nb := e.v.fieldNorm(f.Name)
		for _, st := range postings[i] {
			base := e.v.base[st.seg]
			end := base + uint32(e.v.segs[st.seg].docs)
			checkLive := e.v.deletes[st.seg]
			c := newDocCursor(st.f, st.t)
			for w0 := base / 64; w0 < (end+63)/64 && !c.done; w0++ {
				word := only.bits[w0]
				for word != 0 && !c.done {
					g := w0<<6 | uint32(bits.TrailingZeros64(word))
					word &= word - 1
					if g < base || g >= end || checkLive && !hasBit(live, g) {
						continue
					}
					local := uint64(g - base)
					if c.advance(local); c.done || c.doc != local {
						continue
					}
					tf := 0.0 // matched, not scored
					if e.scored == nil || hasBit(e.scored, g) {
						tf = weightedTF(f.boost, c.freq, st.f.length[local], inv, nb)
					}
					if held == 1 {
						out.add(g, w*tf/(fieldsK1+tf))
						continue
					}
					if !scratch.has(g) {
						setBit(scratch.bits, g)
						scratch.score[g] = tf
						continue
					}
					scratch.score[g] += tf
				}
			}
		}
	}
	if held == 1 {
		return
	}
	saturate(out, scratch, w)
}

// fieldDF is how many documents hold term t in one of fields, one
// language's: the most in one field, an estimate of their union read from
// the term dictionaries (deleted documents included, as the View's N).
func (e *evaluator) fieldDF(fields []weightedField, t string) uint32 {
	var most uint32
	for _, f := range fields {
		_, df := e.lookup(f.Name, t)
		most = max(most, df)
	}
	return most
}

// wordDF is how many documents hold the i-th term each language's
// analyser makes of text, in one of the languages' fields (fieldDF),
// summed over the languages: a document has one language, and a word is
// as common as the documents of every language that hold it.
func (e *evaluator) wordDF(langs [][]weightedField, text string, i int) uint32 {
	var n uint32
	for _, fs := range langs {
		if toks := e.analyzed(fs[0].Lang, text); i < len(toks) {
			n += e.fieldDF(fs, toks[i].Term)
		}
	}
	return n
}

// maxDF is the document frequency a word and its translations (the
// children of a ClauseMax) score with, as one term: per language, the
// most documents one of them is found in, summed over the languages. A
// word of a small language is then as rare as its concept, not rarer
// because few documents are in that language ("retour" in the one French
// report of a collection against "return" in every English one). 0 when
// no child is a single word.
func (e *evaluator) maxDF(cs []*search.Clause) uint32 {
	per := map[string]uint32{}
	for _, c := range cs {
		if c.Kind != search.ClauseWord {
			continue
		}
		for _, fs := range byLang(e.fields(c.Fields)) {
			if toks := e.analyzed(fs[0].Lang, c.Text); len(toks) == 1 {
				per[fs[0].Lang] = max(per[fs[0].Lang], e.fieldDF(fs, toks[0].Term))
			}
		}
	}
	var n uint32
	for _, df := range per {
		n += df
	}
	return n
}

// byLang groups weighted fields by language, in the order of their
// languages' first fields.
func byLang(fields []weightedField) [][]weightedField {
	var out [][]weightedField
	for _, f := range fields {
		i := 0
		for i < len(out) && out[i][0].Lang != f.Lang {
			i++
		}
		if i == len(out) {
			out = append(out, nil)
		}
		out[i] = append(out[i], f)
	}
	return out
}

// read records that bm25f reads term t in fields with weight w, held
// fields holding it (matchEntry.reads).
func (e *evaluator) read(fields []weightedField, t string, w float64, held int) {
	for _, f := range fields {
		e.reads.WriteString(f.Name)
		e.reads.WriteByte(',')
	}
	e.reads.WriteString(t)
	e.reads.WriteByte(0)
	e.reads.WriteString(strconv.FormatUint(math.Float64bits(w), 16))
	e.reads.WriteByte(0)
	e.reads.WriteString(strconv.Itoa(held))
	e.reads.WriteByte('\n')
}
