package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestRelaxedMatching checks that a question with a word no document holds
// still finds the documents with its other words, says so, and that
// match=all asks for every word.
func TestRelaxedMatching(t *testing.T) {
	srv := newServer(t)
	type resp struct {
		Total   int    `json:"total"`
		Matched string `json:"matched"`
		Hits    []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	for _, tc := range []struct {
		path    string
		total   int
		matched string
		first   string
	}{
		{"/api/v1/search?q=%C2%BFtrata+zzzzqqq%3F", 3, "some", "hn-trata"},
		{"/api/v1/search?q=trata+zzzzqqq&match=all", 0, "", ""},
		{"/api/v1/search?q=trata+ni%C3%B1ez", 4, "all", "hn-trata"},
		{"/api/v1/search?q=trata+ni%C3%B1ez&match=all", 1, "all", "hn-trata"},
	} {
		var r resp
		getJSON(t, srv, tc.path, 200, &r)
		if r.Total < tc.total || (tc.total == 0 && r.Total != 0) || r.Matched != tc.matched {
			t.Errorf("%s: total %d matched %q, want %d %q", tc.path, r.Total, r.Matched, tc.total, tc.matched)
		}
		if tc.first != "" && (len(r.Hits) == 0 || r.Hits[0].ID != tc.first) {
			t.Errorf("%s: hits %+v, want %s first", tc.path, r.Hits, tc.first)
		}
	}
	var bad struct{ Error string }
	getJSON(t, srv, "/api/v1/search?q=trata&match=most", 400, &bad)
	if !strings.Contains(bad.Error, "match") {
		t.Errorf("match=most: %q", bad.Error)
	}
	for _, ui := range []struct{ lang, text string }{{"en", "some of your words"}, {"es", "algunas de sus palabras"}} {
		res, body := get(t, srv, "/?q=trata+zzzzqqq&ui="+ui.lang)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("page: %d", res.StatusCode)
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		n := doc.Find("#matched-some")
		href, _ := n.Find("a").Attr("href")
		if !strings.Contains(n.Text(), ui.text) || !strings.Contains(href, "match=all") {
			t.Errorf("%s page: notice %q, link %q", ui.lang, n.Text(), href)
		}
	}
}

// TestQueryErrorsInTheUILanguage checks that a query the user must fix is
// explained in the interface's language, on the page and in the API.
func TestQueryErrorsInTheUILanguage(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct{ path, want string }{
		{"/api/v1/search?q=%22trata", "unclosed quote at position 1"},
		{"/api/v1/search?q=%22trata&ui=es", "comillas sin cerrar en la posición 1"},
		{"/api/v1/search?q=(trata&ui=es", `"(" sin cerrar en la posición 1`},
		{"/api/v1/search?q=tr*ta&ui=es", "* solo se admite al final de una palabra en la posición 1"},
	} {
		var e struct{ Error string }
		getJSON(t, srv, tc.path, 400, &e)
		if e.Error != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, e.Error, tc.want)
		}
	}
	res, body := get(t, srv, "/?q=%22trata&ui=es")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "comillas sin cerrar en la posición 1") {
		t.Errorf("page: %d %.400s", res.StatusCode, body)
	}
}

// TestTypoTolerance checks that a misspelt word finds the documents of the
// word it resembles, and typos=0 turns that off.
func TestTypoTolerance(t *testing.T) {
	srv := newServer(t)
	var r struct {
		Total int `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	getJSON(t, srv, "/api/v1/search?q=trafiking", 200, &r)
	if r.Total == 0 {
		t.Errorf("trafiking: no hits")
	}
	getJSON(t, srv, "/api/v1/search?q=trafiking&typos=0", 200, &r)
	if r.Total != 0 {
		t.Errorf("trafiking with typos=0: %d hits", r.Total)
	}
	var bad struct{ Error string }
	getJSON(t, srv, "/api/v1/search?q=trata&typos=2", 400, &bad)
}
