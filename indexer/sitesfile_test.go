package indexer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSitesSavedAndLoaded: a model saved and loaded strips every page as
// the model that learnt them; LearnCorpus then reads only the pages the
// loaded model does not hold; a damaged file loads nothing.
func TestSitesSavedAndLoaded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rels := copySite(t, dir, "web", "remesas.html", "retorno.html", "salud.html")
	learnt := NewSites()
	if n, err := learnt.LearnCorpus(ctx, dir, Options{}); err != nil || n != len(rels) {
		t.Fatalf("learnt %d pages of %d: %v", n, len(rels), err)
	}
	path := filepath.Join(t.TempDir(), "index.sites")
	if err := learnt.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded := NewSites()
	if ok, err := loaded.LoadFile(path); !ok || err != nil {
		t.Fatalf("load: %v %v", ok, err)
	}
	if !reflect.DeepEqual(loaded.view(t), learnt.view(t)) {
		t.Fatal("the loaded model differs from the saved one")
	}
	// The files change after the save: a loaded model does not read
	// them again, it reads only a page it does not hold.
	for _, rel := range rels {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte("<html><body><p>other</p></body></html>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copySite(t, dir, "web2", "acerca.html")
	if n, err := loaded.LearnCorpus(ctx, dir, Options{}); err != nil || n != 1 {
		t.Fatalf("learnt %d pages, want the 1 the saved model did not hold: %v", n, err)
	}
	lv, wv := loaded.view(t), learnt.view(t)
	for _, rel := range rels {
		if !reflect.DeepEqual(lv.pages[rel], wv.pages[rel]) {
			t.Errorf("%s was read again", rel)
		}
	}
	if _, ok := lv.pages["web2/acerca.html"]; !ok {
		t.Error("the page the saved model did not hold was not learnt")
	}
	// A model that holds pages already is not replaced; a damaged file
	// loads nothing; a missing one is no error.
	if ok, err := loaded.LoadFile(path); ok || err != nil {
		t.Errorf("load into a model with pages: %v %v", ok, err)
	}
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	empty := NewSites()
	if ok, err := empty.LoadFile(path); ok || err == nil || empty.st.live != 0 {
		t.Errorf("damaged file: %v %v, %d pages", ok, err, empty.st.live)
	}
	if ok, err := empty.LoadFile(filepath.Join(t.TempDir(), "none")); ok || err != nil {
		t.Errorf("missing file: %v %v", ok, err)
	}
}

// FuzzLoadSites: any bytes load as a model or give an error, never panic.
func FuzzLoadSites(f *testing.F) {
	s := NewSites()
	s.st.addPage("a.html", s.st.siteFor("dir:."), []uint64{1, 2})
	path := filepath.Join(f.TempDir(), "m")
	if err := s.Save(path); err != nil {
		f.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "m")
		os.WriteFile(p, b, 0o644)
		NewSites().LoadFile(p)
	})
}
