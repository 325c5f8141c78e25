package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"faro/format"
	"faro/search"
)

// Writer changes the collection: it stores an uploaded file in the corpus
// and indexes it, removes a document, and brings the index up to date with
// the corpus. indexer/corpus implements it over the indexer; search/web only
// declares what it needs. Methods must be safe for concurrent use.
//
// Errors the client must act on are *search.Error (answered with the
// status of their code); search.ErrNotFound means an unknown document;
// anything else is answered 500 without detail.
type Writer interface {
	// Add stores data under name (a file name whose extension matches the
	// sniffed format; the Writer makes it safe and unique) with sidecar
	// (the document's NAME.meta.json, nil for none), indexes it and
	// returns the indexed document, searchable at once.
	Add(ctx context.Context, name string, data []byte, sidecar []byte) (*search.Document, error)
	// Delete removes the document from the index and its file from the
	// corpus.
	Delete(ctx context.Context, id string) error
	// Reindex brings the index up to date with the corpus and returns
	// what it did.
	Reindex(ctx context.Context) (*ReindexResult, error)
}

// ReindexResult is what a reindex did: the answer of POST /api/v1/reindex.
type ReindexResult struct {
	// Files is how many candidate files the corpus holds.
	Files int `json:"files"`
	// Indexed is how many documents were written (Added + Updated).
	Indexed   int `json:"indexed"`
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Removed is how many documents whose files are gone were deleted.
	Removed int `json:"removed"`
	Pages   int `json:"pages"`
	// Flagged counts the indexed documents with extraction flags.
	Flagged int `json:"flagged"`
	// Failed lists the files that could not be indexed (never nil).
	Failed []FailedFile `json:"failed"`
	// Failures counts the failed files by reason (never nil).
	Failures map[string]int `json:"failures"`
	TookMS   int64          `json:"took_ms"`
	// Documents is how many documents the index holds afterwards.
	Documents uint64 `json:"documents"`
}

// FailedFile is a file a reindex could not index, with the reason
// ("unsupported", "too-large", "timeout", "encrypted", ...).
type FailedFile struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Routes of the write API.
const (
	uploadRoute  = "/api/v1/documents"
	deleteRoute  = "/api/v1/documents/:id"
	reindexRoute = "/api/v1/reindex"
)

// Limits of the write API.
const (
	// DefaultMaxUpload is the default largest file an upload may carry.
	DefaultMaxUpload = 50 << 20
	// maxMetadata bounds the metadata field of an upload.
	maxMetadata = 64 << 10
	// multipartSlack is what an upload body may hold beside the file:
	// part headers, boundaries, the metadata field.
	multipartSlack = maxMetadata + 64<<10
	// writeDeadline is how long an upload or a reindex may take to read its
	// request and write its answer; it replaces the server's shorter
	// read and write timeouts for those routes.
	writeDeadline = 10 * time.Minute
)

// errWritesDisabled is the message of every write when no token is set.
const errWritesDisabled = "writes are disabled: set FARO_ADMIN_TOKEN"

func (s *Server) registerAdmin(r *gin.Engine) {
	r.POST(uploadRoute, s.requireAdmin, s.limitBody(s.opts.MaxUpload+multipartSlack, s.opts.MaxUpload), s.longDeadlines, s.acquireUpload, s.minRate, s.upload)
	r.DELETE(deleteRoute, s.requireAdmin, s.deleteDocument)
	r.POST(reindexRoute, s.requireAdmin, s.longDeadlines, s.acquireUpload, s.reindex)
}

// requireAdmin lets a request through only with the admin bearer token,
// compared in constant time: 403 when writes are disabled, 401 with
// WWW-Authenticate when the token is missing or wrong.
func (s *Server) requireAdmin(c *gin.Context) {
	if s.opts.AdminToken == "" {
		s.fail(c, http.StatusForbidden, errWritesDisabled)
		return
	}
	if s.opts.Writer == nil {
		s.fail(c, http.StatusForbidden, "writes are not available on this server")
		return
	}
	auth := c.GetHeader("Authorization")
	scheme, token, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "Bearer") || !tokenEqual(strings.TrimSpace(token), s.opts.AdminToken) {
		challenge := `Bearer realm="faro"`
		if auth != "" {
			challenge += `, error="invalid_token"`
			s.logger(c).Warn("write refused: invalid token", "route", route(c), "remote", c.ClientIP())
		}
		c.Header("WWW-Authenticate", challenge)
		s.fail(c, http.StatusUnauthorized, "missing or invalid bearer token")
		return
	}
	c.Next()
}

