package classify

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugType(t *testing.T) {
	if os.Getenv("CLS_DEBUG") == "" {
		t.Skip()
	}
	docs := loadRealDocs(t)
	for _, n := range []string{"iom-eval_mali-niger-border-management_brief.pdf", "iom-eval_nigeria-safe-migration-giz_brief.pdf"} {
		d := newDoc(Input{Pages: docs[n], FileName: n})
		typ, l := inferType(compiled(), d.title, d.summary, n, d.pages)
		fmt.Println(n, typ, l)
		for _, h := range compiled().types.find(d.pages[0][:250], nil) {
			fmt.Println("  ", h.pos, h.p.words, h.p.targets[0].code, h.p.targets[0].kind)
		}
	}
}
