package lang

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file turns participle's failures into CPython's messages by looking
// at the token stream around the failure.

// compoundWords maps the keyword starting a compound statement to how
// CPython names it in "expected an indented block after ...".
var compoundWords = map[string]string{
	"if": "'if' statement", "elif": "'elif' statement", "else": "'else' statement",
	"while": "'while' statement", "for": "'for' statement", "try": "'try' statement",
	"except": "'except' statement", "finally": "'finally' statement", "with": "'with' statement",
	"def": "function definition", "class": "class definition",
}

// syntaxError explains a failed parse of toks.
func (c *converter) syntaxError(toks []lexer.Token, perr error) *Error {
	at := len(toks) - 1
	if uerr, ok := perr.(*participle.UnexpectedTokenError); ok {
		at = tokenIndex(toks, uerr.Unexpected)
	}
	end := at
	for end < len(toks)-1 && toks[end].Type != tokNewline {
		end++
	}
	for i := max(0, lineStart(toks, at)-2); i <= end; i++ {
		t := toks[i]
		switch {
		case i == at && t.Type == tokNewline:
			if what, _ := c.header(toks, at); what != "" {
				return c.errorAt("SyntaxError", c.pos(t.Pos), "expected ':'")
			}
		case t.Type == tokIndent && (i < 2 || !isOp(toks[i-2], ":") || toks[i-1].Type != tokNewline):
			return c.errorAt("IndentationError", Pos{Line: t.Pos.Line, Col: t.Pos.Column - 1}, "unexpected indent")
		case isOp(t, ":") && i+2 < len(toks) && toks[i+1].Type == tokNewline && toks[i+2].Type != tokIndent:
			if what, line := c.header(toks, i); what != "" {
				p := toks[i+2].Pos
				if toks[i+2].Type == tokEOF {
					p = toks[i+1].Pos
				}
				return c.errorAt("IndentationError", c.pos(p), "expected an indented block after %s on line %d", what, line)
			}
		}
	}
	return c.errorAt("SyntaxError", c.pos(toks[at].Pos), "invalid syntax")
}

// header returns what compound statement the logical line holding token i
// starts, and its line; "" if none.
func (c *converter) header(toks []lexer.Token, i int) (string, int) {
	start := lineStart(toks, i)
	t := toks[start]
	if t.Type == tokKeyword && t.Value == "async" && start+1 < len(toks) {
		t = toks[start+1]
	}
	if t.Type != tokKeyword {
		return "", 0
	}
	return compoundWords[t.Value], t.Pos.Line
}

// lineStart returns the index of the first token of the logical line
// holding token i.
func lineStart(toks []lexer.Token, i int) int {
	for i > 0 {
		switch toks[i-1].Type {
		case tokNewline, tokIndent, tokDedent:
			return i
		}
		i--
	}
	return 0
}

// tokenIndex finds t in toks.
func tokenIndex(toks []lexer.Token, t lexer.Token) int {
	for i, x := range toks {
		if x.Pos.Offset == t.Pos.Offset && x.Type == t.Type {
			return i
		}
	}
	return len(toks) - 1
}

func isOp(t lexer.Token, v string) bool { return t.Type == tokOp && t.Value == v }

// indentBefore returns the "unexpected indent" error CPython's parser
// reports, ahead of the tokenizer's error err, for an indented line before
// the tokenizer failed; otherwise err.
func (c *converter) indentBefore(toks []lexer.Token, err *Error) *Error {
	for i, t := range toks {
		if t.Type == tokIndent && (i < 2 || !isOp(toks[i-2], ":") || toks[i-1].Type != tokNewline) {
			return c.errorAt("IndentationError", Pos{Line: t.Pos.Line, Col: t.Pos.Column - 1}, "unexpected indent")
		}
	}
	return err
}

// unclosed replaces a parse error by "'(' was never closed" when, as in
// CPython, a bracket left open at the end of the file was opened on a line
// before the error, or the error is at the end of the file.
func (c *converter) unclosed(t *tokenizer, err *Error) *Error {
	if len(t.brackets) == 0 {
		return err
	}
	b := t.brackets[len(t.brackets)-1]
	end := t.toks[len(t.toks)-1].Pos
	if err.Line > b.line || err.Line == end.Line && err.Col == end.Column {
		return c.errorAt("SyntaxError", Pos{Line: b.line, Col: b.col}, "'%c' was never closed", b.ch)
	}
	return err
}