// tokenEqual compares the digests of two tokens in constant time, so
// neither the content nor the length of the token leaks through timing.
func tokenEqual(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// longDeadlines gives a slow upload or a reindex more time than the
// server's read and write timeouts (which protect the read routes).
func (s *Server) longDeadlines(c *gin.Context) {
	rc := http.NewResponseController(c.Writer)
	deadline := time.Now().Add(writeDeadline)
	_ = rc.SetReadDeadline(deadline) // unsupported writers (tests) keep theirs
	_ = rc.SetWriteDeadline(deadline)
	c.Next()
}

// writeContext detaches a write from its client: once a file is stored it
// is indexed even if the client goes away, so the corpus and the index
// agree. The Writer still stops at shutdown.
func writeContext(c *gin.Context) context.Context {
	return context.WithoutCancel(c.Request.Context())
}

// UploadResponse is the answer of POST /api/v1/documents: the new
// document without its page texts.
type UploadResponse struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	URL        string   `json:"url"`
	FileURL    string   `json:"file_url"`
	Source     string   `json:"source"`
	Format     string   `json:"format,omitempty"`
	Lang       string   `json:"lang,omitempty"`
	Type       string   `json:"type,omitempty"`
	Year       int      `json:"year,omitempty"`
	Countries  []string `json:"countries"`
	Themes     []string `json:"themes"`
	GCM        []int    `json:"gcm"`
	Principles []string `json:"principles"`
	Pages      int      `json:"pages"`
	Flags      []string `json:"flags,omitempty"`
}

// upload handles POST /api/v1/documents: a multipart body with the file in
// the field "file" and, optionally, the sidecar JSON in "metadata". The file
// is streamed into a spool file and refused with 413 as soon as it passes
// Options.MaxUpload, whatever its format, without being held in memory; a
// file within the limit is held once, at its size, while it is stored.
func (s *Server) upload(c *gin.Context) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		s.failErr(c, search.Errorf(search.CodeInvalid, "send the file as multipart/form-data in a field named \"file\""))
		return
	}
	var (
		name     string
		data     []byte
		meta     []byte
		haveFile bool
	)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.failErr(c, malformed(err))
			return
		}
		switch p.FormName() {
		case "file":
			if haveFile {
				p.Close()
				s.failErr(c, search.Errorf(search.CodeInvalid, "send one file per upload"))
				return
			}
			haveFile = true
			name = p.FileName()
			data, err = s.readFilePart(p, s.opts.MaxUpload)
			if errors.Is(err, errPartTooLarge) {
				s.tooLarge(c, s.opts.MaxUpload)
				return
			}
		case "metadata":
			meta, err = readAtMost(p, maxMetadata)
			if errors.Is(err, errPartTooLarge) {
				s.failErr(c, search.Errorf(search.CodeTooLarge, "metadata larger than %s", formatBytes(maxMetadata)))
				return
			}
		default:
			_, err = io.Copy(io.Discard, p) // bounded by the body limit
		}
		p.Close()
		if err != nil {
			s.failErr(c, malformed(err))
			return
		}
	}
	if !haveFile {
		s.failErr(c, search.Errorf(search.CodeInvalid, "the upload has no field named \"file\""))
		return
	}
	if len(data) == 0 {
		s.failErr(c, search.Errorf(search.CodeInvalid, "the file is empty"))
		return
	}
	name, err = uploadName(name, data)
	if err != nil {
		s.failErr(c, err)
		return
	}
	sidecar, err := parseSidecar(meta)
	if err != nil {
		s.failErr(c, err)
		return
	}
	doc, err := s.opts.Writer.Add(writeContext(c), name, data, sidecar)
	size := len(data)
	data = nil
	defer releaseLarge(size)
	if err != nil {
		s.failErr(c, err)
		return
	}
	s.logger(c).Info("document uploaded", "id", doc.ID, "source", doc.Source, "bytes", size)
	url := "/documents/" + doc.ID
	c.Header("Location", "/api/v1/documents/"+doc.ID)
	sendJSON(c, http.StatusCreated, UploadResponse{
		ID: doc.ID, Title: doc.Title, URL: url, FileURL: url + "/file", Source: doc.Source, Format: doc.Format,
		Lang: doc.Lang, Type: doc.Type, Year: doc.Year, Countries: nonNil(doc.Countries), Themes: nonNil(doc.Themes),
		GCM: nonNil(doc.GCM), Principles: nonNil(doc.Principles), Pages: len(doc.Pages), Flags: doc.Flags,
	})
}

