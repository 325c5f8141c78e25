// Command faults injects the accidents of issue 23 into a real faro
// binary and reports what happened: a damaged index at start, a second
// writer, a full disk (a tmpfs: root only), kill -9 during uploads and
// deletions, and SIGTERM during a reindex. It never asserts; it counts, so
// it can be run against an old binary and a new one and the two compared.
//
//	go build -o /tmp/faro ./cmd/faro
//	go run ./scripts/faults -faro /tmp/faro -corpus corpus -kills 50
//
// Scenarios may be chosen with -only damage,writer,disk,kill,term,ids.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"faro/indexer"
)

const token = "faults-token-0123456789abcdef0123"

var (
	faroBin = flag.String("faro", "faro", "the faro binary to test")
	corpus  = flag.String("corpus", "corpus", "a corpus folder to copy for each scenario")
	kills   = flag.Int("kills", 20, "kill -9 rounds")
	only    = flag.String("only", "", "comma-separated scenarios (damage,writer,disk,kill,term,ids); empty: all")
	work    = flag.String("work", "", "scratch folder (default: a new temporary one)")
)

func main() {
	flag.Parse()
	if *work == "" {
		d, err := os.MkdirTemp("", "faro-faults-")
		if err != nil {
			fail(err)
		}
		*work = d
		defer os.RemoveAll(d)
	}
	want := func(s string) bool { return *only == "" || strings.Contains(","+*only+",", ","+s+",") }
	if want("damage") {
		damage()
	}
	if want("writer") {
		secondWriter()
	}
	if want("disk") {
		diskFull()
	}
	if want("kill") {
		killLoop(*kills)
	}
	if want("term") {
		termDuringReindex()
	}
	if want("ids") {
		idReuse()
	}
}

// idReuse deletes an upload, empties the trash, rebuilds the index and
// uploads a file of the same name: does the deleted id name it, and what
// does the deleted id answer?
func idReuse() {
	fmt.Println("## deleted ids")
	dir := scratch("ids")
	index, corp := fresh(dir)
	s, up := start(index, corp)
	if !up {
		fmt.Println("server did not start:", s.logs.String())
		return
	}
	s.waitReady()
	_, first, _ := s.upload("report.md", []byte("# First\n\nThe word garnet."))
	delStatus := s.del(first)
	_, second, _ := s.upload("report.md", []byte("# Second\n\nThe word garnet."))
	s.kill()
	os.RemoveAll(filepath.Join(dir, "deleted"))
	if out, err := exec.Command(*faroBin, "index", "--rebuild", "--index", index, "--corpus", corp).CombinedOutput(); err != nil {
		fmt.Printf("faro index --rebuild: %v\n%s\n", err, out)
		return
	}
	s2, up := start(index, corp)
	if !up {
		fmt.Println("server did not restart:", s2.logs.String())
		return
	}
	s2.waitReady()
	_, third, _ := s2.upload("report.md", []byte("# Third\n\nThe word garnet."))
	fmt.Printf("upload %s, delete %d, upload again %s; trash emptied, rebuilt, upload again %s (reused: %v); deleted id answers %d\n\n",
		first, delStatus, second, third, third == first, s2.status("/api/v1/documents/"+first))
	s2.kill()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "faults:", err)
	os.Exit(1)
}

// server is a faro serve process.
type server struct {
	cmd  *exec.Cmd
	base string
	logs *syncBuf
	done chan error
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuf) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs faro serve and waits until it answers /healthz, exits, or
// a minute passes; ok says whether it answers.
func start(index, corp string, extra ...string) (*server, bool) {
	addr := freeAddr()
	s := &server{base: "http://" + addr, logs: &syncBuf{}, done: make(chan error, 1)}
	args := append([]string{"serve", "--addr", addr, "--index", index, "--corpus", corp, "--log-format", "text"}, extra...)
	s.cmd = exec.Command(*faroBin, args...)
	s.cmd.Env = append(os.Environ(), "FARO_ADMIN_TOKEN="+token)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		fail(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			s.done <- nil
			return s, false
		default:
		}
		if r, err := http.Get(s.base + "/healthz"); err == nil {
			r.Body.Close()
			return s, true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return s, false
}

func (s *server) alive() bool {
	select {
	case err := <-s.done:
		s.done <- err
		return false
	default:
		return true
	}
}

func (s *server) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
	s.done <- nil
}

func (s *server) status(path string) int {
	r, err := http.Get(s.base + path)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
	return r.StatusCode
}

// waitReady polls /readyz until 200 (or 30 s).
func (s *server) waitReady() int {
	deadline := time.Now().Add(30 * time.Second)
	st := 0
	for time.Now().Before(deadline) && s.alive() {
		if st = s.status("/readyz"); st == 200 {
			return st
		}
		time.Sleep(50 * time.Millisecond)
	}
	return st
}

