package bleve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"faro/search"
)

var _ search.Index = (*Index)(nil)
var _ search.Sink = (*Index)(nil)

// ErrVersion reports an index built with another mapping version.
var ErrVersion = errors.New("index mapping version mismatch")

// ErrNoIndex reports that no index exists at the path.
var ErrNoIndex = errors.New("no index")

const versionKey = "faro_mapping_version"

// batchSize is how many documents Put collects before writing a batch.
const batchSize = 1000

// maxWriting is how many batches are written at once.
const maxWriting = 2

// Index is a Faro index stored in a directory. It is safe for concurrent
// use.
type Index struct {
	path string

	// bmu guards idx, which a failed write replaces by the index as it
	// is on disk (reload); broken is set when that reopening failed.
	bmu    sync.RWMutex
	idx    bleve.Index
	broken error

	mu      sync.Mutex // guards batch and pending
	batch   *bleve.Batch
	pending []string // ids in batch

	// Batches are written in the background, up to maxWriting at once,
	// so that one batch's segment is built while the next is analysed
	// (bleve builds a batch's segment on one core). writing counts them;
	// under wmu, flying holds the ids of their documents and werr the
	// first error.
	slots   chan struct{}
	writing sync.WaitGroup
	wmu     sync.Mutex
	flying  map[string]int
	werr    error

	cache *resultCache
	plans planCache

	// tt is the text-table state (tables.go).
	tt tables
}

// CacheSize is how many search results an Index keeps for repeated
// searches; SetCacheSize(0) turns the cache off.
const CacheSize = 1024

// SetCacheSize changes how many results are cached (0 disables caching).
// Call it before serving.
func (x *Index) SetCacheSize(n int) {
	if n <= 0 {
		x.cache = nil
		return
	}
	x.cache = newResultCache(n)
}

// Open opens the index at path. It returns an error wrapping ErrNoIndex when
// there is none, ErrVersion when it was built with another mapping,
// ErrDamaged when its files fail Check or cannot be read, and ErrInUse
// when another process writes it. A failed Open changes no file: the index
// is checked before bleve, which removes the segment files its root does
// not list, opens it for writing.
func Open(path string) (*Index, error) {
	if err := Check(path); err != nil {
		return nil, err
	}
	idx, err := openBleve(path)
	if err != nil {
		return nil, err
	}
	v, err := idx.GetInternal([]byte(versionKey))
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index %q: read version: %w", path, err)
	}
	if string(v) != MappingVersion {
		idx.Close()
		got := string(v)
		if got == "" {
			got = "none"
		}
		return nil, fmt.Errorf("open index %q: built with mapping version %s, this faro needs %s; rebuild it with `faro index --rebuild`: %w",
			path, got, MappingVersion, ErrVersion)
	}
	if err := probe(path, idx); err != nil {
		idx.Close()
		return nil, err
	}
	x := newIndex(path, idx)
	// Searches need the tables of the snapshot: build them now rather
	// than on the first search.
	x.refreshInBackground()
	return x, nil
}

// Create makes a new, empty index at path, which must not exist.
func Create(path string) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %q: mapping: %w", path, err)
	}
	idx, err := bleve.New(path, m)
	if err != nil {
		return nil, fmt.Errorf("create index %q: %w", path, err)
	}
	if err := idx.SetInternal([]byte(versionKey), []byte(MappingVersion)); err != nil {
		idx.Close()
		return nil, fmt.Errorf("create index %q: write version: %w", path, err)
	}
	return newIndex(path, idx), nil
}

func newIndex(path string, idx bleve.Index) *Index {
	x := &Index{path: path, idx: idx, cache: newResultCache(CacheSize), slots: make(chan struct{}, maxWriting), flying: map[string]int{}}
	x.tt.ctx, x.tt.cancel = context.WithCancel(context.Background())
	x.tt.sem = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	return x
}

