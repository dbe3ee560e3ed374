package lang

import (
	"reflect"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// fstringParser splits the body of one f-string literal into constant and
// formatted parts, following CPython 3.11's f-string rules.
type fstringParser struct {
	c   *converter
	lit literal
	pos Pos // position given to the parts, as CPython does
	i   int // byte offset in lit.tok.Value
}

// end returns the offset just past the body.
func (p *fstringParser) end() int { return p.lit.offset + len(p.lit.body) }

// fail reports an error in the f-string itself. CPython 3.11 places these
// just after the string token.
func (p *fstringParser) fail(msg string) {
	p.c.failAt(posIn(p.lit.tok, len(p.lit.tok.Value)), "%s", msg)
}

// parse parses from offset i to the end of the body or, inside a format
// spec (depth > 0), to its closing '}'.
func (p *fstringParser) parse(i, depth int) []Expr {
	v := p.lit.tok.Value
	p.i = i
	var parts []Expr
	for p.i < p.end() {
		switch v[p.i] {
		case '{':
			if depth == 0 && p.i+1 < p.end() && v[p.i+1] == '{' {
				parts = append(parts, &Constant{Pos: p.pos, Value: "{"})
				p.i += 2
				continue
			}
			parts = append(parts, p.field(depth)...)
		case '}':
			if depth > 0 {
				return parts
			}
			if p.i+1 < p.end() && v[p.i+1] == '}' {
				parts = append(parts, &Constant{Pos: p.pos, Value: "}"})
				p.i += 2
				continue
			}
			p.fail("f-string: single '}' is not allowed")
		default:
			start := p.i
			for p.i < p.end() && v[p.i] != '{' && v[p.i] != '}' {
				p.i++
			}
			s := p.c.unescape(p.lit, v[start:p.i], start)
			parts = append(parts, &Constant{Pos: p.pos, Value: s})
		}
	}
	return parts
}

// field parses a replacement field starting at the '{' at p.i.
func (p *fstringParser) field(depth int) []Expr {
	v := p.lit.tok.Value
	if depth >= 2 {
		p.fail("f-string: expressions nested too deeply")
	}
	start := p.i + 1
	j := p.exprEnd(start)
	text := v[start:j]
	if strings.TrimSpace(text) == "" {
		p.fail("f-string: empty expression not allowed")
	}
	x := p.c.parseFExpr(text, posIn(p.lit.tok, start))
	var parts []Expr
	fv := &FormattedValue{Pos: p.pos, Value: x}
	if v[j] == '=' {
		j++
		for j < p.end() && (v[j] == ' ' || v[j] == '\t' || v[j] == '\n') {
			j++
		}
		parts = append(parts, &Constant{Pos: p.pos, Value: v[start:j]})
	}
	if j < p.end() && v[j] == '!' {
		j++
		if j >= p.end() {
			p.fail("f-string: expecting '}'")
		}
		switch v[j] {
		case 'r', 's', 'a':
			fv.Conversion = rune(v[j])
		default:
			p.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		j++
	}
	if j < p.end() && v[j] == ':' {
		// CPython 3.11 places a format spec, and a constant that ends it,
		// at the spec's own string token; the other parts are at the start
		// of the whole string.
		tokPos := p.c.pos(p.lit.tok.Pos)
		spec := mergeConstants(p.parse(j+1, depth+1))
		if n := len(spec); n > 0 {
			if k, ok := spec[n-1].(*Constant); ok {
				k.Pos = tokPos
			}
		}
		fv.Spec = &JoinedStr{Pos: tokPos, Values: spec}
		j = p.i
	}
	if j >= p.end() || v[j] != '}' {
		p.fail("f-string: expecting '}'")
	}
	if len(parts) > 0 && fv.Conversion == 0 && fv.Spec == nil {
		fv.Conversion = 'r'
	}
	p.i = j + 1
	return append(parts, fv)
}

// exprEnd finds the end of the expression of a replacement field that
// starts at offset i: the first '}', '!', ':' or '=' outside brackets and
// strings.
func (p *fstringParser) exprEnd(i int) int {
	v := p.lit.tok.Value
	var stack []byte
	var quote string
	for j := i; j < p.end(); j++ {
		ch := v[j]
		if ch == '\\' {
			p.fail("f-string expression part cannot include a backslash")
		}
		if quote != "" {
			if strings.HasPrefix(v[j:], quote) {
				j += len(quote) - 1
				quote = ""
			}
			continue
		}
		switch ch {
		case '\'', '"':
			quote = string(ch)
			if strings.HasPrefix(v[j:], strings.Repeat(quote, 3)) {
				quote = strings.Repeat(quote, 3)
				j += 2
			}
		case '(', '[', '{':
			stack = append(stack, ch)
		case ')', ']', '}':
			if len(stack) == 0 {
				if ch == '}' {
					return j
				}
				p.fail("f-string: unmatched '" + string(ch) + "'")
			}
			if open := stack[len(stack)-1]; open != matching(ch) {
				p.fail("f-string: closing parenthesis '" + string(ch) + "' does not match opening parenthesis '" + string(open) + "'")
			}
			stack = stack[:len(stack)-1]
		case '#':
			p.fail("f-string expression part cannot include '#'")
		case '!', ':', '=':
			switch {
			case len(stack) > 0:
			case ch == ':':
				return j
			case j+1 < p.end() && v[j+1] == '=':
				j++ // == or !=
			case ch == '=' && j > i && strings.IndexByte("<>=!", v[j-1]) >= 0:
				// the second character of <= or >=
			default:
				return j
			}
		}
	}
	if quote != "" {
		p.fail("f-string: unterminated string")
	}
	p.fail("f-string: expecting '}'")
	return 0
}

// mergeConstants joins adjacent constant strings and drops empty ones.
func mergeConstants(parts []Expr) []Expr {
	var out []Expr
	for _, x := range parts {
		k, ok := x.(*Constant)
		if !ok {
			out = append(out, x)
			continue
		}
		if k.Value == "" {
			continue
		}
		if n := len(out); n > 0 {
			if prev, ok := out[n-1].(*Constant); ok {
				out[n-1] = &Constant{Pos: prev.Pos, Value: prev.Value.(string) + k.Value.(string)}
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

// shiftPositions moves the nodes of an f-string expression, parsed from
// "(" + text + ")" with lines counted from base's, to their place in the
// source.
func shiftPositions(x Expr, base lexer.Position) {
	Walk(x, func(n Node) bool {
		v := reflect.ValueOf(n).Elem().FieldByName("Pos")
		if p := v.Addr().Interface().(*Pos); p.Line == base.Line {
			p.Col += base.Column - 2
		}
		return true
	})
}
