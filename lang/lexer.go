package lang

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Limits of the tokenizer, as in CPython.
const (
	maxIndent = 100 // levels of indentation
	maxParens = 200 // levels of nested brackets
)

// bracket is an open bracket waiting for its closing partner.
type bracket struct {
	ch        byte
	line, col int
}

// tokenizer turns source into tokens with NEWLINE, INDENT and DEDENT
// following CPython's rules.
type tokenizer struct {
	filename  string
	src       []byte
	text      string // src as a string: token values are slices of it
	pos       int    // byte offset of the next character
	line      int    // current line, from 1
	lineStart int    // byte offset where the current line starts
	colOff    int    // a byte offset on the current line whose column is known
	colRunes  int    // code points from lineStart to colOff
	toks      []lexer.Token
	indents   []int // indentation columns (tabs to multiples of 8)
	altIndent []int // the same with tabs counted as one column
	brackets  []bracket
	lineToks  bool // whether the current logical line has tokens
}

// tokenize splits src into tokens. It returns the tokens read before the
// first error, and that error.
func tokenize(filename string, src []byte) ([]lexer.Token, *Error) {
	t := newTokenizer(filename, src, nil)
	err := t.run()
	return t.toks, err
}

// maxPresize bounds the tokens newTokenizer makes room for at once, so
// that a huge source failing early costs little.
const maxPresize = 1 << 16

// newTokenizer prepares to tokenize src; run does the work, leaving the
// brackets still open at the end in t.brackets. The tokens go to buf (an
// empty slice) if it looks large enough.
func newTokenizer(filename string, src []byte, buf []lexer.Token) *tokenizer {
	if n := min(len(src)/3+16, maxPresize); cap(buf) < n { // code has a token every 3 or 4 bytes
		buf = make([]lexer.Token, 0, n)
	}
	t := &tokenizer{filename: filename, src: src, text: string(src), line: 1, indents: []int{0}, altIndent: []int{0}, toks: buf}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		t.pos, t.lineStart = 3, 3
	}
	return t
}

// position returns the position of byte offset off on the current line.
// Columns are counted from the last position asked for, so that long lines
// cost linear time.
func (t *tokenizer) position(off int) lexer.Position {
	if off < t.colOff || t.colOff < t.lineStart {
		t.colOff, t.colRunes = t.lineStart, 0
	}
	t.colRunes += utf8.RuneCount(t.src[t.colOff:off])
	t.colOff = off
	return lexer.Position{Filename: t.filename, Offset: off, Line: t.line, Column: t.colRunes + 1}
}

func (t *tokenizer) emit(typ lexer.TokenType, start int, value string) {
	if len(t.toks) == cap(t.toks) {
		t.toks = slices.Grow(t.toks, len(t.toks)) // double: append grows large slices by a quarter
	}
	t.toks = append(t.toks, lexer.Token{Type: typ, Value: value, Pos: t.position(start)})
	if typ != tokNewline && typ != tokIndent && typ != tokDedent {
		t.lineToks = true
	}
}

// errorAt builds an error of the given kind at byte offset off of the
// current line.
func (t *tokenizer) errorAt(kind string, off int, format string, args ...any) *Error {
	p := t.position(off)
	return &Error{Pos: Pos{Filename: t.filename, Line: p.Line, Col: p.Column}, Kind: kind, Msg: fmt.Sprintf(format, args...), Text: lineText(t.src, t.lineStart)}
}

// lineText returns the source line that starts at byte offset start.
func lineText(src []byte, start int) string {
	if start > len(src) {
		return ""
	}
	end := start
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	return string(src[start:end])
}