var client = &http.Client{Timeout: time.Minute}

// upload posts a file; it returns the status and the new document's id
// (or the error message) and source.
func (s *server) upload(name string, data []byte) (int, string, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", s.base+"/api/v1/documents", &b)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	r, err := client.Do(req)
	if err != nil {
		return 0, "", ""
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	var up struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Error  string `json:"error"`
	}
	json.Unmarshal(body, &up)
	if up.ID == "" {
		return r.StatusCode, up.Error, ""
	}
	return r.StatusCode, up.ID, up.Source
}

func (s *server) del(id string) int {
	req, _ := http.NewRequest("DELETE", s.base+"/api/v1/documents/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	r, err := client.Do(req)
	if err != nil {
		return 0
	}
	r.Body.Close()
	return r.StatusCode
}

// documents is the count /readyz reports (-1 when it does not).
func (s *server) documents() int {
	r, err := http.Get(s.base + "/readyz")
	if err != nil {
		return -1
	}
	defer r.Body.Close()
	var res struct{ Documents int }
	if json.NewDecoder(r.Body).Decode(&res) != nil {
		return -1
	}
	return res.Documents
}

func (s *server) total(q string) int {
	r, err := http.Get(s.base + "/api/v1/search?q=" + q)
	if err != nil {
		return -1
	}
	defer r.Body.Close()
	var res struct{ Total int }
	if r.StatusCode != 200 || json.NewDecoder(r.Body).Decode(&res) != nil {
		return -r.StatusCode
	}
	return res.Total
}

// fresh copies the corpus into dir/corpus and indexes it into dir/index.
func fresh(dir string) (index, corp string) {
	corp = filepath.Join(dir, "corpus")
	if err := os.CopyFS(corp, os.DirFS(*corpus)); err != nil {
		fail(err)
	}
	index = filepath.Join(dir, "index")
	out, err := exec.Command(*faroBin, "index", "--index", index, "--corpus", corp).CombinedOutput()
	if err != nil {
		fail(fmt.Errorf("faro index: %v\n%s", err, out))
	}
	return index, corp
}

func scratch(name string) string {
	d := filepath.Join(*work, name)
	os.RemoveAll(d)
	if err := os.MkdirAll(d, 0o755); err != nil {
		fail(err)
	}
	return d
}

func zaps(index string) int {
	m, _ := filepath.Glob(filepath.Join(index, "store", "*.zap"))
	return len(m)
}

func garble(file string, at func(size int64) int64, n int) {
	b, err := os.ReadFile(file)
	if err != nil {
		return
	}
	off := at(int64(len(b)))
	for i := int64(0); i < int64(n) && off+i < int64(len(b)); i++ {
		b[off+i] ^= 0x5a
	}
	os.WriteFile(file, b, 0o600)
}

func oneZap(index string) string {
	m, _ := filepath.Glob(filepath.Join(index, "store", "*.zap"))
	if len(m) == 0 {
		return filepath.Join(index, "store", "none.zap")
	}
	return m[len(m)-1]
}

func panicked(logs string) bool { return strings.Contains(logs, "panic:") }

// damage starts a server on an index damaged five ways.
func damage() {
	fmt.Println("## damaged index at start")
	fmt.Println("case | serves | names --rebuild | segment files before→after | panic | /readyz | 500s in 30 searches | incremental index notices")
	root := func(ix string) string { return filepath.Join(ix, "store", "root.bolt") }
	for _, c := range []struct {
		name string
		do   func(index string)
	}{
		{"root.bolt deleted", func(ix string) { os.Remove(root(ix)) }},
		{"root.bolt truncated", func(ix string) { os.Truncate(root(ix), 0) }},
		{"segment header garbled", func(ix string) { garble(oneZap(ix), func(int64) int64 { return 0 }, 64) }},
		{"segment middle garbled", func(ix string) { garble(oneZap(ix), func(n int64) int64 { return n / 2 }, 4096) }},
		{"segment deleted", func(ix string) { os.Remove(oneZap(ix)) }},
	} {
		dir := scratch("damage")
		index, corp := fresh(dir)
		c.do(index)
		before := zaps(index)
		s, up := start(index, corp)
		ready, errs := 0, 0
		if up {
			ready = s.waitReady()
			for i := range 30 {
				q := []string{"trata", "migration", "retorno", "Honduras", "climate", "children"}[i%6]
				if t := s.total(q + "&page=" + strconv.Itoa(1+i/6)); t < 0 {
					errs++
				}
			}
			time.Sleep(300 * time.Millisecond)
		}
		alive := up && s.alive()
		if alive {
			s.kill()
		} else {
			<-s.done
		}
		logs := s.logs.String()
		out, _ := exec.Command(*faroBin, "index", "--index", index, "--corpus", corp).CombinedOutput()
		noticed := strings.Contains(string(out), "--rebuild") || strings.Contains(string(out), "damaged")
		fmt.Printf("%s | %v | %v | %d→%d | %v | %d | %d | %v\n", c.name, alive, strings.Contains(logs, "faro index --rebuild"),
			before, zaps(index), panicked(logs), ready, errs, noticed)
	}
	fmt.Println()
}

// secondWriter runs faro index against a served index.
func secondWriter() {
	fmt.Println("## second writer")
	dir := scratch("writer")
	index, corp := fresh(dir)
	s, up := start(index, corp)
	if !up {
		fmt.Println("server did not start:", s.logs.String())
		return
	}
	s.waitReady()
	for _, args := range [][]string{{"index"}, {"index", "--rebuild"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, *faroBin, append(args, "--index", index, "--corpus", corp)...)
		cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
		cmd.WaitDelay = 10 * time.Second
		out, err := cmd.CombinedOutput()
		timedOut := ctx.Err() != nil
		cancel()
		msg := strings.TrimSpace(string(out))
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		if len(msg) > 160 {
			msg = msg[:160] + "…"
		}
		fmt.Printf("faro %s while served: exit %v, still waiting after 20 s: %v, message: %s\n", strings.Join(args, " "), exitCode(err), timedOut, msg)
	}
	st, id, _ := s.upload("after-writer.md", []byte("# After\n\nThe word zircon."))
	s.kill()
	s2, up := start(index, corp)
	found := -1
	if up {
		s2.waitReady()
		found = s2.status("/api/v1/documents/" + id)
		s2.kill()
	}
	fmt.Printf("upload after the second writer: %d; after a restart the document answers %d\n\n", st, found)
}

func exitCode(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return strconv.Itoa(ee.ExitCode())
	}
	if err != nil {
		return err.Error()
	}
	return "0"
}

