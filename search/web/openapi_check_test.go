package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// This file holds the contract check every HTTP test of the package goes
// through: the test servers (newServer, newWriteServer, newIndexServer,
// newExportServer, newPageServer) serve through Checked, which validates
// each response — status, declared headers, content type and body —
// against the OpenAPI document the server itself serves, with
// kin-openapi's validator. A response the description does not allow fails
// the test that received it; TestMain fails a full run in which some
// described operation was never exercised.

// contract is the loaded description and its router, built once.
var contract = sync.OnceValues(func() (*contractDoc, error) {
	raw, err := OpenAPI()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		return nil, fmt.Errorf("load the OpenAPI document: %w", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("the OpenAPI document is not valid: %w", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route the OpenAPI document: %w", err)
	}
	return &contractDoc{doc: doc, router: router}, nil
})

type contractDoc struct {
	doc    *openapi3.T
	router routers.Router
}

func init() {
	// The formats Faro answers that kin-openapi does not decode itself are
	// text the description types as strings (CSL-JSON is JSON).
	for _, ct := range []string{"text/html", "text/markdown", "text/css", "text/javascript", "image/svg+xml",
		"application/x-bibtex", "application/x-research-info-systems", "application/atom+xml",
		"application/pdf", "application/openmetrics-text"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
	}
	openapi3filter.RegisterBodyDecoder("application/vnd.citationstyles.csl+json", openapi3filter.JSONBodyDecoder)
}

// exercised records which operations and statuses the tests received.
var exercised = struct {
	sync.Mutex
	ops       map[string]map[int]bool // "GET /api/v1/search" -> statuses
	responses int                     // responses validated
}{ops: map[string]map[int]bool{}}

// Checked wraps h so that every response it gives is validated against the
// OpenAPI document; a response the document does not describe fails t.
func Checked(t testing.TB, h http.Handler) http.Handler {
	c, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recordingWriter{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if err := c.check(r, rec.status(), rec.header, rec.body.Bytes(), true); err != nil {
			t.Errorf("%s %s: the response leaves the OpenAPI description (search/web/openapi.json): %v", r.Method, r.URL.RequestURI(), err)
		}
	})
}

// CheckedServer is httptest.NewServer over Checked(t, h), closed when the
// test ends.
func CheckedServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(Checked(t, h))
	t.Cleanup(srv.Close)
	return srv
}

// check validates one response (and, with record, counts it as
// exercised); requests to paths the description does
// not list (the 404 and 405 of unknown routes) are not checked.
func (c *contractDoc) check(r *http.Request, status int, header http.Header, body []byte, record bool) error {
	if r.Method == http.MethodHead {
		return nil
	}
	req := r.Clone(context.Background())
	req.URL.Scheme, req.URL.Host = "http", "localhost"
	route, params, err := c.router.FindRoute(req)
	if errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed) {
		if status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
			return fmt.Errorf("status %d on a route the description does not list", status)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("find the route: %w", err)
	}
	if record {
		exercised.Lock()
		key := route.Method + " " + route.Path
		if exercised.ops[key] == nil {
			exercised.ops[key] = map[int]bool{}
		}
		exercised.ops[key][status] = true
		exercised.responses++
		exercised.Unlock()
	}
	if header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("gunzip the body: %w", err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			return fmt.Errorf("gunzip the body: %w", err)
		}
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		return fmt.Errorf("status %d, %s: %w", status, header.Get("Content-Type"), err)
	}
	if len(body) > 0 && !slices.Contains([]int{http.StatusNoContent, http.StatusNotModified}, status) {
		if resp := route.Operation.Responses.Status(status); resp != nil && resp.Value != nil && len(resp.Value.Content) == 0 {
			return fmt.Errorf("status %d has a body the description does not declare", status)
		}
	}
	return nil
}

// recordingWriter passes a response through and keeps a copy of its status,
// headers (as sent) and body.
type recordingWriter struct {
	http.ResponseWriter
	code   int
	header http.Header
	body   bytes.Buffer
}

func (w *recordingWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
		w.header = w.ResponseWriter.Header().Clone()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.WriteHeader(http.StatusOK)
	}
	w.body.Write(p)
	return w.ResponseWriter.Write(p)
}

func (w *recordingWriter) status() int {
	if w.code == 0 {
		w.code = http.StatusOK
		w.header = w.ResponseWriter.Header().Clone()
	}
	return w.code
}

// Unwrap lets http.ResponseController reach the connection (deadlines,
// flushes).
func (w *recordingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes flushes through.
func (w *recordingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// TestMain runs the tests, then, on a full run (no -run filter), fails if
// an operation of the description was never exercised by them.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		if missing := unexercised(); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: the tests never exercised these operations of the OpenAPI description: %s\n", strings.Join(missing, ", "))
			code = 1
		}
	}
	if testing.Verbose() {
		fmt.Println(coverageReport())
	}
	os.Exit(code)
}

// unexercised lists the described operations no test response reached.
func unexercised() []string {
	c, err := contract()
	if err != nil {
		return []string{err.Error()}
	}
	exercised.Lock()
	defer exercised.Unlock()
	var missing []string
	for path, item := range c.doc.Paths.Map() {
		for method := range item.Operations() {
			if exercised.ops[method+" "+path] == nil {
				missing = append(missing, method+" "+path)
			}
		}
	}
	sort.Strings(missing)
	return missing
}

// coverageReport lists each exercised operation with the statuses seen.
func coverageReport() string {
	exercised.Lock()
	defer exercised.Unlock()
	var lines []string
	for op, statuses := range exercised.ops {
		var codes []int
		for s := range statuses {
			codes = append(codes, s)
		}
		slices.Sort(codes)
		lines = append(lines, fmt.Sprintf("  %-34s %v", op, codes))
	}
	sort.Strings(lines)
	return fmt.Sprintf("%d responses validated against the OpenAPI description, by operation and status:\n%s",
		exercised.responses, strings.Join(lines, "\n"))
}
