package lang

import (
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file is a hand-written recursive-descent and precedence-climbing
// parser for expressions, run by participle (see grammar.go) on its token
// stream. It builds AST nodes directly.

// Precedence levels of binary and prefix operators, lowest first.
const (
	precOr = 1 + iota
	precAnd
	precNot
	precCompare
	precBitOr
	precBitXor
	precBitAnd
	precShift
	precArith
	precTerm
	precUnary
	precPower
	precAwait
)

// maxFrames bounds the recursion of the expression parser as CPython's
// parser stack bounds its own: CPython raises MemoryError past 6,000
// nested grammar rules, about 32 of which lead to an expression statement.
// The parser counts CPython's rules for each level of the constructs that
// nest without brackets (whose nesting the lexer bounds): one for not, a
// unary minus, plus or invert and the else of a conditional expression,
// two for ** and lambda.
const maxFrames = 6000 - 32

var binaryOps = map[string]Op{
	"+": Add, "-": Sub, "*": Mul, "/": Div, "//": FloorDiv, "%": Mod, "**": Pow,
	"<<": LShift, ">>": RShift, "|": BitOr, "^": BitXor, "&": BitAnd,
}

var binaryPrec = map[string]int{
	"or": precOr, "and": precAnd,
	"==": precCompare, "!=": precCompare, "<": precCompare, "<=": precCompare,
	">": precCompare, ">=": precCompare, "in": precCompare, "not": precCompare, "is": precCompare,
	"|": precBitOr, "^": precBitXor, "&": precBitAnd, "<<": precShift, ">>": precShift,
	"+": precArith, "-": precArith, "*": precTerm, "/": precTerm, "//": precTerm, "%": precTerm, "@": precTerm,
	"**": precPower,
}

var compareOps = map[string]Op{
	"==": Eq, "!=": NotEq, "<": Lt, "<=": LtE, ">": Gt, ">=": GtE, "in": In, "is": Is,
}

// argList is the arguments of a call or a class.
type argList struct {
	Args     []Expr
	Keywords []*Keyword
}

// exprError is a *Error travelling through participle.
type exprError struct{ err *Error }

func (e exprError) Error() string   { return e.err.Error() }
func (e exprError) Message() string { return e.err.Msg }
func (e exprError) Position() lexer.Position {
	return lexer.Position{Filename: e.err.Filename, Line: e.err.Line, Column: e.err.Col}
}

// chunk is what the expression parser keeps of a running participle
// parse, shared by all of participle's branches.
type chunk struct {
	n   int    // tokens of participle's lexer, EOF included
	err *Error // the first error the expression parser raised
}

// chunks holds the chunk of each running participle parse, keyed by
// parseKey. The first error is kept because participle may backtrack
// past it and report a less precise error of its own.
var chunks sync.Map

// parseKey identifies a parse by its token array, shared by all of
// participle's branches.
func parseKey(lex *lexer.PeekingLexer) *lexer.Token { return &lex.Range(0, 1)[0] }

// parseNode runs fn, an entry point of the hand-written parser, for the
// Parse method of a grammar node if the next token passes start, and
// stores its result in dst. The parser reads lex's tokens in place and
// moves lex past those it consumed.
func parseNode[T any](lex *lexer.PeekingLexer, start func(*lexer.Token) bool, dst *T, fn func(c *converter) T) (err error) {
	if !start(lex.Peek()) {
		return participle.NextMatch
	}
	v, _ := chunks.Load(parseKey(lex))
	ch := v.(*chunk)
	toks := lex.Range(0, lexer.RawCursor(ch.n))
	c := &converter{filename: lex.Peek().Pos.Filename}
	c.cur = cursor{toks: toks[:ch.n-1], eof: toks[ch.n-1], i: int(lex.RawCursor())}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			if ch.err == nil {
				ch.err = b.err
			}
			err = exprError(b)
		}
	}()
	*dst = fn(c)
	if c.cur.i > int(lex.RawCursor()) {
		lex.FastForward(lexer.RawCursor(c.cur.i - 1))
	}
	return nil
}

