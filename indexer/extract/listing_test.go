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
	want := Listing{Lang: "es", Title: "Publicaciones", Entries: []ListingEntry{
		{Link: Link{Href: "/f/guia.pdf", Title: "Guía de retorno", Summary: "Pasos para regresar."}, Date: "2020-07-15"},
		{Link: Link{Href: "historias/uno.html", Title: "Historia", Summary: "Una familia."}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// What the predicate accepts decides: the same page read for its
	// documents of other formats.
	all := ReadListing(page, func(href string) bool { return !strings.HasPrefix(href, "?") })
	if len(all.Entries) != 3 || all.Entries[2].Date != "2019-03" || all.Entries[2].Title != "Sin fecha" {
		t.Errorf("all entries: %+v", all.Entries)
	}
	if l := ReadListing(nil, isDoc); len(l.Entries) != 0 {
		t.Errorf("empty page: %+v", l)
	}
}
