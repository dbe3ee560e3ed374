package lang

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// literal is one string token split into its parts.
type literal struct {
	tok    lexer.Token
	raw    bool
	fmt    bool
	body   string // between the quotes
	offset int    // byte offset of body in tok.Value
}

// splitLiteral takes a string token apart.
func (c *converter) splitLiteral(tok lexer.Token) literal {
	v := tok.Value
	i := strings.IndexAny(v, `'"`)
	prefix := strings.ToLower(v[:i])
	q := 1
	if len(v)-i >= 6 && v[i+1] == v[i] && v[i+2] == v[i] {
		q = 3
	}
	if strings.Contains(prefix, "b") {
		c.failTok(tok, "bytes literals are not supported")
	}
	return literal{tok: tok, raw: strings.Contains(prefix, "r"), fmt: strings.Contains(prefix, "f"),
		body: v[i+q : len(v)-q], offset: i + q}
}

// posIn returns the source position of byte offset off of a token's text.
func posIn(tok lexer.Token, off int) lexer.Position {
	p := tok.Pos
	s := tok.Value[:off]
	if nl := strings.LastIndexByte(s, '\n'); nl >= 0 {
		p.Line += strings.Count(s, "\n")
		p.Column = utf8.RuneCountInString(s[nl+1:]) + 1
	} else {
		p.Column += utf8.RuneCountInString(s)
	}
	p.Offset += off
	return p
}

// strings converts adjacent string tokens into one Constant or JoinedStr.
func (c *converter) strings(toks []lexer.Token) Expr {
	pos := c.pos(toks[0].Pos)
	var parts []Expr
	var buf strings.Builder
	isF := false
	flush := func() {
		if buf.Len() > 0 {
			parts = append(parts, &Constant{Pos: pos, Value: buf.String()})
			buf.Reset()
		}
	}
	for _, tok := range toks {
		lit := c.splitLiteral(tok)
		if !lit.fmt {
			buf.WriteString(c.unescape(lit, lit.body, lit.offset))
			continue
		}
		isF = true
		fp := fstringParser{c: c, lit: lit, pos: pos}
		for _, p := range fp.parse(lit.offset, 0) {
			if k, ok := p.(*Constant); ok {
				buf.WriteString(k.Value.(string))
				continue
			}
			flush()
			parts = append(parts, p)
		}
	}
	if !isF {
		return &Constant{Pos: pos, Value: buf.String()}
	}
	flush()
	return &JoinedStr{Pos: pos, Values: parts}
}

// unescape decodes the escapes of s, found at byte offset off of lit's
// token, unless the literal is raw.
func (c *converter) unescape(lit literal, s string, off int) string {
	if lit.raw || !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		ch := s[i]
		if ch != '\\' || i+1 >= len(s) {
			b.WriteByte(ch)
			i++
			continue
		}
		start := i
		i += 2
		switch e := s[i-1]; e {
		case '\n':
		case '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n := int(e - '0')
			for k := 0; k < 2 && i < len(s) && '0' <= s[i] && s[i] <= '7'; k++ {
				n = n*8 + int(s[i]-'0')
				i++
			}
			b.WriteRune(rune(n))
		case 'x', 'u', 'U':
			size := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+size > len(s) || !allHex(s[i:i+size]) {
				end := i
				for end < len(s) && end < i+size && isHex(s[end]) {
					end++
				}
				c.failAt(posIn(lit.tok, off+start), "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated %s escape",
					start, end-1, map[byte]string{'x': `\xXX`, 'u': `\uXXXX`, 'U': `\UXXXXXXXX`}[e])
			}
			n, _ := strconv.ParseUint(s[i:i+size], 16, 32)
			if n > utf8.MaxRune {
				c.failAt(posIn(lit.tok, off+start), "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", start, i+size-1)
			}
			b.WriteRune(rune(n))
			i += size
		case 'N':
			c.failAt(posIn(lit.tok, off+start), `\N{...} escapes are not supported`)
		default:
			b.WriteByte('\\')
			i--
		}
	}
	return b.String()
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}
