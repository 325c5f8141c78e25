package indexer

import (
	"context"
	"reflect"
	"testing"

	"faro/indexer/extract"
)

// TestPackResult checks that a packed result unpacks to the result it was
// packed from, texts of any bytes included, and that packing leaves the
// result alone.
func TestPackResult(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  extract.Result
	}{
		{"empty", extract.Result{Format: "html"}},
		{"pages", extract.Result{Format: "html", Title: "Remesas", Pages: []string{"Las remesas de El Salvador.", "", "ñandú — “comillas”"}}},
		{"boilerplate", extract.Result{Format: "html", Pages: []string{"uno"}, Boilerplate: []extract.Boilerplate{{Reason: "menu", Text: "Inicio | Contacto"}, {Reason: "footer", Text: ""}}}},
		{"bytes", extract.Result{Pages: []string{"\xff\xfe not UTF-8 \x00"}, Meta: map[string]string{"k": "v"}, Links: []extract.Link{{Href: "a.pdf", Title: "A"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig := tc.res
			before := *deepCopy(&orig)
			var pk packer
			shell, packed := pk.packResult(&orig)
			if !reflect.DeepEqual(orig, before) {
				t.Fatalf("packing changed the result: %+v", orig)
			}
			if len(shell.Pages) != 0 {
				t.Errorf("the shell keeps %d pages", len(shell.Pages))
			}
			got, err := unpackResult(shell, packed)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, before) {
				t.Errorf("unpacked %+v, want %+v", *got, before)
			}
		})
	}
}

func deepCopy(r *extract.Result) *extract.Result {
	c := *r
	c.Pages = append([]string(nil), r.Pages...)
	c.Boilerplate = append([]extract.Boilerplate(nil), r.Boilerplate...)
	return &c
}

// FuzzUnpackResult: damaged packed bytes give an error, never a panic.
func FuzzUnpackResult(f *testing.F) {
	var pk packer
	shell, packed := pk.packResult(&extract.Result{Pages: []string{"a", "bc"}, Boilerplate: []extract.Boilerplate{{Reason: "menu", Text: "x"}}})
	f.Add(packed)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		unpackResult(shell, data)
	})
}

// TestRunPackedAsWhole: a run that keeps the first reading of its web
// pages packed (none fits the budget for whole results) builds the same
// documents as one that keeps them whole.
func TestRunPackedAsWhole(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	copySite(t, dir, "web", "remesas.html", "retorno.html", "salud.html")
	var whole, packed memSink
	if _, err := Run(ctx, dir, &whole, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, dir, &packed, Options{wholeBudget: -1}); err != nil {
		t.Fatal(err)
	}
	if len(whole.docs) != 3 {
		t.Fatalf("%d documents", len(whole.docs))
	}
	for rel, d := range whole.docs {
		p := packed.docs[rel]
		if p == nil || !reflect.DeepEqual(p, d) {
			t.Errorf("%s: packed run built %+v, whole %+v", rel, p, d)
		}
	}
}
