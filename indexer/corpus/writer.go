package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"faro/format"
	"faro/indexer"
	"faro/search"
	"faro/search/bleve"
	"faro/search/web"
)

// uploadsDir is the corpus folder uploads are stored in.
const uploadsDir = "uploads"

// trashDirName is the folder beside the index that deleted originals are
// moved to, out of the corpus, so a deletion can be undone by hand.
const trashDirName = "deleted"

// sidecarSuffix names a document's metadata file (see indexer.Sidecar).
const sidecarSuffix = ".meta.json"

// Writer is the write side of `faro serve`: it implements web.Writer
// over the corpus folder and the open index.
//
// Uploads and deletions run side by side (they touch different files;
// uploads never overwrite); a reindex runs alone, so its walk of the corpus
// and its removal of documents whose files are gone cannot race an upload.
// Errors the client must act on are *search.Error.
type Writer struct {
	log      *slog.Logger
	opts     Options
	idx      *bleve.Index
	corpus   string
	indexDir string
	trash    string
	tombs    *Tombstones // deleted ids, never given again
	status   rebuildStatus
	journal  *journal // write-ahead journal of uploads and deletions

	// crashAt, when set (tests), stops an upload or a deletion right after
	// a journal step, as if the process died there.
	crashAt func(op, step string) bool

	// create opens a new file in the uploads folder exclusively; tests
	// replace it to fail as a full disk does.
	create func(root *os.Root, name string) (file, error)

	mu sync.RWMutex // Add and Delete share it; Reindex holds it alone
	// names serialises an upload's choice of file name with a deletion's
	// move to the trash, so no upload takes a name being deleted.
	names      sync.Mutex
	learnMu    sync.Mutex // one learning of the site boilerplate at a time
	reindexing atomic.Bool
	closed     atomic.Bool
	ctx        context.Context // ends when the server has stopped
	cancel     context.CancelFunc

	// stopReindex, under smu, ends the running reindex (StopReindex).
	smu         sync.Mutex
	stopReindex context.CancelCauseFunc
}

var _ web.Writer = (*Writer)(nil)

// NewWriter writes into the corpus folder corpus and idx (whose folder is
// indexDir); deleted originals go to a "deleted" folder beside indexDir.
// Options.Progress is not used. The site boilerplate model is
// Options.Sites (a new one when nil); uploads and deletions of web pages
// keep it and the pages of their site up to date.
func NewWriter(idx *bleve.Index, corpus, indexDir string, opts Options) *Writer {
	ctx, cancel := context.WithCancel(context.Background())
	opts.Progress = nil
	if opts.Sites == nil {
		opts.Sites = indexer.NewSites()
	}
	return &Writer{
		log: opts.logger(), opts: opts, idx: idx, corpus: corpus, indexDir: indexDir,
		trash: filepath.Join(filepath.Dir(filepath.Clean(indexDir)), trashDirName),
		ctx:   ctx, cancel: cancel,
		create:  createFile,
		tombs:   OpenTombstones(indexDir),
		journal: newJournal(indexDir),
	}
}

// file is what an upload is written to.
type file interface {
	io.Writer
	Sync() error
	Close() error
}

// createFile creates name in root, failing if it exists.
func createFile(root *os.Root, name string) (file, error) {
	return root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// noSpace returns a search.CodeNoSpace error saying which disk is full
// when err is ENOSPC or EDQUOT, and err otherwise.
func noSpace(err error, where, what string) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return search.Errorf(search.CodeNoSpace, "no space left on the disk of the %s: %s; free space and retry", where, what)
	}
	return err
}

// Close stops the writes still running (their contexts end) and waits for
// them, so the index can be closed after it, and saves the site model as
// the writes left it. Later writes answer 503.
func (w *Writer) Close() {
	w.closed.Store(true)
	w.cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	// The model as the writes left it, for the next start.
	if sites := w.opts.Sites; sites != nil && sites.Whole() {
		saveSites(w.opts, w.indexDir)
	}
}

var errClosed = search.Errorf(search.CodeUnavailable, "the server is shutting down")

