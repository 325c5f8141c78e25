package pdftext

import (
	"math"
	"testing"
)

func TestPageLines(t *testing.T) {
	content := "BT /F1 26 Tf 72 740 Td (EVALUATION BRIEF) Tj ET\n" +
		"BT /F1 14 Tf 450 740 Td (March 2022) Tj ET\n" +
		"BT /F1 16 Tf 72 700 Td (Final evaluation of the) Tj 0 -19 Td (project) Tj ET\n" +
		"BT /F1 10 Tf 72 600 Td (Body text in small type.) Tj ET\n"
	d, err := Open(onePage(content, map[string]string{"F1": helvetica}, nil))
	if err != nil {
		t.Fatal(err)
	}
	lines, height, err := d.PageLines(0)
	if err != nil {
		t.Fatal(err)
	}
	if height != 792 {
		t.Errorf("height %v, want 792", height)
	}
	want := []struct {
		text      string
		size, top float64
		x0        float64
	}{
		{"EVALUATION BRIEF", 26, 52, 72},
		{"March 2022", 14, 52, 450},
		{"Final evaluation of the", 16, 92, 72},
		{"project", 16, 111, 72},
		{"Body text in small type.", 10, 192, 72},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines %+v, want %d", len(lines), lines, len(want))
	}
	for i, w := range want {
		l := lines[i]
		if l.Text != w.text || math.Abs(l.Size-w.size) > 0.01 || math.Abs(l.Top-w.top) > 0.01 || math.Abs(l.X0-w.x0) > 0.01 || l.X1 <= l.X0 {
			t.Errorf("line %d = %+v, want %q size %v top %v x0 %v", i, l, w.text, w.size, w.top, w.x0)
		}
	}
	if _, _, err := d.PageLines(1); err == nil {
		t.Error("page 2 of a one-page document: no error")
	}
}
