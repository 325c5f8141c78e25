package indexer

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"sync"

	"faro/indexer/extract"
)

// Run reads every web page twice over unless it keeps the first reading:
// once to learn the site's boilerplate from all pages, once to build.
// Results within preBudget are kept as they are; beyond it they are kept
// packed (their page and boilerplate texts compressed with flate at its
// fastest, tens of microseconds a page against a hundred and more to
// extract it again), within packedBudget; only the pages beyond both are
// read again.

// packedBudget bounds the compressed bytes kept of the pages beyond
// preBudget: at 100k pages of about 3 KB of text, all of them in about a
// third of it.
const packedBudget = 256 << 20

// packer compresses the texts of results; not safe for concurrent use.
type packer struct {
	buf bytes.Buffer
	w   *flate.Writer
}

// readers are flate readers for unpackResult, reused.
var readers sync.Pool

// packResult returns res without its page and boilerplate texts, and
// those texts compressed; unpackResult puts them back. res is not
// changed.
func (pk *packer) packResult(res *extract.Result) (*extract.Result, []byte) {
	shell := *res
	shell.Pages = nil
	n := binary.MaxVarintLen64 * (2 + len(res.Pages) + len(res.Boilerplate))
	for _, p := range res.Pages {
		n += len(p)
	}
	if len(res.Boilerplate) > 0 {
		shell.Boilerplate = make([]extract.Boilerplate, len(res.Boilerplate))
		for i, b := range res.Boilerplate {
			n += len(b.Text)
			shell.Boilerplate[i] = b
			shell.Boilerplate[i].Text = ""
		}
	}
	buf := make([]byte, 0, n)
	buf = binary.AppendUvarint(buf, uint64(len(res.Pages)))
	for _, p := range res.Pages {
		buf = binary.AppendUvarint(buf, uint64(len(p)))
		buf = append(buf, p...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(res.Boilerplate)))
	for _, b := range res.Boilerplate {
		buf = binary.AppendUvarint(buf, uint64(len(b.Text)))
		buf = append(buf, b.Text...)
	}
	pk.buf.Reset()
	if pk.w == nil {
		pk.w, _ = flate.NewWriter(&pk.buf, flate.BestSpeed) // the level is valid
	} else {
		pk.w.Reset(&pk.buf)
	}
	pk.w.Write(buf) // a bytes.Buffer does not fail
	pk.w.Close()
	return &shell, bytes.Clone(pk.buf.Bytes())
}

// unpackResult returns the result packResult packed into shell and packed.
func unpackResult(shell *extract.Result, packed []byte) (*extract.Result, error) {
	r, _ := readers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(packed))
	} else {
		r.(flate.Resetter).Reset(bytes.NewReader(packed), nil)
	}
	buf, err := io.ReadAll(r)
	readers.Put(r)
	if err != nil {
		return nil, fmt.Errorf("unpack a web page's text: %w", err)
	}
	next := func() (string, error) {
		n, k := binary.Uvarint(buf)
		if k <= 0 || n > uint64(len(buf)-k) {
			return "", fmt.Errorf("unpack a web page's text: damaged")
		}
		s := string(buf[k : k+int(n)])
		buf = buf[k+int(n):]
		return s, nil
	}
	count := func() (int, error) {
		n, k := binary.Uvarint(buf)
		if k <= 0 || n > uint64(len(buf)) {
			return 0, fmt.Errorf("unpack a web page's text: damaged")
		}
		buf = buf[k:]
		return int(n), nil
	}
	res := *shell
	pages, err := count()
	if err != nil {
		return nil, err
	}
	if pages > 0 {
		res.Pages = make([]string, pages)
	}
	for i := range pages {
		if res.Pages[i], err = next(); err != nil {
			return nil, err
		}
	}
	boiler, err := count()
	if err != nil {
		return nil, err
	}
	if boiler != len(shell.Boilerplate) {
		return nil, fmt.Errorf("unpack a web page's text: %d boilerplate texts for %d entries", boiler, len(shell.Boilerplate))
	}
	if boiler > 0 {
		res.Boilerplate = make([]extract.Boilerplate, boiler)
		copy(res.Boilerplate, shell.Boilerplate)
		for i := range boiler {
			if res.Boilerplate[i].Text, err = next(); err != nil {
				return nil, err
			}
		}
	}
	return &res, nil
}
