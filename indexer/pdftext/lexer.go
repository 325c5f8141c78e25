package pdftext

// A content-stream tokenizer. The library's Interpret allocates a Value per
// token and cannot skip the binary data of inline images; this one works on
// the decoded bytes, allocates only for strings, names and arrays, and
// skips inline images (BI ... ID <data> EI).

import "bytes"

type opKind uint8

const (
	opNum opKind = iota
	opStr
	opName
	opArr
	opDict // a dictionary operand (marked content properties): contents skipped
	opBool
	opNull
)

// operand is one operand of a content-stream operator.
type operand struct {
	kind opKind
	num  float64
	str  string // string bytes or name
	arr  []operand
}

// lexer reads tokens from a decoded content stream.
type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or an operator keyword (op != nil, a
// slice of the stream: no allocation), or eof. Arrays are read whole
// (nested up to a bound).
func (l *lexer) next() (o operand, op []byte, eof bool) {
	return l.nextDepth(0)
}

func (l *lexer) nextDepth(depth int) (o operand, op []byte, eof bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return o, nil, true
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		l.pos++
		return operand{kind: opStr, str: l.literal()}, nil, false
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			l.skipDict()
			return operand{kind: opDict}, nil, false
		}
		l.pos++
		return operand{kind: opStr, str: l.hex()}, nil, false
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		return operand{kind: opName, str: nameUnescape(l.b[start:l.pos])}, nil, false
	case c == '[':
		l.pos++
		var arr []operand
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				break
			}
			if l.b[l.pos] == ']' {
				l.pos++
				break
			}
			if depth > 32 || len(arr) > 1<<20 {
				l.pos++
				continue
			}
			e, kw, end := l.nextDepth(depth + 1)
			if end {
				break
			}
			if kw != nil {
				continue // stray keyword inside an array: ignore
			}
			arr = append(arr, e)
		}
		return operand{kind: opArr, arr: arr}, nil, false
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return l.nextDepth(depth)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return operand{kind: opNum, num: l.number()}, nil, false
	}
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter we do not handle
		l.pos++
		return l.nextDepth(depth)
	}
	kw := l.b[start:l.pos]
	switch string(kw) {
	case "true":
		return operand{kind: opBool, num: 1}, nil, false
	case "false":
		return operand{kind: opBool}, nil, false
	case "null":
		return operand{kind: opNull}, nil, false
	}
	return o, kw, false
}

func (l *lexer) number() float64 {
	neg := false
	c := l.b[l.pos]
	if c == '+' || c == '-' {
		neg = c == '-'
		l.pos++
		// "--5" and similar: skip extra signs
		for l.pos < len(l.b) && (l.b[l.pos] == '-' || l.b[l.pos] == '+') {
			l.pos++
		}
	}
	var v float64
	frac := 0.0
	scale := 1.0
	seenDot := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if c >= '0' && c <= '9' {
			if seenDot {
				scale /= 10
				frac += float64(c-'0') * scale
			} else if v < 1e15 {
				v = v*10 + float64(c-'0')
			}
			l.pos++
			continue
		}
		if c == '.' && !seenDot {
			seenDot = true
			l.pos++
			continue
		}
		break
	}
	// Garbage glued to a number ("12abc"): skip it.
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	v += frac
	if neg {
		v = -v
	}
	return v
}

// literal reads a literal string after its "(".
func (l *lexer) literal() string {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hex reads a hex string after its "<" (up to and past its ">").
func (l *lexer) hex() string {
	end := bytes.IndexByte(l.b[l.pos:], '>')
	if end < 0 {
		end = len(l.b) - l.pos
	}
	s := string(asciiHex(l.b[l.pos : l.pos+end]))
	l.pos = min(l.pos+end+1, len(l.b))
	return s
}

// skipDict skips a dictionary after its "<<" (nested dictionaries,
// strings and hex strings included).
func (l *lexer) skipDict() {
	depth := 1
	for l.pos < len(l.b) && depth > 0 {
		c := l.b[l.pos]
		switch {
		case c == '(':
			l.pos++
			l.literal()
		case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
			l.pos += 2
			depth++
		case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
			l.pos += 2
			depth--
		case c == '<':
			l.pos++
			l.hex()
		default:
			l.pos++
		}
	}
}

// skipInlineImage skips an inline image after its BI operator: the
// key/value pairs up to ID, then the data up to an EI that stands alone.
func (l *lexer) skipInlineImage() {
	for {
		_, kw, eof := l.next()
		if eof {
			return
		}
		if string(kw) == "ID" {
			break
		}
		if string(kw) == "EI" {
			return
		}
	}
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isWhite(l.b[i-1])) && (i+2 >= len(l.b) || isWhite(l.b[i+2]) || isDelimiter(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}

// nameUnescape decodes #xx escapes of a name.
func nameUnescape(b []byte) string {
	hasHash := false
	for _, c := range b {
		if c == '#' {
			hasHash = true
			break
		}
	}
	if !hasHash {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) && hexVal(b[i+1]) >= 0 && hexVal(b[i+2]) >= 0 {
			out = append(out, byte(hexVal(b[i+1])<<4|hexVal(b[i+2])))
			i += 2
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}
