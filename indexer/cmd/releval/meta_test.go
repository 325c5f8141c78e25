package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
)

func TestTitleMatches(t *testing.T) {
	cases := []struct {
		got      string
		accepted []string
		want     bool
	}{
		{"Évaluation finale interne", []string{"Evaluation finale interne"}, true},
		{"ENGAGEMENT DE LA DIASPORA", []string{"Engagement de la diaspora"}, true},
		{"Final Evaluation: MIRAA – Phase III", []string{"Final evaluation MIRAA Phase III"}, true},
		{"Projet « Renforcement »", []string{"Projet “Renforcement”"}, true},
		{"Migration Costs", []string{"Charting a New Course", "Migration  costs"}, true},
		{"Migration Costs Add", []string{"Migration Costs"}, false},
		{"", []string{""}, false},
		{"iom eval arco brief", []string{"Local Authorities Network"}, false},
	}
	for _, c := range cases {
		if got := titleMatches(c.got, c.accepted); got != c.want {
			t.Errorf("titleMatches(%q, %q) = %v, want %v", c.got, c.accepted, got, c.want)
		}
	}
}

func TestIsFileNameTitle(t *testing.T) {
	cases := []struct {
		title, path string
		want        bool
	}{
		{"iom eval arco brief", "shared/realdocs/domain/iom-eval_arco_brief.pdF", true},
		{"Local Authorities Network", "shared/realdocs/domain/iom-eval_arco_brief.pdf", false},
		{"mapa ventanillas informativas", "x/corett_mapa-ventanillas-informativas.pdf", false},
	}
	for _, c := range cases {
		if got := isFileNameTitle(c.title, c.path); got != c.want {
			t.Errorf("isFileNameTitle(%q, %q) = %v, want %v", c.title, c.path, got, c.want)
		}
	}
}

// metaFloors are the least the metadata of the 51 judged documents must
// reach (documents whose field matches); they are set at what Faro
// reaches, so a change that loses a document fails.
var metaFloors = metaTotals{Title: 48, Year: 49, Lang: 51, Type: 46}

// maxFileNameTitles is the most documents titled with their file name.
const maxFileNameTitles = 0

// TestMetaFloors runs the metadata evaluation on the shared development
// set and fails below the floors.
func TestMetaFloors(t *testing.T) {
	shared := defaultShared()
	if checkShared(shared) != nil {
		t.Skip("../shared/judgments not found")
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"-meta", "-json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep metaReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, out.String())
	}
	if rep.Documents != 51 || len(rep.Docs) != 51 || len(rep.Failed) != 0 {
		t.Fatalf("documents %d (%d scored), unreadable %v; want 51 and none", rep.Documents, len(rep.Docs), rep.Failed)
	}
	got, want := rep.Totals, metaFloors
	for _, f := range []struct {
		name      string
		got, want int
	}{{"title", got.Title, want.Title}, {"year", got.Year, want.Year}, {"lang", got.Lang, want.Lang}, {"type", got.Type, want.Type}} {
		if f.got < f.want {
			t.Errorf("%s: %d/51 documents right, floor %d", f.name, f.got, f.want)
		}
	}
	if got.FileNameTitles > maxFileNameTitles {
		t.Errorf("%d documents titled with their file name, at most %d", got.FileNameTitles, maxFileNameTitles)
	}
	if t.Failed() || testing.Verbose() {
		var table bytes.Buffer
		rep.writeTable(&table, true)
		t.Log("\n" + table.String())
	}
}