// Parse methods of the grammar's nodes (participle.Parseable).

func (n *testNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsExpr, &n.X, (*converter).test)
}

func (n *listNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsStarExpr, &n.X, (*converter).starExprs)
}

func (n *exceptNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsExpr, &n.X, (*converter).exceptType)
}

func (n *condNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsExpr, &n.X, func(c *converter) Expr { return c.named(c.test()) })
}

func (n *lineNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsSmall, &n.X, (*converter).line)
}

func (n *linesNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsSmall, &n.X, (*converter).lines)
}

func (n *targetNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsStarExpr, &n.X, (*converter).targets)
}

func (n *paramsNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, always, &n.X, func(c *converter) *Params { return c.paramList(")") })
}

func (n *withNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, startsExpr, &n.X, (*converter).withItems)
}

func (n *argsNode) Parse(lex *lexer.PeekingLexer) error {
	return parseNode(lex, isOpen, &n.X, (*converter).args)
}

func always(*lexer.Token) bool   { return true }
func isOpen(t *lexer.Token) bool { return t.Type == tokOp && t.Value == "(" }

// startsExpr reports whether t can start a test.
func startsExpr(t *lexer.Token) bool {
	switch t.Type {
	case tokName, tokInt, tokFloat, tokString:
		return true
	case tokKeyword:
		switch t.Value {
		case "None", "True", "False", "not", "await", "lambda":
			return true
		}
	case tokOp:
		switch t.Value {
		case "(", "[", "{", "-", "+", "~", "...":
			return true
		}
	}
	return false
}

func startsStarExpr(t *lexer.Token) bool {
	return startsExpr(t) || t.Type == tokOp && t.Value == "*"
}

// ---- token helpers ----

func (c *converter) peek() *lexer.Token { return c.cur.peek() }
func (c *converter) next() *lexer.Token { return c.cur.next() }

// is reports whether the next token is the operator or keyword v.
func (c *converter) is(v string) bool {
	t := c.peek()
	return t.Value == v && (t.Type == tokOp || t.Type == tokKeyword)
}

func (c *converter) accept(v string) bool {
	if c.is(v) {
		c.next()
		return true
	}
	return false
}

func (c *converter) expect(v string) *lexer.Token {
	if !c.is(v) {
		c.unexpected()
	}
	return c.next()
}

// unexpected fails at the next token.
func (c *converter) unexpected() {
	c.failTok(*c.peek(), "invalid syntax")
}

// enter counts n frames of CPython's parser stack; leave undoes it.
func (c *converter) enter(n int) {
	c.depth += n
	if c.depth > maxFrames {
		panic(bailout{c.errorAt("MemoryError", c.pos(c.peek().Pos), "")})
	}
}

func (c *converter) leave(n int) { c.depth -= n }

// ---- expressions ----

// test parses lambda, a conditional expression or an or-expression.
func (c *converter) test() Expr {
	if c.is("lambda") {
		return c.lambda()
	}
	start := c.pos(c.peek().Pos)
	x := c.binary(precOr)
	if c.is("if") {
		c.next()
		cond := c.binary(precOr)
		if !c.is("else") {
			c.fail(x.Position(), "expected 'else' after 'if' expression")
		}
		c.next()
		c.enter(1)
		defer c.leave(1)
		return &IfExp{Pos: start, Then: x, Cond: cond, Else: c.test()}
	}
	return x
}

func (c *converter) lambda() Expr {
	c.enter(2)
	defer c.leave(2)
	pos := c.pos(c.next().Pos)
	params := c.paramList(":")
	c.expect(":")
	return &Lambda{Pos: pos, Params: params, Body: c.test()}
}

