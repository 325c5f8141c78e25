package pdftext

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"

	"github.com/ledongthuc/pdf"
)

// maxStreamBytes bounds one decoded stream.
const maxStreamBytes = 64 << 20

var errStreamLimit = errors.New("stream larger than the limit")

var reStreamOffset = regexp.MustCompile(`@(\d+)$`)

// streamBytes returns the decoded data of a stream. For unencrypted files
// it reads the raw bytes itself (the offset is in the value's String
// form) and decodes Flate (all predictors), LZW, ASCIIHex, ASCII85 and
// RunLength; otherwise, or for filters it does not know, it asks the
// library (which decrypts, and knows Flate and ASCII85).
func (d *Document) streamBytes(v pdf.Value) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, fmt.Errorf("stream: %v", x)
		}
	}()
	if v.Kind() != pdf.Stream {
		return nil, errors.New("not a stream")
	}
	if !d.encrypted {
		if b, ok := d.rawStream(v); ok {
			return b, nil
		}
	}
	rc := v.Reader()
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxStreamBytes+1))
	if len(b) > maxStreamBytes {
		return b[:maxStreamBytes], errStreamLimit
	}
	if err != nil && len(b) > 0 {
		err = nil // keep what could be read, as viewers do
	}
	return b, err
}

func (d *Document) rawStream(v pdf.Value) ([]byte, bool) {
	s := v.String()
	m := reStreamOffset.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	off, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || off < 0 || off > int64(len(d.data)) {
		return nil, false
	}
	var filters []string
	var parms []pdf.Value
	f := v.Key("Filter")
	p := v.Key("DecodeParms")
	switch f.Kind() {
	case pdf.Null:
	case pdf.Name:
		filters = []string{f.Name()}
		parms = []pdf.Value{p}
	case pdf.Array:
		for i := 0; i < f.Len() && i < 8; i++ {
			filters = append(filters, f.Index(i).Name())
			parms = append(parms, p.Index(i))
		}
	default:
		return nil, false
	}
	for _, name := range filters {
		switch name {
		case "FlateDecode", "Fl", "LZWDecode", "LZW", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL":
		default:
			return nil, false
		}
	}
	length := v.Key("Length").Int64()
	data := d.data[off:]
	end := bytes.Index(data, []byte("endstream"))
	switch {
	case length > 0 && length <= int64(len(data)) && (end < 0 || int64(end) >= length):
		data = data[:length]
	case end >= 0:
		data = bytes.TrimRight(data[:end], "\r\n")
	case length > 0 && length > int64(len(data)):
		// truncated file: take what there is
	default:
		return nil, true
	}
	out := data
	for i, name := range filters {
		var err error
		out, err = decodeFilter(name, parms[i], out)
		if err != nil && len(out) == 0 {
			return nil, true
		}
		if len(out) > maxStreamBytes {
			out = out[:maxStreamBytes]
		}
	}
	if len(filters) == 0 {
		out = append([]byte(nil), out...) // never hand out the file's bytes
	}
	return out, true
}

func decodeFilter(name string, parm pdf.Value, in []byte) ([]byte, error) {
	var out []byte
	var err error
	switch name {
	case "FlateDecode", "Fl":
		out, err = inflate(in)
	case "LZWDecode", "LZW":
		early := true
		if e := parm.Key("EarlyChange"); e.Kind() == pdf.Integer && e.Int64() == 0 {
			early = false
		}
		out = lzwDecode(in, early)
	case "ASCIIHexDecode", "AHx":
		out = asciiHex(in)
	case "ASCII85Decode", "A85":
		out, err = a85(in)
	case "RunLengthDecode", "RL":
		out = runLength(in)
	}
	if parm.Kind() == pdf.Dict && (name == "FlateDecode" || name == "Fl" || name == "LZWDecode" || name == "LZW") {
		if pred := parm.Key("Predictor").Int64(); pred >= 2 {
			out = unpredict(out, int(pred), int(parm.Key("Columns").Int64()), int(parm.Key("Colors").Int64()), int(parm.Key("BitsPerComponent").Int64()))
		}
	}
	return out, err
}

// zlibReaders keeps inflaters for reuse (their state is ~40 KB).
var zlibReaders sync.Pool