// bind ties a write's context to the writer's, so shutdown stops it.
func (w *Writer) bind(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(w.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// Add stores data as uploads/NAME in the corpus (NAME a slug of name,
// suffixed -2, -3, ... rather than overwrite anything), the sidecar beside it
// as NAME.meta.json, and indexes the file at once. A file that cannot be
// indexed is removed again and answered search.CodeUnprocessable.
func (w *Writer) Add(ctx context.Context, name string, data []byte, sidecar []byte) (*search.Document, error) {
	if len(sidecar) > 0 {
		var sc indexer.Sidecar
		dec := json.NewDecoder(bytes.NewReader(sidecar))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&sc); err != nil {
			return nil, search.Errorf(search.CodeInvalid, "metadata: %v", err)
		}
	}
	ctx, cancel := w.bind(ctx)
	defer cancel()
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed.Load() {
		return nil, errClosed
	}
	start := time.Now()
	dir := filepath.Join(w.corpus, uploadsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create uploads folder: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open uploads folder: %w", err)
	}
	defer root.Close()
	var seq int64
	claim := func(cand string) (func(), error) {
		rel := uploadsDir + "/" + cand
		s, err := w.journal.begin(opUpload, rel, indexer.DocumentID(rel))
		if err != nil {
			return nil, noSpace(err, "index", "the upload was not stored")
		}
		seq = s
		if w.at(s, opUpload, stepIntent) {
			return nil, errCrashed
		}
		return func() { w.endOp(s, opUpload, stepAbort) }, nil
	}
	w.names.Lock()
	file, err := createUnique(root, w.create, claim, w.deletedUploads(), safeName(name), data, sidecar)
	w.names.Unlock()
	if err == nil && w.at(seq, opUpload, stepFile) {
		return nil, errCrashed
	}
	if err != nil {
		w.log.Error("upload not stored", "name", name, "err", err, "request_id", web.RequestID(ctx))
		return nil, noSpace(err, "corpus", "the upload was not stored")
	}
	rel := uploadsDir + "/" + file
	sites := w.sitesFor(ctx, rel)
	doc, err := indexer.IndexFile(ctx, w.corpus, rel, w.idx, indexer.Options{PDFRunner: w.opts.PDFRunner, Sites: sites})
	if err == nil {
		err = w.idx.Flush(ctx)
	}
	if err != nil {
		// The file leaves the corpus only if its document is not
		// searchable: a write that failed after bleve took it is undone
		// first, and if that fails too the file stays (the next start's
		// reconciliation sees both).
		if gone := w.unindex(rel); !gone {
			w.log.Error("upload failed but its document could not be removed from the index: its file is kept", "file", rel, "err", err)
			return nil, noSpace(fmt.Errorf("index upload %s: %w", rel, err), "index", "the upload was not indexed")
		}
		root.Remove(file)
		root.Remove(file + sidecarSuffix)
		w.endOp(seq, opUpload, stepAbort)
		if sites != nil {
			// Back to what the model knew before: the site's other
			// pages were not touched.
			sites.Forget(rel)
			sites.Changed()
		}
		var fe indexer.FileError
		isFileErr := errors.As(err, &fe)
		if !isFileErr {
			fe = indexer.FileError{Path: rel, Err: err}
		}
		w.opts.Metrics.RecordIndexRun(web.IndexRun{Operation: "upload", Took: time.Since(start), Failures: map[string]int{fe.Reason(): 1}})
		if isFileErr && ctx.Err() == nil {
			w.log.Warn("upload not indexed", "file", rel, "reason", fe.Reason(), "err", err, "request_id", web.RequestID(ctx))
			return nil, search.Errorf(search.CodeUnprocessable, "the file could not be indexed: %s", reasonText(fe.Reason()))
		}
		w.log.Error("upload not indexed", "file", rel, "err", err, "request_id", web.RequestID(ctx))
		return nil, noSpace(fmt.Errorf("index upload %s: %w", rel, err), "index", "the upload was not stored")
	}
	if w.at(seq, opUpload, stepIndex) {
		return nil, errCrashed
	}
	w.refreshSite(ctx, sites)
	if err := w.journal.end(seq, opUpload, stepCommit); err != nil {
		// Unrecorded, the upload would be rolled back at the next start:
		// undo it now and say so.
		if w.unindex(rel) {
			root.Remove(file)
			root.Remove(file + sidecarSuffix)
		}
		return nil, noSpace(fmt.Errorf("commit upload %s: %w", rel, err), "index", "the upload was not stored")
	}
	if w.at(seq, opUpload, stepCommit) {
		return nil, errCrashed
	}
	w.opts.Metrics.RecordIndexRun(web.IndexRun{Operation: "upload", Took: time.Since(start), Documents: 1})
	w.log.Info("indexed upload", "file", rel, "id", doc.ID, "pages", len(doc.Pages), "flags", doc.Flags,
		"took", time.Since(start).Round(time.Millisecond), "request_id", web.RequestID(ctx))
	return doc, nil
}

// reasonText explains an indexer.FileError reason to the uploader
// without the server's paths.
func reasonText(reason string) string {
	switch reason {
	case "unsupported":
		return "its format is not supported"
	case "too-large":
		return "it is too large"
	case "timeout":
		return "reading its text took too long"
	case "encrypted":
		return "it is encrypted"
	case "crash":
		return "the text extractor failed on it"
	case "metadata":
		return "its metadata could not be read"
	}
	return "its text could not be read"
}

// safeName makes a file name safe to store: the base name folded to a slug
// of ASCII letters, digits and dashes (at most 80), no path, no leading
// dot, and the extension of a known format (that of plain text otherwise).
func safeName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := format.Ext(name)
	if _, ok := format.ByExt(ext); !ok {
		ext = format.Text.Exts[0]
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	var b strings.Builder
	dash := false
	for _, r := range search.Fold(base) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 80 {
		slug = strings.Trim(slug[:80], "-")
	}
	if slug == "" {
		slug = "upload"
	}
	return slug + ext
}

// createUnique writes data to name in root, or to name-2, name-3, ... when
// a file (or a sidecar that would apply to it) is there already or a
// deleted upload had the name (its document id stays its own), and the
// sidecar beside it; it returns the name used. Files are created
// exclusively, so concurrent uploads of one name never overwrite each other.
//
// claim journals the intent to create a candidate before it is created
// and returns how to record its abort; its errors are returned as they are.
func createUnique(root *os.Root, create func(*os.Root, string) (file, error), claim func(string) (func(), error), deleted map[string]bool, name string, data, sidecar []byte) (string, error) {
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 1; i <= 1000; i++ {
		cand := name
		if i > 1 {
			cand = base + "-" + strconv.Itoa(i) + ext
		}
		// A name taken is skipped before it is claimed: a claim journaled
		// for an existing file would, after a crash before its abort,
		// name that file for rollback.
		if deleted[cand] || exists(root, cand) || exists(root, cand+sidecarSuffix) || exists(root, strings.TrimSuffix(cand, ext)+sidecarSuffix) {
			continue
		}
		abort, err := claim(cand)
		if err != nil {
			return "", err
		}
		f, err := create(root, cand)
		if errors.Is(err, fs.ErrExist) {
			abort()
			continue
		}
		if err != nil {
			abort()
			return "", fmt.Errorf("store upload %s: %w", cand, err)
		}
		err = writeAll(f, data)
		if err == nil && len(sidecar) > 0 {
			var sf file
			if sf, err = create(root, cand+sidecarSuffix); err == nil {
				err = writeAll(sf, sidecar)
			}
		}
		if err != nil {
			root.Remove(cand)
			root.Remove(cand + sidecarSuffix)
			abort()
			return "", fmt.Errorf("store upload %s: %w", cand, err)
		}
		return cand, nil
	}
	return "", search.Errorf(search.CodeConflict, "too many uploads named %q", name)
}

func exists(root *os.Root, name string) bool {
	_, err := root.Lstat(name)
	return err == nil
}

// writeAll writes data, syncs and closes f.
func writeAll(f file, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Delete moves the document's original (and its sidecar) out of the corpus
// into the "deleted" folder beside the index, then removes the document
// from the index; if that fails the files are moved back. A document whose
// original is already gone is just removed from the index.
func (w *Writer) Delete(ctx context.Context, id string) error {
	ctx, cancel := w.bind(ctx)
	defer cancel()
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed.Load() {
		return errClosed
	}
	doc, err := w.idx.Document(ctx, id)
	if err != nil {
		return err
	}
	seq, err := w.journal.begin(opDelete, doc.Source, id)
	if err != nil {
		return noSpace(err, "index", "the document was not deleted")
	}
	if w.at(seq, opDelete, stepIntent) {
		return errCrashed
	}
	w.names.Lock()
	moved, err := w.moveOut(doc.Source)
	if err == nil {
		// Buried before the index forgets it: the id is never given again.
		if err = w.bury(doc.Source); err != nil {
			w.restore(moved)
		}
	}
	w.names.Unlock()
	if err != nil {
		w.endOp(seq, opDelete, stepAbort)
		return noSpace(err, "corpus", "the document was not deleted")
	}
	if w.at(seq, opDelete, stepFile) {
		return errCrashed
	}
	if err := w.idx.Delete(ctx, id); err != nil {
		w.restore(moved)
		w.endOp(seq, opDelete, stepAbort)
		return noSpace(err, "index", "the document was not deleted")
	}
	if w.at(seq, opDelete, stepIndex) {
		return errCrashed
	}
	if sites := w.sitesFor(ctx, doc.Source); sites != nil {
		sites.Forget(doc.Source)
		w.refreshSite(ctx, sites)
	}
	w.endOp(seq, opDelete, stepCommit)
	if w.at(seq, opDelete, stepCommit) {
		return errCrashed
	}
	for _, m := range moved {
		w.log.Info("moved deleted original out of the corpus", "id", id, "from", m[0], "to", m[1], "request_id", web.RequestID(ctx))
	}
	return nil
}

// MoveOut moves the corpus file src (corpus-relative, slashes) and its
// sidecars out of the corpus into the "deleted" folder beside indexDir,
// as a deletion through the API does, records its tombstone, and returns
// the (from, to) pairs moved. The index entry stays: the next update
// removes it (see Update).
func MoveOut(corpus, indexDir, src string) ([][2]string, error) {
	w := NewWriter(nil, corpus, indexDir, Options{})
	defer w.cancel()
	moved, err := w.moveOut(src)
	if err == nil {
		if err = w.bury(src); err != nil {
			w.restore(moved)
			return nil, err
		}
	}
	return moved, err
}

// Tombstones returns the writer's list of deleted documents, for the read
// side (web.Options.Tombstones).
func (w *Writer) Tombstones() *Tombstones { return w.tombs }

// bury records the tombstones of the documents of the corpus files srcs.
func (w *Writer) bury(srcs ...string) error {
	return buryIn(w.tombs, srcs)
}

// buryIn records in t the tombstones of the documents of srcs, now.
func buryIn(t *Tombstones, srcs []string) error {
	now := time.Now().UTC().Truncate(time.Second)
	stones := make([]Tombstone, 0, len(srcs))
	for _, src := range srcs {
		stones = append(stones, Tombstone{ID: indexer.DocumentID(src), Source: src, Removed: now})
	}
	return t.Add(stones...)
}

// restore moves files moved out of the corpus back.
func (w *Writer) restore(moved [][2]string) {
	for _, m := range moved {
		if err := moveFile(m[1], m[0]); err != nil {
			w.log.Error("restore original after failed delete", "from", m[1], "to", m[0], "err", err)
		}
	}
}

// moveOut moves the corpus file src and its sidecars into the trash and
// returns the (from, to) pairs moved.
func (w *Writer) moveOut(src string) ([][2]string, error) {
	rel := filepath.FromSlash(src)
	if !filepath.IsLocal(rel) {
		w.log.Warn("document source is outside the corpus: only the index entry is deleted", "source", src)
		return nil, nil
	}
	root, err := os.OpenRoot(w.corpus)
	if err != nil {
		return nil, fmt.Errorf("open corpus %q: %w", w.corpus, err)
	}
	defer root.Close()
	if _, err := root.Lstat(rel); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("find original %s: %w", src, err)
	}
	files := []string{rel}
	if exists(root, rel+sidecarSuffix) {
		files = append(files, rel+sidecarSuffix)
	}
	ext := filepath.Ext(rel)
	if side := strings.TrimSuffix(rel, ext) + sidecarSuffix; ext != "" && exists(root, side) && !sidecarShared(root, rel) {
		files = append(files, side)
	}
	if err := os.MkdirAll(w.trash, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", w.trash, err)
	}
	stamp := time.Now().UTC().Format("20060102T150405.000Z")
	var moved [][2]string
	for _, f := range files {
		from := filepath.Join(w.corpus, f)
		to := filepath.Join(w.trash, stamp+"-"+strings.ReplaceAll(filepath.ToSlash(f), "/", "__"))
		if err := moveFile(from, to); err != nil {
			for _, m := range moved {
				moveFile(m[1], m[0])
			}
			return nil, fmt.Errorf("move %s out of the corpus: %w", f, err)
		}
		moved = append(moved, [2]string{from, to})
	}
	return moved, nil
}

// sidecarShared reports whether another document in rel's folder has the
// same name without extension, and so may read BASE.meta.json too.
func sidecarShared(root *os.Root, rel string) bool {
	dir, name := filepath.Split(rel)
	base := strings.TrimSuffix(name, filepath.Ext(name))
	d, err := root.Open(filepath.Clean("./" + dir))
	if err != nil {
		return true
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		return true
	}
	for _, n := range names {
		if n != name && !strings.HasSuffix(strings.ToLower(n), sidecarSuffix) && strings.TrimSuffix(n, filepath.Ext(n)) == base {
			return true
		}
	}
	return false
}

// moveFile renames from to to, copying across file systems.
func moveFile(from, to string) error {
	err := os.Rename(from, to)
	if err == nil || !errors.Is(err, syscall.EXDEV) {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(to)
		return err
	}
	return os.Remove(from)
}

// Reindex brings the index up to date with the corpus (see Update): one
// at a time (search.CodeConflict while one runs), with uploads and
// deletions waiting.
func (w *Writer) Reindex(ctx context.Context) (*web.ReindexResult, error) {
	if !w.reindexing.CompareAndSwap(false, true) {
		return nil, errReindexing
	}
	defer w.reindexing.Store(false)
	ctx, cancel := w.bind(ctx)
	defer cancel()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	w.smu.Lock()
	w.stopReindex = stop
	w.smu.Unlock()
	defer func() {
		w.smu.Lock()
		w.stopReindex = nil
		w.smu.Unlock()
	}()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed.Load() {
		return nil, errClosed
	}
	// The marker says a reindex is under way until it finishes: one
	// stopped by a crash or a shutdown runs again at the next start.
	marker := reindexMarker(w.indexDir)
	if err := os.WriteFile(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
		return nil, noSpace(fmt.Errorf("reindex: %w", err), "index", "the reindex did not start")
	}
	opts, done := w.status.start("reindex", w.opts)
	rep, err := Update(ctx, w.idx, w.corpus, opts)
	done()
	recordRun(w.opts.Metrics, "reindex", rep)
	if errors.Is(context.Cause(ctx), errStopping) {
		done := 0
		if rep != nil {
			done = rep.Indexed + rep.Unchanged
		}
		w.log.Warn("reindex stopped by shutdown: it runs again at the next start", "files_done", done)
		return nil, search.Errorf(search.CodeUnavailable, "the server is shutting down: the reindex stopped after %d files and runs again when it starts", done)
	}
	if err == nil {
		if rerr := os.Remove(marker); rerr != nil {
			w.log.Warn("remove reindex marker", "file", marker, "err", rerr)
		}
	}
	if err != nil {
		return nil, noSpace(fmt.Errorf("reindex %s: %w", w.corpus, err), "index", "the reindex stopped; run it again once there is room")
	}
	if err := w.bury(rep.Removed...); err != nil {
		w.log.Error("record the tombstones of removed documents", "err", err)
	}
	if w.opts.Sites != nil {
		saveSites(w.opts, w.indexDir)
	}
	LogReport(w.log, rep)
	out := &web.ReindexResult{
		Files: rep.Files, Indexed: rep.Indexed, Added: rep.Added, Updated: rep.Updated, Unchanged: rep.Unchanged,
		Removed: len(rep.Removed), Pages: rep.Pages, Flagged: rep.Flagged, Failed: []web.FailedFile{},
		Failures: failureReasons(rep), TookMS: rep.Took.Milliseconds(),
	}
	for _, e := range rep.Errors {
		out.Failed = append(out.Failed, web.FailedFile{File: e.Path, Reason: e.Reason()})
	}
	out.Documents, _ = w.idx.Count(ctx)
	return out, nil
}

// errStopping is why StopReindex ended a reindex.
var errStopping = errors.New("server stopping")

// StopReindex ends the running reindex, if any, at once: the server is
// stopping. Its request is answered 503; the next start runs it again.
// Uploads and deletions in flight are left to finish.
func (w *Writer) StopReindex() {
	w.smu.Lock()
	defer w.smu.Unlock()
	if w.stopReindex != nil {
		w.stopReindex(errStopping)
	}
}

// errReindexing answers a reindex asked for while one runs.
var errReindexing = search.Errorf(search.CodeConflict, "a reindex is already running")

// unindex makes sure the document of the corpus file rel is not in the
// index after a failed upload, and reports whether it is not.
func (w *Writer) unindex(rel string) bool {
	ctx := context.Background()
	id := indexer.DocumentID(rel)
	if _, err := w.idx.Document(ctx, id); errors.Is(err, search.ErrNotFound) {
		return true
	}
	if err := w.idx.Delete(ctx, id); err != nil {
		w.log.Warn("remove the document of a failed upload", "file", rel, "err", err)
	}
	_, err := w.idx.Document(ctx, id)
	return errors.Is(err, search.ErrNotFound)
}

// indexed reports whether the index holds the document of the corpus file
// rel.
func (w *Writer) indexed(ctx context.Context, rel string) bool {
	_, err := w.idx.Document(ctx, indexer.DocumentID(rel))
	return err == nil
}

// deletedUploads returns the names in the uploads folder of the deleted
// uploads (tombstones, and originals in the trash): a new upload does not
// take them, so a deleted document's id (derived from its path) never
// names another one.
func (w *Writer) deletedUploads() map[string]bool {
	out := w.tombs.sources(uploadsDir + "/")
	ents, err := os.ReadDir(w.trash)
	if err != nil {
		return out
	}
	prefix := "-" + uploadsDir + "__"
	for _, e := range ents {
		if i := strings.Index(e.Name(), prefix); i > 0 {
			out[e.Name()[i+len(prefix):]] = true
		}
	}
	return out
}

// sitesFor returns the site boilerplate model when rel is a web page
// (learnSites); nil for other files.
func (w *Writer) sitesFor(ctx context.Context, rel string) *indexer.Sites {
	if f, ok := format.ByExt(rel); !ok || f.Name != format.HTML.Name {
		return nil
	}
	return w.learnSites(ctx)
}

// learnSites returns the site boilerplate model, after learning the whole
// corpus into it if no run has yet: the model faro index saved, then the
// pages it does not hold, which takes a walk of the corpus.
func (w *Writer) learnSites(ctx context.Context) *indexer.Sites {
	sites := w.opts.Sites
	if sites == nil {
		return nil
	}
	w.learnMu.Lock()
	defer w.learnMu.Unlock()
	if !sites.Whole() {
		// The model faro index saved, then the pages it does not hold.
		path := indexer.SitesPath(w.indexDir)
		if _, err := sites.LoadFile(path); err != nil {
			w.log.Warn("the saved site model was not read: learning it from the corpus", "err", err)
		}
		learnt, err := sites.LearnCorpus(ctx, w.corpus, indexer.Options{PDFRunner: w.opts.PDFRunner})
		if err != nil {
			w.log.Warn("learn the corpus's site boilerplate", "err", err)
		}
		if learnt > 0 {
			// Saved at once, not only when the server stops (Close): a
			// server killed before then would leave the next start to
			// read and parse every web page of the corpus again, a core
			// for about 20 s at 100k pages while searches are served.
			if err := sites.Save(path); err != nil {
				w.log.Warn("the site model was not saved: the next start learns it again", "err", err)
			}
		}
	}
	return sites
}

// refreshSite indexes again the pages whose site boilerplate changed with
// the last write (see indexer.Sites.Changed). Failures are logged: the
// next reindex catches up, as the content hash covers the boilerplate.
func (w *Writer) refreshSite(ctx context.Context, sites *indexer.Sites) {
	if sites == nil {
		return
	}
	changed := sites.Changed()
	for _, rel := range changed {
		if _, err := indexer.IndexFile(ctx, w.corpus, rel, w.idx, indexer.Options{PDFRunner: w.opts.PDFRunner, Sites: sites}); err != nil {
			w.log.Warn("index again a page whose site boilerplate changed", "file", rel, "err", err)
		}
	}
	if len(changed) > 0 {
		if err := w.idx.Flush(ctx); err != nil {
			w.log.Warn("flush after updating a site's pages", "err", err)
		}
		w.log.Info("site boilerplate changed: pages indexed again", "pages", len(changed), "request_id", web.RequestID(ctx))
	}
}