// named checks an expression where CPython's grammar allows `name := x`,
// reporting its messages for a mistaken `=`.
func (c *converter) named(x Expr) Expr {
	if !c.is("=") {
		return x
	}
	cp := c.cur.i
	c.next()
	follows := startsExpr(c.peek())
	c.cur.i = cp
	if !follows {
		return x
	}
	switch t := x.(type) {
	case *Name:
		c.fail(x.Position(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	case *List, *Tuple, *GeneratorExp:
	case *Constant:
		if t.Value != nil && t.Value != true && t.Value != false {
			c.fail(x.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
		}
	default:
		if simpleOperand(x) {
			c.fail(x.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
		}
	}
	return x
}

// exceptType parses the type of an except clause.
func (c *converter) exceptType() Expr {
	x := c.test()
	if c.is(",") {
		c.fail(x.Position(), "multiple exception types must be parenthesized")
	}
	return x
}

// starOrTest parses `*x` (x an or-expression of bitwise level) or a test.
func (c *converter) starOrTest() Expr {
	if c.is("*") {
		pos := c.pos(c.next().Pos)
		return &Starred{Pos: pos, X: c.binary(precBitOr)}
	}
	return c.test()
}

// starExprs parses `a, *b, c`, a Tuple when there is a comma.
func (c *converter) starExprs() Expr {
	pos := c.pos(c.peek().Pos)
	x := c.starOrTest()
	if !c.is(",") {
		return x
	}
	t := &Tuple{Pos: pos, Elts: []Expr{x}}
	for c.accept(",") && startsStarExpr(c.peek()) {
		t.Elts = append(t.Elts, c.starOrTest())
	}
	return t
}

func (c *converter) yieldOrStarExprs() Expr {
	if c.is("yield") {
		return c.yield()
	}
	return c.starExprs()
}

func (c *converter) yield() Expr {
	pos := c.pos(c.next().Pos)
	if c.accept("from") {
		return &YieldFrom{Pos: pos, X: c.test()}
	}
	y := &Yield{Pos: pos}
	if startsStarExpr(c.peek()) {
		y.X = c.starExprs()
	}
	return y
}

// targets parses the targets of a for loop or comprehension, up to `in`.
func (c *converter) targets() Expr {
	pos := c.pos(c.peek().Pos)
	x := c.target1()
	if !c.is(",") {
		c.target(x, targetFor)
		return x
	}
	t := &Tuple{Pos: pos, Elts: []Expr{x}}
	for c.accept(",") && startsStarExpr(c.peek()) {
		t.Elts = append(t.Elts, c.target1())
	}
	c.target(t, targetFor)
	return t
}

func (c *converter) target1() Expr {
	if c.is("*") {
		pos := c.pos(c.next().Pos)
		return &Starred{Pos: pos, X: c.binary(precBitOr)}
	}
	return c.binary(precBitOr)
}

// binary parses operators binding at least as tightly as min.
func (c *converter) binary(min int) Expr {
	c.enter(1)
	defer c.leave(1)
	start := c.pos(c.peek().Pos)
	x := c.unary(min)
	for {
		t := c.peek()
		if t.Type != tokOp && t.Type != tokKeyword {
			return x
		}
		prec, ok := binaryPrec[t.Value]
		if !ok || prec < min {
			return x
		}
		switch prec {
		case precOr, precAnd:
			op := map[string]Op{"or": Or, "and": And}[t.Value]
			b := &BoolOp{Pos: start, Op: op, Values: []Expr{x}}
			for c.accept(t.Value) {
				b.Values = append(b.Values, c.binary(prec+1))
			}
			x = b
		case precCompare:
			cmp := &Compare{Pos: start, Left: x}
			for op, ok := c.compareOp(); ok; op, ok = c.compareOp() {
				cmp.Ops = append(cmp.Ops, op)
				cmp.Comparators = append(cmp.Comparators, c.binary(precBitOr))
			}
			if len(cmp.Ops) == 0 {
				return x
			}
			x = cmp
		case precPower:
			c.next()
			c.enter(1) // with binary's own, CPython's two frames
			x = &BinOp{Pos: start, X: x, Op: Pow, Y: c.binary(precUnary)}
			c.leave(1)
		default:
			if t.Value == "@" {
				c.unexpected()
			}
			c.next()
			x = &BinOp{Pos: start, X: x, Op: binaryOps[t.Value], Y: c.binary(prec + 1)}
		}
	}
}

// compareOp consumes a comparison operator, if one is next.
func (c *converter) compareOp() (Op, bool) {
	t := c.peek()
	if t.Type != tokOp && t.Type != tokKeyword {
		return 0, false
	}
	switch t.Value {
	case "not":
		cp := c.cur.i
		c.next()
		if c.accept("in") {
			return NotIn, true
		}
		c.cur.i = cp
		return 0, false
	case "is":
		c.next()
		if c.accept("not") {
			return IsNot, true
		}
		return Is, true
	}
	op, ok := compareOps[t.Value]
	if ok {
		c.next()
	}
	return op, ok
}

// unary parses prefix operators (not, -, +, ~, await) allowed at level min
// and the operand.
func (c *converter) unary(min int) Expr {
	t := c.peek()
	var prec int
	var op Op
	switch {
	case t.Type == tokKeyword && t.Value == "not":
		prec, op = precNot, Not
	case t.Type == tokKeyword && t.Value == "await":
		prec = precAwait
	case t.Type == tokOp && (t.Value == "-" || t.Value == "+" || t.Value == "~"):
		prec, op = precUnary, map[string]Op{"-": USub, "+": UAdd, "~": Invert}[t.Value]
	default:
		return c.primary()
	}
	if prec < min {
		c.unexpected()
	}
	pos := c.pos(c.next().Pos)
	if prec == precAwait {
		return &Await{Pos: pos, X: c.primary()}
	}
	return &UnaryOp{Pos: pos, Op: op, X: c.binary(prec)}
}

// primary parses an atom and its trailers: calls, attributes, subscripts.
func (c *converter) primary() Expr {
	start := c.peek()
	x := c.atom()
	pos := x.Position()
	if start.Value == "(" || start.Value == "[" || start.Value == "{" {
		pos = c.pos(start.Pos)
	}
	for {
		switch {
		case c.is("("):
			args := c.args()
			x = &Call{Pos: pos, Func: x, Args: args.Args, Keywords: args.Keywords}
		case c.is("."):
			c.next()
			name := c.peek()
			if name.Type != tokName {
				c.unexpected()
			}
			c.next()
			x = &Attribute{Pos: pos, X: x, Name: name.Value}
		case c.is("["):
			c.next()
			x = &Subscript{Pos: pos, X: x, Index: c.subscripts()}
			c.expect("]")
		default:
			return x
		}
	}
}

func (c *converter) subscripts() Expr {
	pos := c.pos(c.peek().Pos)
	x := c.slice()
	if !c.is(",") {
		if _, star := x.(*Starred); star {
			return &Tuple{Pos: pos, Elts: []Expr{x}}
		}
		return x
	}
	t := &Tuple{Pos: pos, Elts: []Expr{x}}
	for c.accept(",") && !c.is("]") {
		t.Elts = append(t.Elts, c.slice())
	}
	return t
}

func (c *converter) slice() Expr {
	pos := c.pos(c.peek().Pos)
	if c.is("*") {
		return c.starOrTest()
	}
	var lo Expr
	if !c.is(":") {
		lo = c.test()
		if !c.is(":") {
			return lo
		}
	}
	c.next()
	s := &Slice{Pos: pos, Lo: lo}
	if startsExpr(c.peek()) {
		s.Hi = c.test()
	}
	if c.accept(":") && startsExpr(c.peek()) {
		s.Step = c.test()
	}
	return s
}

// args parses a parenthesised argument list.
func (c *converter) args() *argList {
	open := c.pos(c.expect("(").Pos)
	a := &argList{}
	kwUnpack := false
	misplaced := "" // a positional argument after keywords
	n := 0
	for !c.is(")") {
		t := c.peek()
		pos := c.pos(t.Pos)
		n++
		switch {
		case c.accept("**"):
			a.Keywords = append(a.Keywords, &Keyword{Pos: pos, Value: c.test()})
			kwUnpack = true
		case c.accept("*"):
			if kwUnpack {
				c.fail(pos, "iterable argument unpacking follows keyword argument unpacking")
			}
			a.Args = append(a.Args, &Starred{Pos: pos, X: c.test()})
		default:
			x := c.test()
			if c.is("=") {
				name, ok := x.(*Name)
				if !ok {
					c.fail(x.Position(), "expression cannot contain assignment, perhaps you meant \"==\"?")
				}
				c.next()
				a.Keywords = append(a.Keywords, &Keyword{Pos: pos, Name: name.ID, Value: c.test()})
				break
			}
			if c.is("for") || c.is("async") {
				elt := x
				x = &GeneratorExp{Pos: open, Elt: x, Gens: c.comps()}
				if n > 1 || !c.is(")") {
					c.fail(elt.Position(), "Generator expression must be parenthesized")
				}
			}
			switch {
			case misplaced != "":
			case kwUnpack:
				misplaced = "positional argument follows keyword argument unpacking"
			case len(a.Keywords) > 0:
				misplaced = "positional argument follows keyword argument"
			}
			a.Args = append(a.Args, x)
		}
		c.comma(pos)
		if !c.accept(",") {
			break
		}
	}
	end := c.expect(")")
	if misplaced != "" {
		c.failTok(*end, "%s", misplaced)
	}
	return a
}

// comps parses one or more comprehension clauses.
func (c *converter) comps() []*Comprehension {
	var out []*Comprehension
	for c.is("for") || c.is("async") {
		pos := c.pos(c.peek().Pos)
		async := c.accept("async")
		c.expect("for")
		comp := &Comprehension{Pos: pos, Async: async, Target: c.targets()}
		c.expect("in")
		comp.Iter = c.binary(precOr)
		for c.accept("if") {
			comp.Ifs = append(comp.Ifs, c.binary(precOr))
		}
		out = append(out, comp)
	}
	return out
}

func (c *converter) atom() Expr {
	t := c.peek()
	pos := c.pos(t.Pos)
	switch t.Type {
	case tokName:
		c.next()
		return &Name{Pos: pos, ID: t.Value}
	case tokInt:
		c.next()
		n, ok := new(big.Int).SetString(t.Value, 0)
		if !ok {
			c.fail(pos, "invalid decimal literal")
		}
		return &Constant{Pos: pos, Value: n}
	case tokFloat:
		c.next()
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.Value, "_", ""), 64)
		if err != nil && f == 0 {
			c.fail(pos, "invalid decimal literal")
		}
		return &Constant{Pos: pos, Value: f}
	case tokString:
		var toks []lexer.Token
		for c.peek().Type == tokString {
			toks = append(toks, *c.next())
		}
		return c.strings(toks)
	case tokKeyword:
		switch t.Value {
		case "None", "True", "False":
			c.next()
			return &Constant{Pos: pos, Value: map[string]any{"None": nil, "True": true, "False": false}[t.Value]}
		}
	case tokOp:
		switch t.Value {
		case "...":
			c.next()
			return &Constant{Pos: pos, Value: Ellipsis}
		case "(":
			return c.paren()
		case "[":
			return c.list()
		case "{":
			return c.brace()
		}
	}
	c.unexpected()
	return nil
}

func (c *converter) paren() Expr {
	c.enter(1)
	defer c.leave(1)
	pos := c.pos(c.next().Pos)
	if c.accept(")") {
		return &Tuple{Pos: pos}
	}
	if c.is("yield") {
		y := c.yield()
		c.expect(")")
		return y
	}
	x := c.named(c.starOrTest())
	switch {
	case c.is("for") || c.is("async"):
		c.noStarred(x, "iterable unpacking cannot be used in comprehension")
		x = &GeneratorExp{Pos: pos, Elt: x, Gens: c.comps()}
	case c.is(","):
		t := &Tuple{Pos: pos, Elts: []Expr{x}}
		for c.accept(",") && !c.is(")") {
			t.Elts = append(t.Elts, c.elt())
		}
		x = t
	default:
		c.comma(x.Position())
		c.noStarred(x, "cannot use starred expression here")
	}
	c.expect(")")
	return x
}

// elt parses an element of a display, then checks for a mistaken `=` and
// a missing comma.
func (c *converter) elt() Expr {
	pos := c.pos(c.peek().Pos)
	x := c.named(c.starOrTest())
	c.comma(pos)
	return x
}

// comma reports CPython's "Perhaps you forgot a comma?" when, inside
// brackets, the element that started at pos is directly followed by the
// start of another expression.
func (c *converter) comma(pos Pos) {
	t := c.peek()
	if !startsExpr(t) {
		return
	}
	if p := c.cur.prev(); p != nil && p.Type == tokName && t.Type == tokString && c.pos(p.Pos) == pos {
		c.unexpected() // `name "string"`: CPython gives no hint
	}
	// CPython suggests a comma only if an expression follows; otherwise
	// the error is wherever that expression fails.
	depth := c.depth
	c.test()
	c.depth = depth
	c.fail(pos, "invalid syntax. Perhaps you forgot a comma?")
}

func (c *converter) noStarred(x Expr, msg string) {
	if s, ok := x.(*Starred); ok {
		c.fail(s.Pos, "%s", msg)
	}
}

func (c *converter) list() Expr {
	c.enter(1)
	defer c.leave(1)
	pos := c.pos(c.next().Pos)
	l := &List{Pos: pos}
	if c.accept("]") {
		return l
	}
	x := c.named(c.starOrTest())
	if c.is("for") || c.is("async") {
		c.noStarred(x, "iterable unpacking cannot be used in comprehension")
		lc := &ListComp{Pos: pos, Elt: x, Gens: c.comps()}
		c.expect("]")
		return lc
	}
	l.Elts = append(l.Elts, x)
	c.comma(x.Position())
	for c.accept(",") && !c.is("]") {
		l.Elts = append(l.Elts, c.elt())
	}
	c.expect("]")
	return l
}

// brace parses a dict or set display or comprehension.
func (c *converter) brace() Expr {
	c.enter(1)
	defer c.leave(1)
	pos := c.pos(c.next().Pos)
	if c.accept("}") {
		return &Dict{Pos: pos}
	}
	if c.is("**") {
		return c.dict(pos, nil)
	}
	x := c.starOrTest()
	if _, star := x.(*Starred); !star && c.is(":") {
		return c.dict(pos, x)
	}
	if c.is("for") || c.is("async") {
		c.noStarred(x, "iterable unpacking cannot be used in comprehension")
		sc := &SetComp{Pos: pos, Elt: x, Gens: c.comps()}
		c.expect("}")
		return sc
	}
	s := &Set{Pos: pos, Elts: []Expr{x}}
	c.comma(x.Position())
	for c.accept(",") && !c.is("}") {
		s.Elts = append(s.Elts, c.elt())
	}
	c.expect("}")
	return s
}

// dict parses the rest of a dict display or comprehension whose first key,
// if already parsed, is key.
func (c *converter) dict(pos Pos, key Expr) Expr {
	d := &Dict{Pos: pos}
	item := func() {
		if key == nil && c.accept("**") {
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, c.binary(precBitOr))
			return
		}
		if key == nil {
			key = c.test()
		}
		c.expect(":")
		d.Keys = append(d.Keys, key)
		v := c.test()
		c.comma(v.Position())
		d.Values = append(d.Values, v)
		key = nil
	}
	item()
	if (c.is("for") || c.is("async")) && d.Keys[0] != nil {
		dc := &DictComp{Pos: pos, Key: d.Keys[0], Value: d.Values[0], Gens: c.comps()}
		c.expect("}")
		return dc
	}
	for c.accept(",") && !c.is("}") {
		item()
	}
	c.expect("}")
	return d
}

// paramList parses the parameters of a def (ending at ")") or a lambda
// (ending at ":"; no annotations).
func (c *converter) paramList(end string) *Params {
	ps := &Params{}
	star, slash, dflt := false, false, false
	for !c.is(end) {
		t := c.peek()
		pos := c.pos(t.Pos)
		if ps.Kwarg != nil {
			c.fail(pos, "arguments cannot follow var-keyword argument")
		}
		switch {
		case c.accept("/"):
			switch {
			case slash:
				c.fail(pos, "/ may appear only once")
			case star:
				c.fail(pos, "/ must be ahead of *")
			case len(ps.Params) == 0:
				c.fail(pos, "at least one argument must precede /")
			}
			slash = true
			ps.PosOnly, ps.Params = ps.Params, nil
		case c.accept("**"):
			p := c.param(end)
			if p == nil {
				c.unexpected()
			}
			if p.Default != nil {
				c.fail(p.Default.Position(), "var-keyword argument cannot have default value")
			}
			ps.Kwarg = p
		case c.accept("*"):
			if star {
				c.fail(pos, "* argument may appear only once")
			}
			star = true
			if p := c.param(end); p != nil {
				if p.Default != nil {
					c.fail(p.Default.Position(), "var-positional argument cannot have default value")
				}
				ps.Vararg = p
			} else if c.is(end) || c.is(",") && c.peekAfterComma(end) {
				c.fail(pos, "named arguments must follow bare *")
			}
		default:
			p := c.param(end)
			if p == nil {
				c.unexpected()
			}
			switch {
			case star:
				ps.KwOnly = append(ps.KwOnly, p)
			case p.Default != nil:
				dflt = true
				ps.Params = append(ps.Params, p)
			case dflt:
				c.fail(pos, "non-default argument follows default argument")
			default:
				ps.Params = append(ps.Params, p)
			}
		}
		if !c.accept(",") {
			break
		}
	}
	return ps
}

// peekAfterComma reports whether the token after the next comma is end.
func (c *converter) peekAfterComma(end string) bool {
	cp := c.cur.i
	c.next()
	ok := c.is(end) || c.is("**")
	c.cur.i = cp
	return ok
}

// param parses `name [: annotation] [= default]`, or returns nil.
func (c *converter) param(end string) *Param {
	t := c.peek()
	if t.Type != tokName {
		return nil
	}
	c.next()
	p := &Param{Pos: c.pos(t.Pos), Name: t.Value}
	if end == ")" && c.accept(":") {
		p.Annotation = c.test()
	}
	if c.accept("=") {
		p.Default = c.test()
	}
	return p
}

// withItems parses the items of a with statement, including the
// parenthesised form `with (a as b, c):`.
func (c *converter) withItems() []*WithItem {
	if c.is("(") {
		cp := c.cur.i
		if items, ok := c.parenWithItems(); ok {
			return items
		}
		c.cur.i = cp
	}
	var items []*WithItem
	for {
		items = append(items, c.withItem())
		if !c.accept(",") {
			return items
		}
	}
}

// parenWithItems tries `( item, ... ) :`.
func (c *converter) parenWithItems() (items []*WithItem, ok bool) {
	depth := c.depth
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			c.depth = depth
			items, ok = nil, false
		}
	}()
	c.next()
	for !c.is(")") {
		items = append(items, c.withItem())
		if !c.accept(",") {
			break
		}
	}
	c.expect(")")
	return items, c.is(":")
}

func (c *converter) withItem() *WithItem {
	it := &WithItem{Context: c.test()}
	if c.accept("as") {
		it.Target = c.target1()
		c.target(it.Target, targetWith)
	}
	return it
}

func (c *converter) pos(p lexer.Position) Pos {
	return Pos{Filename: c.filename, Line: p.Line, Col: p.Column}
}