// lowerWords lower-cases the words of a facet's title that are not
// acronyms: "Guiding principle" -> "guiding principle", "GCM objective"
// stays.
func lowerWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w != strings.ToUpper(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// malformed turns an error reading an upload into 400, unless it is the
// body limit (413).
func malformed(err error) error {
	if _, ok := isTooLarge(err); ok || errors.Is(err, errUploadTooSlow) {
		return err
	}
	return search.Errorf(search.CodeInvalid, "malformed multipart body: %v", err)
}

var errPartTooLarge = errors.New("part too large")

// readAtMost reads r whole if it holds at most limit bytes.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errPartTooLarge
	}
	return data, nil
}

// uploadName sniffs the format of an upload (format.Sniff: the content
// decides) and returns the name to store it under: the client's base name
// with its own extension when that is one of the format's, else with the
// format's first extension.
func uploadName(name string, data []byte) (string, error) {
	f, err := format.Sniff(name, data)
	if err != nil {
		return "", search.Errorf(search.CodeUnsupported, "%s", err.Error())
	}
	name = path.Base(strings.ReplaceAll(name, `\`, "/")) // browsers on Windows send full paths
	if name == "." || name == "/" {
		name = ""
	}
	ext := format.Ext(name)
	base := strings.TrimSuffix(name, path.Ext(name))
	if base == "" {
		base = "upload"
	}
	if slices.Contains(f.Exts, ext) {
		return base + ext, nil
	}
	return base + f.Exts[0], nil
}

// parseSidecar checks an upload's metadata against the taxonomy and
// returns it as the JSON to store beside the file (nil for none).
func parseSidecar(raw []byte) ([]byte, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	bad := func(format string, args ...any) error {
		return search.Errorf(search.CodeInvalid, "metadata: %s", fmt.Sprintf(format, args...))
	}
	var sc search.Metadata
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sc); err != nil {
		return nil, bad("%v", err)
	}
	if dec.More() {
		return nil, bad("more than one JSON value")
	}
	// Every facet's values must be known to its taxonomy; they are stored
	// in canonical form.
	for _, f := range search.AllFacets() {
		vals := f.MetadataValues(&sc)
		for i, v := range vals {
			n, err := f.Normalize(v)
			if err != nil || !f.Known(n) {
				hint := ""
				if !f.Open() {
					hint = " (see /api/v1/taxonomy)"
				}
				return nil, bad("unknown %s %s%s", lowerWords(f.Title.EN), v, hint)
			}
			vals[i] = n
		}
		if err := f.SetMetadataValues(&sc, vals); err != nil {
			return nil, bad("%v", err)
		}
	}
	if sc.Year != 0 && (sc.Year < 1900 || sc.Year > 2200) {
		return nil, bad("year %d is out of range", sc.Year)
	}
	out, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode metadata: %w", err)
	}
	return append(out, '\n'), nil
}

// deleteDocument handles DELETE /api/v1/documents/{id}: 204 when done, 404
// for an unknown document.
func (s *Server) deleteDocument(c *gin.Context) {
	id := c.Param("id")
	if err := s.opts.Writer.Delete(writeContext(c), id); err != nil {
		s.failErr(c, err)
		return
	}
	s.logger(c).Info("document deleted", "id", id)
	c.Status(http.StatusNoContent)
}

// reindex handles POST /api/v1/reindex: the index is brought up to date
// with the corpus and the run's report answered.
func (s *Server) reindex(c *gin.Context) {
	rep, err := s.opts.Writer.Reindex(writeContext(c))
	if err != nil {
		s.failErr(c, err)
		return
	}
	sendJSON(c, http.StatusOK, rep)
}