func (t *tokenizer) run() *Error {
	atLineStart := true
	for {
		if atLineStart && len(t.brackets) == 0 {
			blank, err := t.indentation()
			if err != nil {
				return err
			}
			if blank {
				if t.pos >= len(t.src) {
					break
				}
				t.newline()
				continue
			}
		}
		atLineStart = false
		t.skipSpace()
		if t.pos >= len(t.src) {
			break
		}
		c := t.src[t.pos]
		switch {
		case c == '#':
			for t.pos < len(t.src) && t.src[t.pos] != '\n' && t.src[t.pos] != '\r' {
				t.pos++
			}
		case c == '\n' || c == '\r':
			if len(t.brackets) == 0 && t.lineToks {
				t.emit(tokNewline, t.pos, "")
				t.lineToks = false
			}
			t.newline()
			atLineStart = true
		case c == '\\':
			start := t.pos
			t.pos++
			if t.pos >= len(t.src) {
				return t.errorAt("SyntaxError", start, "unexpected EOF while parsing")
			}
			if t.src[t.pos] != '\n' && t.src[t.pos] != '\r' {
				return t.errorAt("SyntaxError", start+1, "unexpected character after line continuation character")
			}
			eof := t.errorAt("SyntaxError", start+1, "unexpected EOF while parsing")
			t.newline()
			if t.pos >= len(t.src) {
				return eof
			}
		case isDigit(c) || c == '.' && t.pos+1 < len(t.src) && isDigit(t.src[t.pos+1]):
			if err := t.number(); err != nil {
				return err
			}
		case c == '"' || c == '\'':
			if err := t.str(t.pos, t.pos); err != nil {
				return err
			}
		case c == '_' || c >= utf8.RuneSelf || isLetter(c):
			if err := t.name(); err != nil {
				return err
			}
		default:
			if err := t.operator(); err != nil {
				return err
			}
		}
	}
	if t.lineToks {
		t.emit(tokNewline, t.pos, "")
	}
	for len(t.indents) > 1 {
		t.indents = t.indents[:len(t.indents)-1]
		t.emit(tokDedent, t.pos, "")
	}
	t.toks = append(t.toks, lexer.EOFToken(t.position(t.pos)))
	return nil
}

// newline consumes a line break (\n, \r\n or \r) and starts a new line.
func (t *tokenizer) newline() {
	if t.src[t.pos] == '\r' && t.pos+1 < len(t.src) && t.src[t.pos+1] == '\n' {
		t.pos++
	}
	t.pos++
	t.line++
	t.lineStart = t.pos
}

func (t *tokenizer) skipSpace() {
	for t.pos < len(t.src) {
		switch t.src[t.pos] {
		case ' ', '\t', '\f':
			t.pos++
		default:
			return
		}
	}
}

// indentation measures the indentation of a new line and emits INDENT or
// DEDENT tokens. It reports whether the line is blank or a comment.
func (t *tokenizer) indentation() (blank bool, err *Error) {
	col, alt := 0, 0
	for ; t.pos < len(t.src); t.pos++ {
		switch t.src[t.pos] {
		case ' ':
			col++
			alt++
			continue
		case '\t':
			col = (col/8 + 1) * 8
			alt++
			continue
		case '\f':
			col, alt = 0, 0
			continue
		}
		break
	}
	if t.pos >= len(t.src) {
		return true, nil
	}
	switch t.src[t.pos] {
	case '#', '\n', '\r':
		for t.pos < len(t.src) && t.src[t.pos] != '\n' && t.src[t.pos] != '\r' {
			t.pos++
		}
		return true, nil
	case '\\':
		// A continuation line keeps the indentation it started with.
	}
	top := len(t.indents) - 1
	switch {
	case col == t.indents[top]:
		if alt != t.altIndent[top] {
			return false, t.tabError()
		}
	case col > t.indents[top]:
		if len(t.indents) >= maxIndent {
			return false, t.lineError("IndentationError", 1, "too many levels of indentation")
		}
		if alt <= t.altIndent[top] {
			return false, t.tabError()
		}
		t.indents = append(t.indents, col)
		t.altIndent = append(t.altIndent, alt)
		t.emit(tokIndent, t.pos, "")
	default:
		for top > 0 && col < t.indents[top] {
			top--
			t.indents = t.indents[:top+1]
			t.altIndent = t.altIndent[:top+1]
			t.emit(tokDedent, t.pos, "")
		}
		if col != t.indents[top] {
			text := lineText(t.src, t.lineStart)
			return false, t.lineError("IndentationError", utf8.RuneCountInString(text)+1, "unindent does not match any outer indentation level")
		}
		if alt != t.altIndent[top] {
			return false, t.tabError()
		}
	}
	return false, nil
}

func (t *tokenizer) tabError() *Error {
	return t.lineError("TabError", 1, "inconsistent use of tabs and spaces in indentation")
}

