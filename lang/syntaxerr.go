package lang

import (
	"strings"

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
		if i == at {
			if msg := c.header(toks, at); msg != "" {
				return c.errorAt("SyntaxError", c.pos(t.Pos), "%s", msg)
			}
		}
		switch {
		case t.Type == tokIndent && (i < 2 || !isOp(toks[i-2], ":") || toks[i-1].Type != tokNewline):
			return c.errorAt("IndentationError", Pos{Line: t.Pos.Line, Col: t.Pos.Column - 1}, "unexpected indent")
		case isOp(t, ":") && i+2 < len(toks) && toks[i+1].Type == tokNewline && toks[i+2].Type != tokIndent:
			if what, line := compoundAt(toks, i); what != "" {
				p := toks[i+2].Pos
				if p == toks[len(toks)-1].Pos { // at the end of the file
					p = toks[i+1].Pos
				}
				return c.errorAt("IndentationError", c.pos(p), "expected an indented block after %s on line %d", what, line)
			}
		}
	}
	if x := tryWithoutHandler(toks, at); x >= 0 {
		return c.errorAt("SyntaxError", c.pos(toks[x].Pos), "expected 'except' or 'finally' block")
	}
	return c.errorAt("SyntaxError", c.pos(toks[at].Pos), "invalid syntax")
}

// compoundAt returns how CPython names the compound statement whose header
// holds token i, and the header's line; "" if the line is not one.
func compoundAt(toks []lexer.Token, i int) (string, int) {
	s := lineStart(toks, i)
	if isKw(toks[s], "async") && s+1 < len(toks) {
		s++
	}
	t := toks[s]
	if t.Type != tokKeyword {
		return "", 0
	}
	return compoundWords[t.Value], t.Pos.Line
}

// header returns CPython's message for a compound statement header that
// fails at token at: a missing ':' or '('; "" if none applies.
func (c *converter) header(toks []lexer.Token, at int) string {
	s := lineStart(toks, at)
	if isKw(toks[s], "async") {
		s++
	}
	kw := toks[s]
	if kw.Type != tokKeyword || compoundWords[kw.Value] == "" || at <= s {
		return ""
	}
	afterBlock := s > 0 && toks[s-1].Type == tokDedent
	switch kw.Value {
	case "try", "else", "finally":
		if at == s+1 && (kw.Value == "try" || afterBlock) {
			return "expected ':'"
		}
		return ""
	case "def":
		if at == s+2 {
			return "expected '('"
		}
	case "elif", "except":
		if !afterBlock {
			return ""
		}
	case "for":
		found := false
		for i := s; i < at; i++ {
			found = found || isKw(toks[i], "in")
		}
		if !found {
			return ""
		}
	}
	if at == s+1 || toks[at].Type != tokNewline {
		return ""
	}
	return "expected ':'"
}

// tryWithoutHandler finds, up to token at, a try block followed by neither
// except nor finally, and returns the index of the token that follows it;
// -1 if there is none.
func tryWithoutHandler(toks []lexer.Token, at int) int {
	for i := 0; i+2 < len(toks) && i < at; i++ {
		if !isKw(toks[i], "try") || !isOp(toks[i+1], ":") || (i > 0 && lineStart(toks, i) != i) {
			continue
		}
		j := i + 2
		if toks[j].Type == tokNewline && j+1 < len(toks) && toks[j+1].Type == tokIndent {
			depth := 0
			for j++; j < len(toks); j++ {
				if toks[j].Type == tokIndent {
					depth++
				} else if toks[j].Type == tokDedent {
					if depth--; depth == 0 {
						break
					}
				}
			}
		} else {
			for j < len(toks) && toks[j].Type != tokNewline {
				j++
			}
		}
		j++
		if j < len(toks) && j <= at+1 && !isKw(toks[j], "except") && !isKw(toks[j], "finally") {
			if toks[j].Pos == toks[len(toks)-1].Pos { // at the end of the file
				for j > 0 && toks[j].Type != tokNewline {
					j--
				}
			}
			return j
		}
	}
	return -1
}

func isKw(t lexer.Token, v string) bool { return t.Type == tokKeyword && t.Value == v }

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

// unclosed replaces a parse error by "'(' was never closed" when a bracket
// left open at the end of the file was opened before the error. CPython
// does so when the error is on a later line than the bracket, or when its
// parser, still inside the bracket, read up to the end of the file: here,
// when the file ends right after the token in error (two tokens after,
// for a missing comma, where CPython parses the next expression).
func (c *converter) unclosed(t *tokenizer, err *Error) *Error {
	if len(t.brackets) == 0 || err.Kind == "IndentationError" {
		return err // CPython reports an unexpected indent first
	}
	b := t.brackets[len(t.brackets)-1]
	if err.Line < b.line || err.Line == b.line && err.Col < b.col {
		return err
	}
	reach := 1
	if strings.HasSuffix(err.Msg, "Perhaps you forgot a comma?") {
		reach = 2
	}
	if err.Line > b.line || nearEOF(t.toks, err.Pos, reach) {
		return c.errorAt("SyntaxError", Pos{Line: b.line, Col: b.col}, "'%c' was never closed", b.ch)
	}
	return err
}

// nearEOF reports whether the file ends within reach tokens after the
// token at p, and that token could go on to be part of an expression.
func nearEOF(toks []lexer.Token, p Pos, reach int) bool {
	end := len(toks) - 1 // the first of the NEWLINE, DEDENT and EOF tokens that end the file
	for end > 0 && (toks[end-1].Type == tokNewline || toks[end-1].Type == tokDedent) {
		end--
	}
	for i, t := range toks {
		if t.Pos.Line != p.Line || t.Pos.Column != p.Col {
			continue
		}
		if i >= end {
			return true
		}
		if t.Type == tokKeyword && !exprKeywords[t.Value] {
			return false
		}
		return i+reach >= end
	}
	return false
}

// exprKeywords are the keywords that may start or continue an expression.
var exprKeywords = map[string]bool{
	"and": true, "await": true, "else": true, "False": true, "for": true, "if": true, "in": true,
	"is": true, "lambda": true, "None": true, "not": true, "or": true, "True": true, "yield": true,
}