// Put adds or replaces a document. Documents are written in batches; call
// Flush (or Close) to write the last one.
func (x *Index) Put(ctx context.Context, doc *search.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if doc.ID == "" {
		return errors.New("put document: empty id")
	}
	fields, err := toFields(doc)
	if err != nil {
		return fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.writeErr(); err != nil {
		return err
	}
	if err := x.writable(); err != nil {
		return err
	}
	x.wmu.Lock()
	again := x.flying[doc.ID] > 0
	x.wmu.Unlock()
	if again {
		// A batch being written holds this document: let it land first,
		// so the newer version wins.
		x.writing.Wait()
	}
	if x.batch == nil {
		x.batch = x.bleve().NewBatch()
	}
	if err := x.batch.Index(doc.ID, fields); err != nil {
		return fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	x.pending = append(x.pending, doc.ID)
	if x.batch.Size() >= batchSize {
		x.writeBatch()
	}
	return nil
}

// Delete removes a document. When the deletion cannot be written, the
// index is reopened as it is on disk (see reload), where the document is
// still there.
func (x *Index) Delete(ctx context.Context, id string) error {
	x.mu.Lock()
	err := x.flushLocked()
	if err == nil {
		err = x.writable()
	}
	if err == nil {
		if derr := x.bleve().Delete(id); derr != nil {
			err = x.reload(fmt.Errorf("delete document %s: %w", id, ioError(derr)))
		}
	}
	x.mu.Unlock()
	x.cache.invalidate()
	if err != nil {
		return err
	}
	return x.syncTables(ctx)
}

// Flush writes pending documents and waits for every batch being
// written; once it returns they are searchable.
func (x *Index) Flush(ctx context.Context) error {
	x.mu.Lock()
	err := x.flushLocked()
	x.mu.Unlock()
	if err != nil {
		return err
	}
	return x.syncTables(ctx)
}

func (x *Index) flushLocked() error {
	if x.batch != nil && x.batch.Size() > 0 {
		x.writeBatch()
	}
	x.writing.Wait()
	err := x.writeErr()
	x.wmu.Lock()
	x.werr = nil
	x.wmu.Unlock()
	if err != nil {
		// What bleve holds in memory may now differ from its files (a
		// batch searchable but not stored, a segment closed under it).
		err = x.reload(err)
	}
	return err
}

// writeBatch hands the current batch to a background writer, waiting for
// a free slot. Callers hold x.mu.
func (x *Index) writeBatch() {
	b, ids := x.batch, x.pending
	x.batch, x.pending = nil, nil
	x.wmu.Lock()
	for _, id := range ids {
		x.flying[id]++
	}
	x.wmu.Unlock()
	x.slots <- struct{}{}
	x.writing.Add(1)
	go func() {
		defer x.writing.Done()
		err := x.bleve().Batch(b)
		<-x.slots
		x.cache.invalidate()
		x.wmu.Lock()
		defer x.wmu.Unlock()
		for _, id := range ids {
			if x.flying[id]--; x.flying[id] <= 0 {
				delete(x.flying, id)
			}
		}
		if err != nil && x.werr == nil {
			x.werr = fmt.Errorf("write batch to %q: %w", x.path, ioError(err))
		}
	}()
}

// writeErr is the first error of a batch written in the background since
// the last Flush.
func (x *Index) writeErr() error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	return x.werr
}

// Close flushes pending documents and closes the index.
func (x *Index) Close() error {
	x.mu.Lock()
	ferr := x.flushLocked()
	x.mu.Unlock()
	x.stopTables()
	x.bmu.Lock()
	cerr := closeBleve(x.idx)
	x.bmu.Unlock()
	if ferr != nil {
		return ferr
	}
	if cerr != nil {
		return fmt.Errorf("close index %q: %w", x.path, cerr)
	}
	return nil
}

// Count returns the number of documents.
func (x *Index) Count(ctx context.Context) (uint64, error) {
	if err := x.readable(); err != nil {
		return 0, err
	}
	n, err := x.bleve().DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// Document returns the stored document with id.
func (x *Index) Document(ctx context.Context, id string) (*search.Document, error) {
	d, err := x.bleve().Document(id)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", id, err)
	}
	if d == nil {
		return nil, search.ErrNotFound
	}
	doc, err := storedDoc(d, true)
	if err != nil {
		return nil, fmt.Errorf("decode document %s: %w", id, err)
	}
	return doc, nil
}

// toFields lays a document out in the index's fields.
func toFields(doc *search.Document) (map[string]interface{}, error) {
	// The JSON keeps each page's number and language; the texts are
	// stored in the body field.
	meta := *doc
	meta.Pages = make([]search.Page, len(doc.Pages))
	pages := make([]string, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = p.Text
		p.Text = ""
		meta.Pages[i] = p
	}
	raw, err := json.Marshal(&meta)
	if err != nil {
		return nil, err
	}
	f := map[string]interface{}{
		fieldDoc:    string(raw),
		fieldHit:    string(encodeHit(doc)),
		fieldSource: doc.Source,
		fieldHash:   doc.Hash,
	}
	l := "xx"
	for _, known := range languages {
		if doc.Lang == known {
			l = known
		}
	}
	f["title_"+l] = doc.Title
	f["summary_"+l] = doc.Summary
	f["body_"+l] = joinPages(pages)
	if ph := docPhrases(doc); len(ph) > 0 {
		f[fieldPhrase] = ph
	}
	var facets []string
	for _, facet := range search.AllFacets() {
		for _, v := range facet.Values(doc) {
			if v != "" {
				facets = append(facets, facetTerm(facet.Name, v))
			}
		}
	}
	if doc.Year > 0 {
		f[fieldYear] = float64(doc.Year)
	}
	f[fieldFacet] = facets
	date := doc.Date
	if date == "" && doc.Year > 0 {
		date = strconv.Itoa(doc.Year)
	}
	if date != "" {
		f[fieldDate] = date
	}
	return f, nil
}

// IDs returns the ids of every document in the index.
func (x *Index) IDs(ctx context.Context) ([]string, error) {
	bi := x.bleve()
	n, err := bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false)
	req.SortBy([]string{"_id"})
	res, err := bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// Hashes maps the source of every document to its content hash, for
// incremental indexing.
func (x *Index) Hashes(ctx context.Context) (map[string]string, error) {
	r := x.snapshot()
	if r == nil {
		return nil, fmt.Errorf("list hashes: index %q is closed", x.path)
	}
	defer r.Close()
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("list hashes: index reader %T is not a scorch snapshot", r)
	}
	out := make(map[string]string)
	for _, sg := range is.Segments() {
		// Both are keyword fields: one pass over each term dictionary gives
		// every live document's value without decoding stored documents.
		n := int(sg.Segment().Count())
		src, hash := make([]string, n), make([]string, n)
		if err := keywordValues(ctx, sg.Segment(), fieldSource, src); err != nil {
			return nil, fmt.Errorf("list hashes: %w", err)
		}
		if err := keywordValues(ctx, sg.Segment(), fieldHash, hash); err != nil {
			return nil, fmt.Errorf("list hashes: %w", err)
		}
		del := sg.Deleted()
		for d, s := range src {
			if s == "" || del != nil && del.Contains(uint32(d)) {
				continue
			}
			out[s] = hash[d]
		}
	}
	return out, nil
}

// keywordValues sets vals[doc] to the value of keyword field for every
// document of seg that has one.
func keywordValues(ctx context.Context, seg segment.Segment, field string, vals []string) error {
	return walkPostings(ctx, seg, field, false, func(term string, p segment.Posting) error {
		if d := p.Number(); d < uint64(len(vals)) {
			vals[d] = term
		}
		return nil
	})
}
