package bleve

import (
	"testing"

	"faro/search"
)

// TestPlanCache compiles queries through a planCache: a text compiled
// again under the same options is the same plan; under other options,
// or another text, another one, as search.Compile makes it; a query that
// does not parse is an error every time.
func TestPlanCache(t *testing.T) {
	var c planCache
	strict := compileOptions
	strict.Strict = true
	noTypos := compileOptions
	noTypos.NoTypos = true
	first, err := c.compile("remesas familias", compileOptions)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		opts search.CompileOptions
		same bool
	}{
		{"remesas familias", compileOptions, true},
		{"remesas familias", strict, false},
		{"remesas familias", noTypos, false},
		{"remesas  familias", compileOptions, false},
		{"familias remesas", compileOptions, false},
	}
	for _, tt := range tests {
		got, err := c.compile(tt.text, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if (got == first) != tt.same {
			t.Errorf("%q %+v: same plan %v, want %v", tt.text, tt.opts, got == first, tt.same)
		}
		want, err := search.Compile(tt.text, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got.Key() != want.Key() {
			t.Errorf("%q: plan %s, want %s", tt.text, got.Key(), want.Key())
		}
	}
	for range 2 {
		if _, err := c.compile(`"unclosed`, compileOptions); err == nil {
			t.Error(`"unclosed: no error`)
		}
	}
}
