package texttable

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"faro/search"
)

// benchView is a View of 20,000 documents of 60 words drawn from ten,
// and "caravan" in one document in 200.
func benchView(b *testing.B) *View { return benchViewOf(b, 20000, 60) }

// benchViewOf is a View of n documents of size words drawn from ten, and
// "caravan" in one document in 200.
func benchViewOf(b *testing.B, n, size int) *View {
	words := strings.Fields("migration return remittances women youth labour border health community data")
	r := rand.New(rand.NewPCG(3, 4))
	docs := make([]fakeDoc, n)
	for i := range docs {
		body := make([]string, size)
		for j := range body {
			body[j] = words[r.IntN(len(words))]
		}
		if i%200 == 0 {
			body[30] = "caravan" // a rare word among common ones
		}
		docs[i] = fakeDoc{id: fmt.Sprint(i), title: "report", body: strings.Join(body, " ")}
	}
	s, err := Build(context.Background(), fakeSource(docs), testSchema, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return NewView(Config{Schema: testSchema, Analyzer: testAnalyzer}, []*Segment{s}, nil)
}

// benchPlans runs the plans of queries over v in turn, the match cache
// off.
func benchPlans(b *testing.B, v *View, queries ...string) {
	var plans []*search.Plan
	for _, q := range queries {
		p, err := search.Compile(q, search.CompileOptions{})
		if err != nil {
			b.Fatal(err)
		}
		plans = append(plans, p)
	}
	for i := 0; b.Loop(); i++ {
		if _, err := v.Search(context.Background(), Request{Plan: plans[i%len(plans)], Size: 10, NoCache: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWords evaluates words found in most documents, the match
// cache off:
//
//	go test ./search/bleve/internal/texttable -run '^$' -bench Words
func BenchmarkWords(b *testing.B) {
	benchPlans(b, benchView(b), "migration", "border OR health", "youth AND labour", "data community")
}

// BenchmarkPhrase evaluates phrases of two words found together in most
// documents, side by side in few, the match cache off:
//
//	go test ./search/bleve/internal/texttable -run '^$' -bench Phrase
func BenchmarkPhrase(b *testing.B) {
	benchPlans(b, benchView(b), `"migration women"`, `"border health"`, `"youth labour community"`, `"data return"`)
}

// BenchmarkPhraseRare evaluates phrases of a rare word and a common one,
// the match cache off:
//
//	go test ./search/bleve/internal/texttable -run '^$' -bench PhraseRare
func BenchmarkPhraseRare(b *testing.B) {
	benchPlans(b, benchView(b), `"caravan migration"`, `"border caravan"`, `"caravan data return"`)
}

// BenchmarkPhraseLong evaluates phrases of two common words in long
// documents (600 words: each word stands about 60 times in each), the
// match cache off:
//
//	go test ./search/bleve/internal/texttable -run '^$' -bench PhraseLong
func BenchmarkPhraseLong(b *testing.B) {
	benchPlans(b, benchViewOf(b, 4000, 600), `"migration women"`, `"border health"`, `"data return"`)
}
