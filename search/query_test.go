package search_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"faro/search"
)

// show renders a Node compactly for comparisons.
func show(n search.Node) string {
	switch n := n.(type) {
	case search.MatchAll:
		return "*"
	case search.Term:
		s := n.Text
		if n.Prefix {
			s += "*"
		}
		if n.Field != "" {
			s = n.Field + ":" + s
		}
		return s
	case search.Phrase:
		s := `"` + n.Text + `"`
		if n.Field != "" {
			s = n.Field + ":" + s
		}
		return s
	case search.And:
		return "AND(" + join(n.Nodes) + ")"
	case search.Or:
		return "OR(" + join(n.Nodes) + ")"
	case search.Not:
		return "NOT(" + show(n.Node) + ")"
	}
	return fmt.Sprintf("?%T", n)
}

func join(ns []search.Node) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, show(n))
	}
	return strings.Join(parts, " ")
}

func TestParseQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "*"},
		{"   ", "*"},
		{"trata", "trata"},
		{"trata niñez", "AND(trata niñez)"},
		{"trata AND niñez", "AND(trata niñez)"},
		{"trata && niñez", "AND(trata niñez)"},
		{"trata OR trafficking", "OR(trata trafficking)"},
		{"a b OR c", "OR(AND(a b) c)"},
		{"a OR b c", "OR(a AND(b c))"},
		{"(trata OR trafficking) AND niñez", "AND(OR(trata trafficking) niñez)"},
		{"NOT smuggling", "NOT(smuggling)"},
		{"trafficking -smuggling", "AND(trafficking NOT(smuggling))"},
		{"+trata", "trata"},
		{"trafficking NOT (a OR b)", "AND(trafficking NOT(OR(a b)))"},
		{`"plan your life"`, `"plan your life"`},
		{`"  plan   your life "`, `"plan your life"`},
		{`"single"`, "single"},
		{"migra*", "migra*"},
		// Punctuation people type is not syntax.
		{"¿cómo financian los migrantes su viaje a Estados Unidos?", "AND(cómo financian los migrantes su viaje a Estados Unidos)"},
		{"trata, niñez; retorno.", "AND(trata niñez retorno)"},
		{"¡trata!", "trata"},
		{"?", "*"},
		{"¿ ?", "*"},
		{"migra*?", "migra*"},
		{"country:HND,", "country:HND"},
		{"«retorno» — niñez", "AND(retorno niñez)"},
		{"title:campaña", "title:campaña"},
		{`title:"plan your life"`, `title:"plan your life"`},
		{"country:hnd", "country:HND"},
		{"Country:HND", "country:HND"},
		{"gcm:010", "gcm:10"},
		{"year:2019", "year:2019"},
		{"lang:ES", "lang:es"},
		{"and or not", "AND(and or not)"},
		{"post-conflict", "post-conflict"},
		{"10:30", "10:30"},
		{"a - b", "AND(a b)"},
		{"NOT NOT a", "NOT(NOT(a))"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			n, err := search.ParseQuery(c.in)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", c.in, err)
			}
			if got := show(n); got != c.want {
				t.Fatalf("ParseQuery(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	cases := []struct {
		in      string
		pos     int
		message string
	}{
		{`"unclosed`, 0, "unclosed quote"},
		{`trata "unclosed`, 6, "unclosed quote"},
		{"(trata", 0, `unclosed "("`},
		{"trata)", 5, `unexpected ")"`},
		{"()", 0, "empty parentheses"},
		{"trata AND", 6, "AND needs a term after it"},
		{"AND trata", 0, "AND needs a term before it"},
		{"OR trata", 0, "OR needs a term before it"},
		{"trata OR", 6, "OR needs a term after it"},
		{"trata NOT", 6, "NOT needs a term after it"},
		{"gcm:99", 0, "gcm must be an objective number from 1 to 23"},
		{"country:Honduras", 0, "ISO 3166-1 alpha-3"},
		{"year:19", 0, "four-digit year"},
		{"colour:red", 0, `unknown field "colour"`},
		{"m*", 0, "at least 2 letters"},
		{"mi*ra", 0, "only supported at the end"},
		{`""`, 0, "empty phrase"},
		{"country:HN*", 0, "prefix search is not supported"},
		{strings.Repeat("(", 30) + "a" + strings.Repeat(")", 30), 20, "nested too deeply"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := search.ParseQuery(c.in)
			var qe *search.QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) err = %v, want *QueryError", c.in, err)
			}
			if qe.Pos != c.pos || !strings.Contains(qe.Msg, c.message) {
				t.Fatalf("ParseQuery(%q) = %q at %d, want %q at %d", c.in, qe.Msg, qe.Pos, c.message, c.pos)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("position %d", c.pos+1)) {
				t.Fatalf("message %q lacks the 1-based position", err.Error())
			}
		})
	}
	if _, err := search.ParseQuery(strings.Repeat("a ", search.MaxQueryLen)); err == nil {
		t.Fatal("overlong query accepted")
	}
	if _, err := search.ParseQuery("\xff\xfe"); err == nil {
		t.Fatal("invalid UTF-8 accepted")
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "trata", `"a b" OR (c AND -d)`, "title:\"x y\" country:HND gcm:10", "migra*", "((a))", `"`, "NOT -+a", "a:b:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := search.ParseQuery(s)
		if err != nil {
			var qe *search.QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q): error %v is not a *QueryError", s, err)
			}
			if qe.Pos > len(s) {
				t.Fatalf("ParseQuery(%q): position %d beyond the input", s, qe.Pos)
			}
			return
		}
		if n == nil {
			t.Fatalf("ParseQuery(%q) returned nil without error", s)
		}
		show(n)
	})
}

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Niñez", "ninez"},
		{"MIGRACIÓN", "migracion"},
		{"Haïti", "haiti"},
		{"œuvre", "oeuvre"},
		{"plain", "plain"},
		{"Ça va", "ca va"},
		{"São Tomé", "sao tome"},
		{"e\u0301", "e"},
	}
	for _, c := range cases {
		if got := search.Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAppendFold checks that AppendFold appends what Fold returns.
func TestAppendFold(t *testing.T) {
	for _, s := range []string{"", "plain", "Niñez", "MIGRACIÓN", "e\u0301", "\ufb01n", "\u212aelvin", "\u0130", "\xff\xc3x",
		"l’État", "ŒUVRE ß", "日本語", "\u00a0 \u0085", "ǅ"} {
		got := string(search.AppendFold([]byte("prefix:"), s))
		if want := "prefix:" + search.Fold(s); got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestBuildSnippets(t *testing.T) {
	pages := []search.Page{
		{Number: 1, Text: "Nothing here but <tags> & ampersands."},
		{Number: 2, Text: strings.Repeat("filler words ", 40) + "La trata de personas y la niñez migrante." + strings.Repeat(" more text", 40)},
		{Number: 3, Text: "Trata appears alone."},
	}
	span := func(page int, word, term string) search.Span {
		i := strings.Index(pages[page].Text, word)
		return search.Span{Page: page, Start: i, End: i + len(word), Term: term}
	}
	got := search.BuildSnippets(pages, []search.Span{
		span(1, "trata", "trata"), span(1, "niñez", "ninez"), span(2, "Trata", "trata"), span(0, "<tags>", "tags"),
	}, 2, 120)
	if len(got) != 2 {
		t.Fatalf("got %d snippets, want 2: %+v", len(got), got)
	}
	if got[0].Page != 2 || !strings.Contains(got[0].HTML(), "La <mark>trata</mark> de personas y la <mark>niñez</mark> migrante.") {
		t.Fatalf("best snippet = %+v", got[0])
	}
	if !strings.HasPrefix(got[0].HTML(), "… ") || !strings.HasSuffix(got[0].HTML(), " …") || len(got[0].HTML()) > 200 {
		t.Fatalf("snippet not cut to width with ellipses: %q", got[0].HTML())
	}
	if got[1].Page != 1 || got[1].HTML() != "Nothing here but <mark>&lt;tags&gt;</mark> &amp; ampersands." {
		t.Fatalf("escaping: %+v", got[1])
	}
	// Out-of-range spans are ignored, not a panic.
	if s := search.BuildSnippets(pages, []search.Span{{Page: 9, Start: 0, End: 3}, {Page: 0, Start: 5, End: 500}}, 3, 100); len(s) != 0 {
		t.Fatalf("bad spans gave %+v", s)
	}
}
