//go:build linux

package texttable

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"faro/search"
)

// TestSpilledTablesAnswerAlike: a table whose positions and typo index
// were written to files answers every kind of search, and marks every
// hit, as one kept in memory.
func TestSpilledTablesAnswerAlike(t *testing.T) {
	words := strings.Fields("migration migrants return reintegration trafficking smuggling border remittances de la trata personas")
	docs := randomDocs(rand.New(rand.NewPCG(3, 4)), 800, words)
	dir := t.TempDir()
	mem, err := Build(context.Background(), fakeSource(docs), testSchema, Options{})
	if err != nil {
		t.Fatal(err)
	}
	spilt, err := Build(context.Background(), fakeSource(docs), testSchema, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.KeepAlive(spilt)
	if !spiltPositions(spilt, "body_en") || spilt.fields["body_en"].posFile == nil {
		t.Fatalf("positions not spilled (%d bytes mapped from files)", spilled.Load())
	}
	if spiltPositions(mem, "body_en") {
		t.Fatal("positions spilled without a directory")
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("files left in the directory: %v", left)
	}
	vm, vs := view([]*Segment{mem}), view([]*Segment{spilt})
	for _, q := range []string{"return", "\"trata de personas\"", "\"return reintegration\"", "retrun", "trafficing smugling", "migra*", "border AND -return", "remittances OR smuggling"} {
		rm, rs := run(t, vm, q, nil, ""), run(t, vs, q, nil, "")
		if len(rm.Hits) == 0 {
			t.Errorf("%q: no hit", q)
		}
		if !reflect.DeepEqual(rm, rs) {
			t.Errorf("%q: spilled table answers %+v, in memory %+v", q, rs, rm)
			continue
		}
		p, _ := search.Compile(q, search.CompileOptions{})
		for _, h := range rm.Hits {
			mm, ms := vm.Marks(h.N, p.Marks, nil), vs.Marks(h.N, p.Marks, nil)
			if !reflect.DeepEqual(mm, ms) {
				t.Errorf("%q, doc %d: spilled marks %v, in memory %v", q, h.N, ms, mm)
			}
		}
	}
}

// TestSpillFallsBackToMemory: where no file can be written the table is
// built in memory and answers as well.
func TestSpillFallsBackToMemory(t *testing.T) {
	words := strings.Fields("migration migrants return reintegration")
	docs := randomDocs(rand.New(rand.NewPCG(5, 6)), 300, words)
	s, err := Build(context.Background(), fakeSource(docs), testSchema, Options{Dir: filepath.Join(t.TempDir(), "missing")})
	if err != nil {
		t.Fatal(err)
	}
	if spiltPositions(s, "body_en") {
		t.Fatal("positions spilled to a missing directory")
	}
	if r := run(t, view([]*Segment{s}), "\"return migration\"", nil, ""); len(r.Hits) == 0 {
		t.Error("no hit for a phrase")
	}
}

// spiltPositions reports whether a field's positions are mapped from a
// file: the process's mappings list it as a removed file of the
// directory spill writes to.
func spiltPositions(s *Segment, name string) bool {
	f := s.fields[name]
	if f == nil || len(f.pos) == 0 {
		return false
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return false
	}
	start := uintptr(unsafe.Pointer(&f.pos[0]))
	for line := range strings.Lines(string(maps)) {
		var lo, hi uintptr
		if _, err := fmt.Sscanf(line, "%x-%x", &lo, &hi); err != nil || start < lo || start >= hi {
			continue
		}
		return strings.Contains(line, strings.TrimSuffix(spillFilePattern, "*")) && strings.Contains(line, "(deleted)")
	}
	return false
}
