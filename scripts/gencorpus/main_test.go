package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"faro/indexer/extract"
	"faro/scripts/gencorpus/corpusgen"
)

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeCorpus(t *testing.T, n int, seed uint64, mix string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	var out, errb bytes.Buffer
	args := []string{"-n", strconv.Itoa(n), "-seed", strconv.FormatUint(seed, 10), "-out", dir}
	if mix != "" {
		args = append(args, "-mix", mix)
	}
	if code := run(context.Background(), args, &out, &errb); code != 0 {
		t.Fatalf("gencorpus %v: exit %d: %s", args, code, errb.String())
	}
	if !strings.Contains(out.String(), "wrote "+strconv.Itoa(n)+" files") {
		t.Fatalf("summary: %q", out.String())
	}
	return dir
}

// readTree maps each file's relative path to its bytes.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRepair(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                                "plain",
		"\uFFFD\xa9ducation et \uFFFD\xa9tude": "Éducation et Étude",
		"\uFFFD":                               "\uFFFD",
	} {
		if got := corpusgen.Repair(in); got != want {
			t.Errorf("Repair(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := readTree(t, writeCorpus(t, 50, 7, ""))
	b := readTree(t, writeCorpus(t, 50, 7, ""))
	c := readTree(t, writeCorpus(t, 50, 8, ""))
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("same seed, different %s", name)
		}
	}
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same > 1 { // the marker aside, another seed changes every file
		t.Errorf("another seed left %d files identical", same)
	}
}

func TestMixAndSidecars(t *testing.T) {
	dir := writeCorpus(t, 30, 1, "pdf")
	files := readTree(t, dir)
	docs, sidecars := 0, 0
	for name := range files {
		switch {
		case strings.HasSuffix(name, ".meta.json"):
			sidecars++
		case strings.HasSuffix(name, ".pdf"):
			docs++
		case name == corpusgen.Marker:
		default:
			t.Errorf("unexpected file %s in a pdf-only corpus", name)
		}
	}
	if docs != 30 {
		t.Errorf("%d PDFs, want 30", docs)
	}
	if sidecars == 0 || sidecars > 10 {
		t.Errorf("%d sidecars for 30 documents, want a few", sidecars)
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("keep me"), 0o644)
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"-n", "3", "-out", dir}, &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1 (%s)", code, errb.String())
	}
	for _, args := range [][]string{{"-n", "3"}, {"-n", "-1", "-out", dir}, {"-out", dir, "-mix", "doc"}, {"-out", dir, "-sidecars", "2"}} {
		if code := run(context.Background(), args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// Writing again over an earlier output is allowed.
	again := writeCorpus(t, 5, 1, "")
	if code := run(context.Background(), []string{"-n", "5", "-out", again}, &out, &errb); code != 0 {
		t.Errorf("rewrite: exit %d: %s", code, errb.String())
	}
}

// TestExtract checks that every generated file parses with the project's
// extractor and yields the synthetic text: PDFs page by page, HTML without
// its head, navigation, scripts and footer.
func TestExtract(t *testing.T) {
	const n = 80
	dir := writeCorpus(t, n, 3, "")
	items := corpusgen.Plan(corpusgen.Options{Seed: 3, N: n})
	formats := map[string]int{}
	for _, it := range items {
		formats[it.Format]++
		path := filepath.Join(dir, filepath.FromSlash(it.Rel))
		res, err := extract.File(context.Background(), path, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", it.Rel, err)
			continue
		}
		if len(res.Flags) > 0 {
			t.Errorf("%s: flags %v", it.Rel, res.Flags)
		}
		if res.Title != it.Doc.Title {
			t.Errorf("%s: title %q, want %q", it.Rel, res.Title, it.Doc.Title)
		}
		if !utf8.ValidString(res.Text()) || strings.ContainsRune(res.Text(), utf8.RuneError) {
			t.Errorf("%s: invalid or replaced characters in the text", it.Rel)
		}
		all := norm(res.Text())
		if strings.Contains(all, corpusgen.ScriptMarker) {
			t.Errorf("%s: boilerplate in the text: %.200q", it.Rel, all)
		}
		if !strings.Contains(all, norm(it.Subject)) {
			t.Errorf("%s: subject line %q missing", it.Rel, it.Subject)
		}
		switch it.Format {
		case corpusgen.PDF:
			if len(res.Pages) != len(it.Doc.Pages) {
				t.Errorf("%s: %d pages, want %d", it.Rel, len(res.Pages), len(it.Doc.Pages))
				continue
			}
			for k, p := range it.Doc.Pages {
				if got := norm(res.Pages[k]); !strings.Contains(got, norm(p.Text)) {
					t.Errorf("%s page %d:\n got %.300q\nwant %.300q", it.Rel, k+1, got, norm(p.Text))
				}
			}
			if res.Meta["Subject"] != it.Doc.Summary || res.Lang != it.Doc.Lang || res.Date != it.Doc.Date {
				t.Errorf("%s: info %q %q %q", it.Rel, res.Meta["Subject"], res.Lang, res.Date)
			}
		default:
			for k, p := range it.Doc.Pages {
				if !strings.Contains(all, norm(p.Text)) {
					t.Errorf("%s: page %d's text missing", it.Rel, k+1)
				}
			}
			if it.Format != corpusgen.Text && (res.Description != it.Doc.Summary || res.Date != it.Doc.Date || res.Lang != it.Doc.Lang) {
				t.Errorf("%s: metadata %q %q %q", it.Rel, res.Description, res.Date, res.Lang)
			}
			if it.Format == corpusgen.HTML {
				for _, w := range []string{"Skip to content", "Ir al contenido", "Aller au contenu", "derechos reservados", "rights reserved"} {
					if strings.Contains(all, w) {
						t.Errorf("%s: navigation or footer %q in the text", it.Rel, w)
					}
				}
			}
		}
	}
	for _, f := range corpusgen.AllFormats {
		if formats[f] == 0 {
			t.Errorf("no %s file among %d", f, n)
		}
	}
}

// TestFaroIndex builds the faro binary and indexes a generated corpus
// with `faro index --rebuild`: every file must be indexed, none failed.
func TestFaroIndex(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	const n = 120
	dir := writeCorpus(t, n, 5, "")
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "faro")
	build := exec.Command("go", "build", "-o", bin, "faro/cmd/faro")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "index", "--rebuild", "--corpus", dir, "--index", filepath.Join(tmp, "index"), "--log-level", "warn")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("faro index: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	m := regexp.MustCompile(`indexed (\d+) documents from (\d+) files in \S+ into \S+ \((\d+) flagged, (\d+) failed\)`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no summary in %q", stdout.String())
	}
	if m[1] != strconv.Itoa(n) || m[2] != strconv.Itoa(n) || m[3] != "0" || m[4] != "0" {
		t.Errorf("summary %q: want %d documents from %d files, 0 flagged, 0 failed\n%s", m[0], n, n, stderr.String())
	}
	if strings.Contains(stdout.String(), "failures by reason") {
		t.Errorf("failures:\n%s", stdout.String())
	}
	// The second run finds nothing to do.
	cmd = exec.Command(bin, "index", "--corpus", dir, "--index", filepath.Join(tmp, "index"), "--log-level", "warn")
	out, err := cmd.Output()
	if err != nil || !regexp.MustCompile(`unchanged\s+`+strconv.Itoa(n)).Match(out) {
		t.Errorf("incremental run: %v\n%s", err, out)
	}
}