func inflate(in []byte) ([]byte, error) {
	br := bytes.NewReader(in)
	var zr io.ReadCloser
	var err error
	if r, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err = r.(zlib.Resetter).Reset(br, nil); err == nil {
			zr = r
		}
	} else {
		zr, err = zlib.NewReader(br)
	}
	if err != nil {
		// A raw deflate stream without the zlib header, or junk.
		return nil, err
	}
	defer zlibReaders.Put(zr)
	out := make([]byte, 0, min(max(4*len(in), 4096), maxStreamBytes+1))
	for {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		n, rerr := zr.Read(out[len(out):cap(out)])
		out = out[:len(out)+n]
		if len(out) > maxStreamBytes {
			return out, errStreamLimit
		}
		if rerr != nil {
			if rerr == io.EOF {
				rerr = nil
			}
			return out, rerr
		}
	}
}

func asciiHex(in []byte) []byte {
	out := make([]byte, 0, len(in)/2)
	hi := -1
	for _, c := range in {
		if c == '>' {
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out
}

func a85(in []byte) ([]byte, error) {
	in = bytes.TrimSpace(in)
	in = bytes.TrimPrefix(in, []byte("<~"))
	if i := bytes.Index(in, []byte("~>")); i >= 0 {
		in = in[:i]
	}
	clean := make([]byte, 0, len(in))
	for _, c := range in {
		if !isWhite(c) {
			clean = append(clean, c)
		}
	}
	out := make([]byte, len(clean)*4/5+8)
	n, _, err := ascii85.Decode(out, clean, true)
	return out[:n], err
}

func runLength(in []byte) []byte {
	var out []byte
	for i := 0; i < len(in); {
		n := int(in[i])
		i++
		switch {
		case n == 128:
			return out
		case n < 128:
			end := min(i+n+1, len(in))
			out = append(out, in[i:end]...)
			i = end
		default:
			if i < len(in) {
				out = append(out, bytes.Repeat(in[i:i+1], 257-n)...)
				i++
			}
		}
		if len(out) > maxStreamBytes {
			return out
		}
	}
	return out
}

// lzwDecode decodes PDF's LZW (MSB first, codes of 9 to 12 bits, with
// or without the early change).
func lzwDecode(in []byte, early bool) []byte {
	var out []byte
	table := make([][]byte, 4096)
	for i := 0; i < 256; i++ {
		table[i] = []byte{byte(i)}
	}
	next := 258
	width := 9
	var prev []byte
	var bitBuf uint32
	bits := 0
	e := 0
	if early {
		e = 1
	}
	for _, c := range in {
		bitBuf = bitBuf<<8 | uint32(c)
		bits += 8
		for bits >= width {
			code := int(bitBuf>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == 256:
				next, width, prev = 258, 9, nil
				continue
			case code == 257:
				return out
			}
			var entry []byte
			switch {
			case code < next && table[code] != nil:
				entry = table[code]
			case code == next && prev != nil:
				entry = append(append([]byte(nil), prev...), prev[0])
			default:
				return out
			}
			out = append(out, entry...)
			if len(out) > maxStreamBytes {
				return out
			}
			if prev != nil && next < 4096 {
				table[next] = append(append([]byte(nil), prev...), entry[0])
				next++
			}
			prev = entry
			if next+e >= 1<<width && width < 12 {
				width++
			}
		}
	}
	return out
}

// unpredict undoes PNG (10..15) and TIFF (2) predictors.
func unpredict(in []byte, pred, columns, colors, bpc int) []byte {
	if columns <= 0 {
		columns = 1
	}
	if colors <= 0 {
		colors = 1
	}
	if bpc <= 0 {
		bpc = 8
	}
	bpp := max(1, colors*bpc/8)
	row := (columns*colors*bpc + 7) / 8
	if row <= 0 || row > 1<<20 {
		return in
	}
	if pred == 2 {
		if bpc != 8 {
			return in
		}
		out := append([]byte(nil), in...)
		for r := 0; r+row <= len(out); r += row {
			for i := bpp; i < row; i++ {
				out[r+i] += out[r+i-bpp]
			}
		}
		return out
	}
	out := make([]byte, 0, len(in))
	prev := make([]byte, row)
	cur := make([]byte, row)
	for i := 0; i+1 <= len(in); i += row + 1 {
		ft := in[i]
		end := min(i+1+row, len(in))
		copy(cur, in[i+1:end])
		for k := end - (i + 1); k < row; k++ {
			cur[k] = 0
		}
		for k := 0; k < row; k++ {
			var a, b, c byte
			if k >= bpp {
				a = cur[k-bpp]
				c = prev[k-bpp]
			}
			b = prev[k]
			switch ft {
			case 1:
				cur[k] += a
			case 2:
				cur[k] += b
			case 3:
				cur[k] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[k] += paeth(a, b, c)
			}
		}
		out = append(out, cur...)
		prev, cur = cur, prev
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
