package extract

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	for _, l := range []PDFLayout{LayoutPlain, LayoutPositional} {
		res, err := PDFExtractor{Layout: l}.Extract(context.Background(), f, data)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("===== layout %d flags %v\n", l, res.Flags)
		for i, p := range res.Pages {
			if i > 0 { break }
			fmt.Println(p[:min(len(p), 1500)])
		}
	}
}
