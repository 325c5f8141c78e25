package evaluate

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestReportMicroAverage(t *testing.T) {
	r := NewReport("t")
	a := r.Doc("a")
	r.Add(a, Country, []string{"HND", "GTM"}, []string{"HND", "SLV"})
	b := r.Doc("b")
	r.Add(b, Country, []string{"MEX", "MEX", ""}, []string{"MEX"})
	r.Add(b, Year, []string{"0"}, []string{"2019"})
	c := r.Scores[Country]
	if c.TP != 2 || c.FP != 1 || c.FN != 1 || c.Docs != 2 {
		t.Errorf("country counts %+v, want tp 2 fp 1 fn 1 over 2 documents", *c)
	}
	if p, rc, f := c.Precision(), c.Recall(), c.F1(); math.Abs(p-2.0/3) > 1e-9 || math.Abs(rc-2.0/3) > 1e-9 || math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("P %v R %v F1 %v, want 2/3 each", p, rc, f)
	}
	if y := r.Scores[Year]; y.TP != 0 || y.FP != 0 || y.FN != 1 {
		t.Errorf("year counts %+v, want one false negative for no year", *y)
	}
	if len(a.Misses) != 1 || !slices.Equal(a.Misses[0].Missing, []string{"SLV"}) || !slices.Equal(a.Misses[0].Extra, []string{"GTM"}) {
		t.Errorf("misses of a: %+v", a.Misses)
	}
	out := r.String()
	for _, want := range []string{"t: 2 documents", "country", "0.67", "-SLV +GTM", "-2019"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if (Counts{}).F1() != 1 {
		t.Error("empty counts: want F1 1 (nothing expected, nothing given)")
	}
}

func TestNaNToNull(t *testing.T) {
	in := `[{"a": NaN, "b": "NaN and \"NaN\"", "c": [Infinity, -Infinity, 1.5]}]`
	var v []map[string]any
	if err := json.Unmarshal(nanToNull([]byte(in)), &v); err != nil {
		t.Fatal(err)
	}
	if v[0]["a"] != nil || v[0]["b"] != `NaN and "NaN"` || len(v[0]["c"].([]any)) != 3 {
		t.Errorf("got %v", v)
	}
}

func TestSplitNames(t *testing.T) {
	for in, want := range map[string][]string{
		"Djibouti, Ethiopia, Somalia, South Sudan": {"Djibouti", "Ethiopia", "Somalia", "South Sudan"},
		"Worldwide":  {"Worldwide"},
		"Cabo Verde": {"Cabo Verde"},
		"Venezuela, Bolivarian Republic of, Peru":  {"Venezuela", "Bolivarian Republic of", "Peru"},
		"Venezuela (Bolivarian Republic of), Peru": {"Venezuela (Bolivarian Republic of)", "Peru"},
		"": nil,
	} {
		if got := splitNames(in); !slices.Equal(got, want) {
			t.Errorf("splitNames(%q) = %q, want %q", in, got, want)
		}
	}
	for name, code := range map[string]string{"Cabo Verde": "CPV", "South Sudan": "SSD", "Dominican Republic": "DOM", "Haiti": "HTI", "Türkiye": "TUR"} {
		if got := countryCode(name); got != code {
			t.Errorf("countryCode(%q) = %q, want %q", name, got, code)
		}
	}
}

func TestPairDescription(t *testing.T) {
	horn := []string{"Abridged Evaluation Report_ Final_Olta NDOJA.pdf", "Evaluation Learning Brief_Final_Olta NDOJA.pdf",
		"Final Evaluation Report Final_Olta NDOJA.pdf", "HoA EU JI Final Eval - Management Response Matrix - Final.pdf",
		"ISP_IOM_Case-Management-Return-Reintegr-JI-Review_final.pdf"}
	hornDescs := []string{"Evaluation Report", "Evaluation Brief", "Abridged Report", "Management Response", "Study of Case Management Practice"}
	haiti := []string{"CS1137-CS1138_Evaluation Brief_Javier SANCHEZ MARTI.pdf", "CS1137-CS1138_Evaluation ToR_Javier SANCHEZ MARTI.pdf",
		"CS1137-CS1138_Final Report_French_Javier SANCHEZ MARTI.pdf", "CS1137-CS1138_Final Report_Spanish_Javier SANCHEZ MARTI.pdf",
		"CS1137-CS1138_Inception Report_Javier SANCHEZ MARTI.pdf", "CS1137-CS1138_Management Response Plan_Javier SANCHEZ MARTI.pdf"}
	haitiDescs := []string{"Evaluation Brief", "Terms of Reference", "Evaluation Report - French", "Evaluation Report - Spanish",
		"Inception Report", "Management Response"}
	for _, tt := range []struct {
		urls, descs []string
		name, want  string
		typ         string
	}{
		{horn, hornDescs, horn[0], "Abridged Report", "evaluation-report"},
		{horn, hornDescs, horn[1], "Evaluation Brief", "evaluation-brief"},
		{horn, hornDescs, horn[2], "Evaluation Report", "evaluation-report"},
		{horn, hornDescs, horn[3], "Management Response", "management-response"},
		{horn, hornDescs, horn[4], "Study of Case Management Practice", "study"},
		{haiti, haitiDescs, haiti[1], "Terms of Reference", "terms-of-reference"},
		{haiti, haitiDescs, haiti[4], "Inception Report", ""},
	} {
		got := pairDescription(tt.urls, tt.descs, tt.name)
		if got != tt.want || descType(got) != tt.typ {
			t.Errorf("%s: %q (%q), want %q (%q)", tt.name, got, descType(got), tt.want, tt.typ)
		}
	}
}