// diskFull puts the index on a small tmpfs and fills it.
func diskFull() {
	fmt.Println("## full disk under the index (tmpfs)")
	dir := scratch("disk")
	index, corp := fresh(dir)
	disk := filepath.Join(dir, "disk")
	os.MkdirAll(disk, 0o755)
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=16m"); err != nil {
		fmt.Println("skipped: cannot mount a tmpfs:", err)
		fmt.Println()
		return
	}
	defer syscall.Unmount(disk, syscall.MNT_DETACH)
	onDisk := filepath.Join(disk, "index")
	if err := os.CopyFS(onDisk, os.DirFS(index)); err != nil {
		fail(err)
	}
	s, up := start(onDisk, corp)
	if !up {
		fmt.Println("server did not start:", s.logs.String())
		return
	}
	s.waitReady()
	fillDisk(disk)
	var statuses []string
	phantoms, lostFiles := 0, 0
	for i := range 5 {
		word := "zafiro" + strconv.Itoa(i)
		st, msg, _ := s.upload("full"+strconv.Itoa(i)+".md", []byte("# Full\n\nThe word "+word+"."))
		statuses = append(statuses, strconv.Itoa(st))
		if i == 0 {
			fmt.Printf("first answer: %d %q\n", st, msg)
		}
		if st != 201 && s.total(word) > 0 {
			phantoms++
		}
		if st == 201 {
			if _, err := os.Stat(filepath.Join(corp, "uploads", "full"+strconv.Itoa(i)+".md")); err != nil {
				lostFiles++
			}
		}
	}
	readsOK := 0
	for range 10 {
		if s.total("trata") > 0 {
			readsOK++
		}
	}
	fmt.Printf("uploads on a full disk: %s; failed uploads searchable: %d; acknowledged uploads without file: %d; reads answering: %d/10; server alive: %v; panic: %v\n",
		strings.Join(statuses, ","), phantoms, lostFiles, readsOK, s.alive(), panicked(s.logs.String()))
	os.Remove(filepath.Join(disk, "filler"))
	st := 0
	if s.alive() {
		st, _, _ = s.upload("room.md", []byte("# Room\n\nThe word granate."))
	}
	fmt.Printf("upload once there is room again: %d\n", st)
	if s.alive() {
		s.kill()
	}
	// faro index --rebuild into the full disk.
	fillDisk(disk)
	out, err := exec.Command(*faroBin, "index", "--rebuild", "--index", onDisk, "--corpus", corp).CombinedOutput()
	fmt.Printf("faro index --rebuild on a full disk: exit %s, says \"no space\": %v, panic: %v\n", exitCode(err),
		strings.Contains(string(out), "no space"), panicked(string(out)))
	os.Remove(filepath.Join(disk, "filler"))
	fmt.Println()
}

func fillDisk(dir string) {
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		return
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	small := make([]byte, 512)
	for {
		if _, err := f.Write(small); err != nil {
			return
		}
	}
}

