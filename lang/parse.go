package lang

import (
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// lookahead is how many tokens participle may read past a failed branch.
const lookahead = 4

// fileParser is the statement grammar, built by the first parse that
// needs it, or by Prepare. Building it takes milliseconds, and programs of
// simple statements only (print("hello")) never need it. The command
// builds it on a goroutine of its own while its other packages
// initialise (cmd/asyncgen/internal/warm): a program with a compound
// statement starts 2 to 4 ms sooner, print("hello") about 1 ms later on
// two cores (on two busy ones, 7% to 25% later).
var fileParser = sync.OnceValue(func() *participle.Parser[gFile] {
	return participle.MustBuild[gFile](participle.Lexer(Definition), participle.UseLookahead(lookahead))
})

// Parse parses a source file into its syntax tree and runs the static
// checks. The error, if any, is a *Error.
func Parse(filename string, src []byte) (f *File, err error) {
	c := &converter{filename: filename}
	defer func() {
		if e, ok := err.(*Error); ok && e.Text == "" {
			e.Text = sourceLine(src, e.Line)
		}
	}()
	defer c.recover(&err)
	t := newTokenizer(filename, src, tokenArray())
	defer releaseTokens(t)
	if err := t.run(); err != nil {
		return nil, c.indentBefore(t.toks, err)
	}
	c.end = t.toks[len(t.toks)-1].Pos
	for _, tok := range t.toks {
		if tok.Type == tokNewline {
			c.lastLine = tok.Pos
		}
	}
	var body []Stmt
	for _, r := range topLevel(t.toks) {
		stmts, err := c.parseRun(r)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				e = c.syntaxError(t.toks, err)
			}
			return nil, c.unclosed(t, e)
		}
		body = append(body, stmts...)
	}
	f = &File{Name: filename, Source: src, Body: body}
	if err := check(f); err != nil {
		return nil, err
	}
	return f, nil
}

// tokenArrays keeps the token arrays of finished parses for reuse: making
// (and zeroing) the array of a large file costs as much as filling it.
var tokenArrays sync.Pool // of *[]lexer.Token

// tokenArray returns an empty token array from tokenArrays, or nil.
func tokenArray() []lexer.Token {
	if p, ok := tokenArrays.Get().(*[]lexer.Token); ok {
		return *p
	}
	return nil
}

// releaseTokens gives t's token array back to tokenArrays, cleared so
// that it keeps no source alive.
func releaseTokens(t *tokenizer) {
	clear(t.toks)
	toks := t.toks[:0]
	tokenArrays.Put(&toks)
}

// parseRun parses a run of top-level statements. A run of simple
// statements only goes straight to the expression parser, which reports
// its errors as it would through participle; other runs go to
// participle.
func (c *converter) parseRun(r run) ([]Stmt, error) {
	if len(r.toks) > 0 && startsSmall(&r.toks[0]) {
		p := &converter{filename: c.filename, cur: cursor{toks: r.toks, eof: r.eof}}
		var stmts []Stmt
		if err := catch(func() { stmts = p.lines() }); err != nil {
			return nil, err
		}
		if p.cur.i == len(r.toks) {
			return stmts, nil
		}
	}
	g, err := parseChunk(r.toks, r.eof)
	if err != nil {
		return nil, err
	}
	return c.stmts(g.Stmts), nil
}

// parseChunk runs participle on the tokens of some top-level statements
// followed by eof. It returns the expression parser's error
// as a *Error if it raised one, else participle's error.
func parseChunk(toks []lexer.Token, eof lexer.Token) (*gFile, error) {
	plex, err := lexer.Upgrade(&sliceLexer{toks: toks, eof: eof})
	if err != nil {
		return nil, err
	}
	ch := &chunk{n: len(toks) + 1}
	key := parseKey(plex)
	chunks.Store(key, ch)
	defer chunks.Delete(key)
	g, err := fileParser().ParseFromLexer(plex)
	if err != nil && ch.err != nil {
		return nil, ch.err
	}
	return g, err
}

// run is some whole top-level statements and the EOF token to end them.
type run struct {
	toks []lexer.Token
	eof  lexer.Token
}

