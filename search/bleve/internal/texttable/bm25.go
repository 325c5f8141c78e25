package texttable

import "math"

// BM25 parameters.
const (
	k1 = 1.2
	b  = 0.75
)

// idf is BM25's inverse document frequency of a term held by df
// documents.
func (v *View) idf(df uint32) float64 {
	return math.Log(1 + (float64(v.st.total)-float64(df)+0.5)/(float64(df)+0.5))
}

// bm25 is the BM25 weight of a term occurring freq times in a field whose
// length part is norm, without the idf. The frequency is saturated by k1
// alone, as BM25 defines it: damping it first (a square root, as Lucene's
// classic similarity does) favoured short documents that name a term in
// passing over the long reports about it (real judged set: 0.743 nDCG@10
// with the root, 0.759 without; exact phrases 0.869, 0.963).
func bm25(freq uint64, norm float64) float64 {
	tf := float64(freq)
	return tf * k1 / (tf + norm)
}

// lengthNorm returns BM25's length part k1·(1−b+b·len/avg) of a field as
// two factors: norm = n0 + n1·len.
func (v *View) lengthNorm(name string) (n0, n1 float64) {
	return k1 * (1 - b), k1 * b / v.avgOf(name)
}

// avgOf is field name's average length, 1 when no document has it.
func (v *View) avgOf(name string) float64 {
	if avg := v.st.avg[name]; avg != 0 {
		return avg
	}
	return 1
}

// fieldsK1 saturates the weighted sum of a term's frequencies over a
// language's fields (BM25F, evaluator.bm25f). Most documents Faro holds
// are long reports whose bodies name their subject hundreds of times:
// saturated early (1.2, as for one short field), every report that
// mentions a word scores alike, and the rare word of a query counts for
// little. On half A of the real judged set (nDCG@10): 10, 0.754; 20,
// 0.761; 50, 0.782; 100, 0.776; 200, 0.774; 1000, 0.771.
const fieldsK1 = 50

// normSpan bounds the field lengths whose BM25F length part a View keeps
// as a reciprocal (stats.norms): the hottest loop of a search then
// multiplies where it divided.
const normSpan = 1 << 12

// fieldNorm returns the reciprocals of field name's length parts
// 1−b+b·len/avg for lengths below normSpan, and b/avg for the others.
func (v *View) fieldNorm(name string) (inv []float64, nb float64) {
	return v.st.norms[name], b / v.avgOf(name)
}

// normsOf returns the reciprocal length parts 1−b+nb·len for lengths 0 to
// normSpan−1.
func normsOf(nb float64) []float64 {
	inv := make([]float64, normSpan)
	for n := range inv {
		inv[n] = 1 / (1 - b + nb*float64(n))
	}
	return inv
}

// weightedTF is a field's weighted frequency boost·freq over its length
// part, read from inv (View.fieldNorm) when the length is in it.
func weightedTF(boost float64, freq uint64, length uint32, inv []float64, nb float64) float64 {
	if int(length) < len(inv) {
		return boost * float64(freq) * inv[length]
	}
	return boost * float64(freq) / (1 - b + nb*float64(length))
}