// killLoop kills the server n times during uploads and deletions.
func killLoop(n int) {
	fmt.Printf("## kill -9 during uploads and deletions (%d rounds)\n", n)
	dir := scratch("kill")
	index, corp := fresh(dir)
	var mu sync.Mutex
	uploaded := map[string]bool{}
	deleted := map[string]bool{}
	attempted := map[string]bool{}
	sources := map[string]string{} // id -> source of acknowledged uploads
	rng := rand.New(rand.NewPCG(23, 50))
	seq := 0
	for round := range n {
		s, up := start(index, corp)
		if !up {
			fmt.Println("server did not start:", s.logs.String())
			return
		}
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := range 4 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					mu.Lock()
					seq++
					word := fmt.Sprintf("kw%dx%d", round, seq)
					victim := ""
					if w == 3 {
						for id := range uploaded {
							if !attempted[id] {
								victim, attempted[id] = id, true
								break
							}
						}
					}
					mu.Unlock()
					if victim != "" {
						if s.del(victim) == 204 {
							mu.Lock()
							deleted[victim] = true
							mu.Unlock()
						}
						continue
					}
					if victim == "" && w == 3 {
						time.Sleep(time.Millisecond)
					}
					if st, id, src := s.upload("note.md", []byte("# Note\n\nThe word "+word+".")); st == 201 {
						mu.Lock()
						uploaded[id] = true
						sources[id] = src
						mu.Unlock()
					}
				}
			})
		}
		time.Sleep(time.Duration(500+rng.IntN(1500)) * time.Millisecond)
		s.kill()
		close(stop)
		wg.Wait()
	}
	s, up := start(index, corp)
	if !up {
		fmt.Println("server did not start after the kills:", s.logs.String())
		return
	}
	s.waitReady()
	// The repair at start runs in the background: give it time (new
	// binaries log when it is done).
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(s.logs.String(), "corpus and index") {
		time.Sleep(50 * time.Millisecond)
	}
	lost, back := 0, 0
	for id := range uploaded {
		st := s.status("/api/v1/documents/" + id)
		switch {
		case deleted[id] && st != 404 && st != 410: // 410: its tombstone
			back++
		case !deleted[id] && !attempted[id] && st != 200:
			lost++
		}
	}
	// Every file of the uploads folder has a document (its id derives
	// from its path), and every document known has its file.
	unsearchable, orphans := 0, 0
	files, _ := indexer.Files(corp)
	for _, f := range files {
		if strings.HasPrefix(f, "uploads/") && s.status("/api/v1/documents/"+indexer.DocumentID(f)) != 200 {
			unsearchable++
		}
	}
	for id, src := range sources {
		if _, err := os.Stat(filepath.Join(corp, filepath.FromSlash(src))); err != nil && s.status("/api/v1/documents/"+id) == 200 {
			orphans++
		}
	}
	s.kill()
	fmt.Printf("kills %d, acknowledged uploads %d, acknowledged deletions %d; after restart: uploads lost %d, deleted documents back %d, uploaded files not searchable %d, documents without file %d\n\n",
		n, len(uploaded), len(deleted), lost, back, unsearchable, orphans)
}

// termDuringReindex sends SIGTERM while POST /api/v1/reindex runs.
func termDuringReindex() {
	fmt.Println("## SIGTERM during a reindex")
	dir := scratch("term")
	index, corp := fresh(dir)
	extra := filepath.Join(corp, "extra")
	os.MkdirAll(extra, 0o755)
	const files = 1500
	base := 0
	if s0, up := start(index, corp); up {
		s0.waitReady()
		base = s0.documents()
		s0.kill()
	}
	for i := range files {
		os.WriteFile(filepath.Join(extra, fmt.Sprintf("note-%04d.md", i)),
			[]byte(fmt.Sprintf("# Note %d\n\nA note about migration and the word ambar%d.\n", i, i)), 0o644)
	}
	s, up := start(index, corp, "--shutdown-timeout", "1s")
	if !up {
		fmt.Println("server did not start:", s.logs.String())
		return
	}
	s.waitReady()
	ans := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", s.base+"/api/v1/reindex", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		r, err := client.Do(req)
		if err != nil {
			ans <- 0
			return
		}
		r.Body.Close()
		ans <- r.StatusCode
	}()
	time.Sleep(700 * time.Millisecond)
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	s.done <- nil
	st := <-ans
	count := func() int {
		s2, up := start(index, corp)
		if !up {
			return -1
		}
		defer s2.kill()
		s2.waitReady()
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) && !strings.Contains(s2.logs.String(), "corpus and index") && !strings.Contains(s2.logs.String(), "indexed") {
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(200 * time.Millisecond)
		return s2.documents()
	}
	fmt.Printf("reindex request answered: %d (0 = no answer); after a restart the index holds %d documents, the corpus %d\n\n", st, count(), base+files)
}