// lineError builds an error at column col of the current line.
func (t *tokenizer) lineError(kind string, col int, msg string) *Error {
	return &Error{Pos: Pos{Filename: t.filename, Line: t.line, Col: col}, Kind: kind, Msg: msg, Text: lineText(t.src, t.lineStart)}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentPart(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

// name scans an identifier, a keyword, or the prefix of a string.
func (t *tokenizer) name() *Error {
	start := t.pos
	for t.pos < len(t.src) {
		r, size := utf8.DecodeRune(t.src[t.pos:])
		ok := isIdentPart(r)
		if t.pos == start {
			ok = isIdentStart(r)
		}
		if !ok {
			break
		}
		t.pos += size
	}
	if t.pos == start {
		r, _ := utf8.DecodeRune(t.src[t.pos:])
		if r == utf8.RuneError {
			return t.errorAt("SyntaxError", start, "invalid character in source (not UTF-8)")
		}
		if unicode.IsPrint(r) {
			return t.errorAt("SyntaxError", start, "invalid character '%c' (U+%04X)", r, r)
		}
		return t.errorAt("SyntaxError", start, "invalid non-printable character U+%04X", r)
	}
	word := t.text[start:t.pos]
	if t.pos < len(t.src) && (t.src[t.pos] == '"' || t.src[t.pos] == '\'') && isStringPrefix(word) {
		return t.str(start, t.pos)
	}
	if keywords[word] {
		t.emit(tokKeyword, start, word)
	} else {
		t.emit(tokName, start, word)
	}
	return nil
}

// isStringPrefix reports whether w is a valid string prefix.
func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "f", "b", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// str scans a string literal whose prefix starts at start and whose opening
// quote is at q.
func (t *tokenizer) str(start, q int) *Error {
	quote := t.src[q]
	triple := q+2 < len(t.src) && t.src[q+1] == quote && t.src[q+2] == quote
	startLineStart := t.lineStart
	startPos := t.position(start)
	if triple {
		t.pos = q + 3
	} else {
		t.pos = q + 1
	}
	for {
		if t.pos >= len(t.src) {
			return t.unterminated(triple, startPos, startLineStart)
		}
		c := t.src[t.pos]
		switch {
		case c == quote && !triple:
			t.pos++
		case c == quote && t.pos+2 < len(t.src) && t.src[t.pos+1] == quote && t.src[t.pos+2] == quote:
			t.pos += 3
		case c == '\\':
			t.pos++
			if t.pos < len(t.src) && (t.src[t.pos] == '\n' || t.src[t.pos] == '\r') {
				t.newline()
			} else if t.pos < len(t.src) {
				t.pos++
			}
			continue
		case c == '\n' || c == '\r':
			if !triple {
				return t.unterminated(triple, startPos, startLineStart)
			}
			t.newline()
			continue
		default:
			t.pos++
			continue
		}
		break
	}
	tok := lexer.Token{Type: tokString, Value: t.text[start:t.pos], Pos: startPos}
	t.toks = append(t.toks, tok)
	t.lineToks = true
	return nil
}

// unterminated reports a string literal that runs off its line or the file.
func (t *tokenizer) unterminated(triple bool, start lexer.Position, lineStart int) *Error {
	msg := "unterminated string literal (detected at line %d)"
	if triple {
		msg = "unterminated triple-quoted string literal (detected at line %d)"
	}
	line := t.line
	if t.pos >= len(t.src) && t.pos > 0 && (t.src[t.pos-1] == '\n' || t.src[t.pos-1] == '\r') {
		line-- // CPython counts the last line, not the empty one after it
	}
	return &Error{Pos: Pos{Filename: t.filename, Line: start.Line, Col: start.Column}, Kind: "SyntaxError", Msg: fmt.Sprintf(msg, line), Text: lineText(t.src, lineStart)}
}

// number scans an int or float literal.
func (t *tokenizer) number() *Error {
	start := t.pos
	typ := tokInt
	digits := func(ok func(byte) bool) bool { // digits with single underscores
		n := 0
		for t.pos < len(t.src) {
			c := t.src[t.pos]
			if c == '_' {
				if t.pos+1 >= len(t.src) || !ok(t.src[t.pos+1]) {
					return false
				}
				t.pos++
				continue
			}
			if !ok(c) {
				break
			}
			t.pos++
			n++
		}
		return n > 0
	}
	invalid := func(kind string) *Error {
		return t.errorAt("SyntaxError", t.pos, "invalid %s literal", kind)
	}
	c := t.src[t.pos]
	if c == '0' && t.pos+1 < len(t.src) && strings.IndexByte("xXoObB", t.src[t.pos+1]) >= 0 {
		kind, ok := "hexadecimal", isHex
		switch t.src[t.pos+1] | 0x20 {
		case 'o':
			kind, ok = "octal", func(c byte) bool { return '0' <= c && c <= '7' }
		case 'b':
			kind, ok = "binary", func(c byte) bool { return c == '0' || c == '1' }
		}
		t.pos += 2
		if t.pos < len(t.src) && t.src[t.pos] == '_' {
			t.pos++
		}
		if !digits(ok) {
			if t.pos < len(t.src) && isDigit(t.src[t.pos]) {
				return t.errorAt("SyntaxError", t.pos, "invalid digit '%c' in %s literal", t.src[t.pos], kind)
			}
			return t.errorAt("SyntaxError", t.pos-1, "invalid %s literal", kind)
		}
		if t.pos < len(t.src) && isDigit(t.src[t.pos]) {
			return t.errorAt("SyntaxError", t.pos, "invalid digit '%c' in %s literal", t.src[t.pos], kind)
		}
		if err := t.endOfNumber(start, kind); err != nil {
			return err
		}
		t.emit(tokInt, start, t.text[start:t.pos])
		return nil
	}
	if c != '.' {
		if !digits(isDigit) {
			return invalid("decimal")
		}
	}
	if t.pos < len(t.src) && t.src[t.pos] == '.' {
		typ = tokFloat
		t.pos++
		if t.pos < len(t.src) && isDigit(t.src[t.pos]) && !digits(isDigit) {
			return invalid("decimal")
		}
	}
	if t.pos < len(t.src) && t.src[t.pos]|0x20 == 'e' {
		save := t.pos
		t.pos++
		if t.pos < len(t.src) && (t.src[t.pos] == '+' || t.src[t.pos] == '-') {
			t.pos++
		}
		if t.pos >= len(t.src) || !isDigit(t.src[t.pos]) {
			t.pos = save
			return invalid("decimal")
		}
		if !digits(isDigit) {
			return invalid("decimal")
		}
		typ = tokFloat
	}
	if t.pos < len(t.src) && t.src[t.pos]|0x20 == 'j' {
		return t.errorAt("SyntaxError", start, "complex literals are not supported")
	}
	if err := t.endOfNumber(start, "decimal"); err != nil {
		return err
	}
	text := t.text[start:t.pos]
	if typ == tokInt && len(text) > 1 && text[0] == '0' && strings.Trim(text, "0_") != "" {
		return &Error{Pos: Pos{Filename: t.filename, Line: t.line, Col: t.position(start).Column}, Kind: "SyntaxError",
			Msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", Text: lineText(t.src, t.lineStart)}
	}
	t.emit(typ, start, text)
	return nil
}

func isHex(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// endOfNumber rejects a number immediately followed by a name character,
// allowing the keywords CPython 3.11 still accepts there.
func (t *tokenizer) endOfNumber(start int, kind string) *Error {
	if t.pos >= len(t.src) {
		return nil
	}
	r, _ := utf8.DecodeRune(t.src[t.pos:])
	if !isIdentPart(r) {
		return nil
	}
	rest := t.src[t.pos:]
	for _, kw := range []string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if strings.HasPrefix(string(rest[:min(len(rest), len(kw))]), kw) {
			return nil
		}
	}
	return t.errorAt("SyntaxError", start, "invalid %s literal", kind)
}

// operators lists the operator tokens, longest first.
var operators = []string{
	"**=", "//=", ">>=", "<<=", "...",
	"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=",
}

// opSeconds holds the second bytes of the operators.
const opSeconds = "*./<=>"

func (t *tokenizer) operator() *Error {
	start := t.pos
	rest := t.src[t.pos:]
	if len(rest) >= 2 && strings.IndexByte(opSeconds, rest[1]) >= 0 {
		for _, op := range operators {
			if len(rest) >= len(op) && string(rest[:len(op)]) == op {
				t.pos += len(op)
				t.emit(tokOp, start, op)
				return nil
			}
		}
	}
	c := t.src[t.pos]
	switch c {
	case '(', '[', '{':
		if len(t.brackets) >= maxParens {
			return t.errorAt("SyntaxError", start, "too many nested parentheses")
		}
		p := t.position(start)
		t.brackets = append(t.brackets, bracket{c, p.Line, p.Column})
	case ')', ']', '}':
		if len(t.brackets) == 0 {
			return t.errorAt("SyntaxError", start, "unmatched '%c'", c)
		}
		open := t.brackets[len(t.brackets)-1]
		if open.ch != matching(c) {
			if open.line != t.line {
				return t.errorAt("SyntaxError", start, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.line)
			}
			return t.errorAt("SyntaxError", start, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
		}
		t.brackets = t.brackets[:len(t.brackets)-1]
	}
	t.pos++
	t.emit(tokOp, start, opString(c))
	return nil
}

// opStrings holds the one-byte operators as strings, to share them: one
// byte each of one string.
var opStrings [128]string

func init() {
	var ascii [len(opStrings)]byte
	for c := range ascii {
		ascii[c] = byte(c)
	}
	s := string(ascii[:])
	for c := range opStrings {
		opStrings[c] = s[c : c+1]
	}
}

func opString(c byte) string {
	if c < 128 {
		return opStrings[c]
	}
	return string(c)
}

// matching returns the opening bracket for a closing one.
func matching(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}
