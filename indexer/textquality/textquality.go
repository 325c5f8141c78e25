// Package textquality scores extracted text against a reference: word and
// bigram F1, glued words, accented-word recall; and finds the shared real
// documents used to measure it.
//
// Texts are compared as words: runs of letters and digits, lower-cased
// (see Words). Every measure treats a text as a multiset of words (or of
// consecutive word pairs), so the order of the pages does not matter but
// repeated words do.
package textquality

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Realdocs returns the folder of the shared real documents: the
// directory named by FARO_REALDOCS when that variable is set, else
// shared/realdocs beside the module root (../shared/realdocs seen from the
// folder holding go.mod, found by walking up from the working directory).
// It returns "" when that folder does not exist. The documents are never
// copied into the repository.
func Realdocs() string {
	if d := os.Getenv("FARO_REALDOCS"); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	d := filepath.Join(filepath.Dir(dir), "shared", "realdocs")
	if isDir(d) {
		return d
	}
	return ""
}

func isDir(d string) bool {
	st, err := os.Stat(d)
	return err == nil && st.IsDir()
}

// Words lower-cases s and splits it into words: maximal runs of Unicode
// letters and digits. Everything else (spaces, punctuation, symbols,
// combining marks) separates words.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// bag counts the strings of ws.
func bag(ws []string) map[string]int {
	m := make(map[string]int, len(ws))
	for _, w := range ws {
		m[w]++
	}
	return m
}

// bigrams counts the consecutive pairs of ws, joined by a space.
func bigrams(ws []string) map[string]int {
	m := map[string]int{}
	for i := 0; i+1 < len(ws); i++ {
		m[ws[i]+" "+ws[i+1]]++
	}
	return m
}

// bagF1 is the F1 of the multiset got against want, with its precision
// and recall. Two empty multisets score 1, 1, 1; when either is empty or
// they share nothing, all three are 0.
func bagF1(got, want map[string]int) (f1, precision, recall float64) {
	ng, nw, common := 0, 0, 0
	for _, n := range got {
		ng += n
	}
	for k, n := range want {
		nw += n
		common += min(n, got[k])
	}
	if ng == 0 && nw == 0 {
		return 1, 1, 1
	}
	if ng == 0 || nw == 0 || common == 0 {
		return 0, 0, 0
	}
	precision = float64(common) / float64(ng)
	recall = float64(common) / float64(nw)
	return 2 * precision * recall / (precision + recall), precision, recall
}

// WordF1 is the word-level F1 of got against want (multisets of
// lower-cased words, see Words), with its precision (share of got's words
// found in want) and recall (share of want's words found in got). Two
// texts without words score 1, 1, 1; when only one has words, or they
// share none, all three are 0.
func WordF1(got, want string) (f1, precision, recall float64) {
	return bagF1(bag(Words(got)), bag(Words(want)))
}

// BigramF1 is the F1 of got's consecutive word pairs against want's
// (multisets, as WordF1). It drops where words are glued, split or read
// out of order, which WordF1 barely sees. Two texts without pairs (at
// most one word each) score 1; when only one has pairs, or they share
// none, it is 0.
func BigramF1(got, want string) float64 {
	f1, _, _ := bagF1(bigrams(Words(got)), bigrams(Words(want)))
	return f1
}

// GluedShare is the share of got's words that are two consecutive words
// of want run together ("ofthe" where want has "of the") and are not a
// word of want themselves. It is 0 when got has no words.
func GluedShare(got, want string) float64 {
	gw := Words(got)
	if len(gw) == 0 {
		return 0
	}
	ww := Words(want)
	ref := bag(ww)
	pairs := map[string]bool{}
	for i := 0; i+1 < len(ww); i++ {
		pairs[ww[i]+ww[i+1]] = true
	}
	n := 0
	for _, w := range gw {
		if ref[w] == 0 && pairs[w] {
			n++
		}
	}
	return float64(n) / float64(len(gw))
}

// AccentRecall is the recall, in got, of want's words that hold a
// non-ASCII letter ("migración", "société"), counted with multiplicity,
// and n, the number of such words in want. When want has none, it returns
// 0, 0: callers averaging it should skip texts with n == 0.
func AccentRecall(got, want string) (recall float64, n int) {
	g := bag(Words(got))
	hit := 0
	for w, c := range bag(Words(want)) {
		if !hasNonASCIILetter(w) {
			continue
		}
		n += c
		hit += min(c, g[w])
	}
	if n == 0 {
		return 0, 0
	}
	return float64(hit) / float64(n), n
}

func hasNonASCIILetter(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// ManifestRow is one row of the collection's MANIFEST.tsv: the columns
// the quality measures use.
type ManifestRow struct {
	// File is the path relative to the collection, column local_file
	// ("pdf-robustness/x.pdf", "domain/y.pdf").
	File string
	// TextLayer is poppler's verdict on a PDF, column pdf_text_layer:
	// "yes" (possibly followed by details), "no", "encrypted-needs-password",
	// ... ; "" for files that are not PDFs.
	TextLayer string
	// Pages is the page count poppler reports, column pdf_pages; 0 when
	// the column is empty or not a number.
	Pages int
}

// ReadManifest reads root/MANIFEST.tsv, a tab-separated file whose first
// line names the columns, and returns its rows keyed by File. Columns are
// found by name; a missing column reads as empty. Blank lines, rows with
// fewer than two fields and rows without a local_file are skipped; CRLF
// line ends are accepted. The error is that of reading the file.
func ReadManifest(root string) (map[string]ManifestRow, error) {
	data, err := os.ReadFile(filepath.Join(root, "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	out := map[string]ManifestRow{}
	lines := strings.Split(string(data), "\n")
	col := map[string]int{}
	for i, h := range strings.Split(strings.TrimSuffix(lines[0], "\r"), "\t") {
		col[h] = i
	}
	for _, l := range lines[1:] {
		f := strings.Split(strings.TrimSuffix(l, "\r"), "\t")
		if len(f) < 2 {
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(f) {
				return f[i]
			}
			return ""
		}
		row := ManifestRow{File: get("local_file"), TextLayer: get("pdf_text_layer")}
		if row.File == "" {
			continue
		}
		row.Pages, _ = strconv.Atoi(strings.TrimSpace(get("pdf_pages")))
		out[row.File] = row
	}
	return out, nil
}
