package lang

import "github.com/alecthomas/participle/v2/lexer"

// cursor is where the expression parser reads: the tokens of a run, then
// its EOF token for ever. The parser reads participle's token array
// through it, or, for a run of simple statements, the tokenizer's array
// directly (see parseRun), which spares copying the tokens into a
// participle lexer.
type cursor struct {
	toks []lexer.Token
	eof  lexer.Token
	i    int // index of the next token
}

func (r *cursor) peek() *lexer.Token {
	if r.i < len(r.toks) {
		return &r.toks[r.i]
	}
	return &r.eof
}

func (r *cursor) next() *lexer.Token {
	t := r.peek()
	if r.i < len(r.toks) {
		r.i++
	}
	return t
}

// prev returns the token before the next one, or nil at the start.
func (r *cursor) prev() *lexer.Token {
	if r.i == 0 {
		return nil
	}
	return &r.toks[r.i-1]
}
