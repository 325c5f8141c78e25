package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadListing(t *testing.T) {
	page := []byte(`<!doctype html><html lang="es-HN"><head><meta charset="iso-8859-1"><title>Publicaciones | Programa</title></head><body>
<nav><a href="/informe-anual.pdf">Informe anual</a></nav>
<main><ul>
<li><h3>Gu` + "\xed" + `a de retorno</h3><time datetime="2020-07-15">15 de julio</time><p>Pasos para regresar.</p><a href="/f/guia.pdf">Descargar</a></li>
<li><h3>Historia</h3><p>Una familia.</p><a href="historias/uno.html">Leer</a></li>
<li><h3>Sin fecha</h3><time>marzo de 2019</time><a href="/f/nota.docx">Nota</a></li>
</ul><div class="pagination"><a href="?page=2">2</a></div></main></body></html>`)
	isDoc := func(href string) bool {
		return strings.HasSuffix(href, ".pdf") || strings.HasSuffix(href, ".html")
	}
	got := ReadListing(page, isDoc)
	want := Listing{Lang: "es", Title: "Publicaciones", Pagination: []string{"?page=2"}, Entries: []ListingEntry{
		{Link: Link{Href: "/f/guia.pdf", Title: "Guía de retorno", Summary: "Pasos para regresar."}, Date: "2020-07-15"},
		{Link: Link{Href: "historias/uno.html", Title: "Historia", Summary: "Una familia."}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// What the predicate accepts decides: the same page read for its
	// documents of other formats.
	all := ReadListing(page, func(href string) bool { return true })
	if len(all.Entries) != 3 || all.Entries[2].Date != "2019-03" || all.Entries[2].Title != "Sin fecha" {
		t.Errorf("all entries: %+v", all.Entries)
	}
	if l := ReadListing(nil, isDoc); len(l.Entries) != 0 {
		t.Errorf("empty page: %+v", l)
	}
}

func TestPagingLinks(t *testing.T) {
	for _, tc := range []struct {
		html string
		want []string
	}{
		{`<a rel="next" href="/p/2">Older</a><link rel="prev" href="/p/0">`, []string{"/p/2", "/p/0"}},
		{`<nav aria-label="Paginación"><a href="/pub/3">3</a><a href="/pub/4">4</a></nav>`, []string{"/pub/3", "/pub/4"}},
		{`<ul class="pager"><li><a href="/es/publicaciones/pagina-2">Siguiente</a></li></ul>`, []string{"/es/publicaciones/pagina-2"}},
		{`<a href="/list?page=7">7</a><a href="/list?id=7">7</a><a href="/x">Next ›</a>`, []string{"/list?page=7", "/x"}},
		// Not pagination: a PDF in a pager, a page-header link, plain links.
		{`<div class="pagination"><a href="/all.pdf">All</a></div><div class="page-header"><a href="/about">About</a></div><a href="/a">Story</a>`, nil},
	} {
		got := ReadListing([]byte("<html><body>"+tc.html+"</body></html>"), func(string) bool { return false }).Pagination
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.html, got, tc.want)
		}
	}
}