// topLevel splits tokens (ending with EOF) into runs of whole top-level
// statements, so that participle works on short token arrays. A run ends
// where a statement at indentation 0 ends and the next token does not
// continue it (else, elif, except, finally) and the statement was not a
// decorator line.
func topLevel(toks []lexer.Token) []run {
	const runLen = 256 // tokens; runs are at least this long
	var runs []run
	eof := toks[len(toks)-1]
	start, depth := 0, 0
	for i := 0; i < len(toks)-1; i++ {
		switch toks[i].Type {
		case tokIndent:
			depth++
			continue
		case tokDedent:
			depth--
		case tokNewline:
		default:
			continue
		}
		next := toks[i+1]
		if depth != 0 || i+1-start < runLen || next.Type == tokDedent || next.Type == tokIndent ||
			isKw(next, "else") || isKw(next, "elif") || isKw(next, "except") || isKw(next, "finally") ||
			isOp(toks[lineStart(toks, i)], "@") {
			continue
		}
		e := eof
		e.Pos = next.Pos
		runs = append(runs, run{toks[start : i+1], e})
		start = i + 1
	}
	return append(runs, run{toks[start : len(toks)-1], eof})
}

// parseFExpr parses the expression of an f-string replacement field whose
// text starts at position base.
func (c *converter) parseFExpr(text string, base lexer.Position) Expr {
	toks, lexErr := tokenize(c.filename, []byte("("+text+")"))
	if lexErr != nil {
		c.fail(Pos{Line: lexErr.Line + base.Line - 1, Col: lexErr.Col}, "f-string: %s", lexErr.Msg)
	}
	for i := range toks {
		toks[i].Pos.Line += base.Line - 1
	}
	sub := &converter{filename: c.filename, cur: cursor{toks: toks[:len(toks)-1], eof: toks[len(toks)-1]}, depth: c.depth}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			b.err.Msg = "f-string: " + b.err.Msg
			lines := strings.Split("("+text+")", "\n")
			if i := b.err.Line - base.Line; i >= 0 && i < len(lines) {
				b.err.Text = lines[i]
			}
			panic(b)
		}
	}()
	x := sub.paren()
	if t := sub.peek(); t.Type != tokNewline {
		sub.unexpected()
	}
	shiftPositions(x, base)
	return x
}

// converter parses expressions and turns participle's structs into the
// AST. It reports errors by panicking with a bailout, recovered at the
// entry points.
type converter struct {
	filename string
	end      lexer.Position // where the file ends
	lastLine lexer.Position // where its last logical line ends
	cur      cursor         // tokens, while parsing expressions
	depth    int            // CPython parser frames entered (see maxFrames)
}

// bailout carries an *Error out of the conversion.
type bailout struct{ err *Error }

func (c *converter) recover(err *error) {
	switch r := recover().(type) {
	case nil:
	case bailout:
		*err = r.err
	default:
		*err = &Error{Pos: Pos{Filename: c.filename, Line: 1, Col: 1}, Kind: "SyntaxError", Msg: fmt.Sprintf("internal parser error: %v", r)}
	}
}

// errorAt builds an error of the given kind at p.
func (c *converter) errorAt(kind string, p Pos, format string, args ...any) *Error {
	return &Error{Pos: Pos{Filename: c.filename, Line: p.Line, Col: p.Col}, Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// fail stops the conversion with a SyntaxError at p.
func (c *converter) fail(p Pos, format string, args ...any) {
	panic(bailout{c.errorAt("SyntaxError", p, format, args...)})
}

func (c *converter) failAt(p lexer.Position, format string, args ...any) {
	c.fail(c.pos(p), format, args...)
}

func (c *converter) failTok(t lexer.Token, format string, args ...any) {
	c.failAt(t.Pos, format, args...)
}

// sourceLine returns line n (from 1) of src without its line break.
func sourceLine(src []byte, n int) string {
	start := 0
	for line := 1; line < n; line++ {
		i := indexLineBreak(src[start:])
		if i < 0 {
			return ""
		}
		start += i + 1
		if src[start-1] == '\r' && start < len(src) && src[start] == '\n' {
			start++
		}
	}
	return lineText(src, start)
}

func indexLineBreak(b []byte) int {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return i
		}
	}
	return -1
}

// Prepare builds the statement grammar now, so that the first parse of a
// compound statement does not wait for it. It is safe to call from any
// goroutine, at any time.
func Prepare() { fileParser() }
