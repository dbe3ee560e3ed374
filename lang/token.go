package lang

import (
	"io"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types produced by the tokenizer.
const (
	tokEOF     = lexer.EOF
	tokNewline = lexer.TokenType(iota + 1)
	tokIndent
	tokDedent
	tokName
	tokKeyword
	tokInt
	tokFloat
	tokString
	tokOp
)

var symbols = map[string]lexer.TokenType{
	"EOF":     tokEOF,
	"Newline": tokNewline,
	"Indent":  tokIndent,
	"Dedent":  tokDedent,
	"Name":    tokName,
	"Keyword": tokKeyword,
	"Int":     tokInt,
	"Float":   tokFloat,
	"String":  tokString,
	"Op":      tokOp,
}

// keywords are the reserved words of the language.
var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true,
	"raise": true, "return": true, "try": true, "while": true, "with": true,
	"yield": true,
}

// Definition is the indentation-aware tokenizer as a participle lexer
// definition. Lexing errors are *Error values.
var Definition lexer.Definition = definition{}

type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return symbols }

func (d definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexBytes(filename, src)
}

func (definition) LexBytes(filename string, src []byte) (lexer.Lexer, error) {
	toks, err := tokenize(filename, src)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{toks: toks[:len(toks)-1], eof: toks[len(toks)-1]}, nil
}

// sliceLexer replays tokens, then an EOF token.
type sliceLexer struct {
	toks []lexer.Token
	eof  lexer.Token
	i    int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return l.eof, nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}
