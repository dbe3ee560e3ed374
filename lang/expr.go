package lang

import (
	"math/big"
	"strconv"
	"strings"
)

// Precedence levels, lowest first.
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

var binaryOps = map[string]Op{
	"+": Add, "-": Sub, "*": Mul, "/": Div, "//": FloorDiv, "%": Mod, "**": Pow,
	"<<": LShift, ">>": RShift, "|": BitOr, "^": BitXor, "&": BitAnd,
}

var compareOps = map[string]Op{
	"==": Eq, "!=": NotEq, "<": Lt, "<=": LtE, ">": Gt, ">=": GtE, "in": In,
}

// opInfo returns the operator and precedence of a binary operator.
func opInfo(g *gOp) (Op, int) {
	switch {
	case g.Not:
		return NotIn, precCompare
	case g.Is && g.Op == "not":
		return IsNot, precCompare
	case g.Is:
		return Is, precCompare
	}
	switch g.Op {
	case "or":
		return Or, precOr
	case "and":
		return And, precAnd
	case "|":
		return BitOr, precBitOr
	case "^":
		return BitXor, precBitXor
	case "&":
		return BitAnd, precBitAnd
	case "<<", ">>":
		return binaryOps[g.Op], precShift
	case "+", "-":
		return binaryOps[g.Op], precArith
	case "*", "/", "//", "%", "@":
		return binaryOps[g.Op], precTerm
	case "**":
		return Pow, precPower
	}
	return compareOps[g.Op], precCompare
}

func (c *converter) testOpt(g *gTest) Expr {
	if g == nil {
		return nil
	}
	return c.test(g)
}

func (c *converter) test(g *gTest) Expr {
	if g.Lambda != nil {
		return &Lambda{Pos: c.pos(g.Pos), Params: c.lambdaParams(g.Lambda.Params), Body: c.test(g.Lambda.Body)}
	}
	x := c.opSeq(g.X, precOr)
	if g.Cond == nil {
		return x
	}
	return &IfExp{Pos: x.Position(), Then: x, Cond: c.opSeq(g.Cond, precOr), Else: c.test(g.Else)}
}

func (c *converter) yieldOrList(g *gYieldOrList) Expr {
	if g.Yield != nil {
		return c.yield(g.Yield)
	}
	return c.exprList(g.List)
}

func (c *converter) yield(g *gYield) Expr {
	pos := c.pos(g.Pos)
	if g.From != nil {
		if g.X != nil {
			c.fail(c.pos(g.X.Pos), "invalid syntax")
		}
		return &YieldFrom{Pos: pos, X: c.test(g.From)}
	}
	return &Yield{Pos: pos, X: c.exprListOpt(g.X)}
}

func (c *converter) exprListOpt(g *gExprList) Expr {
	if g == nil {
		return nil
	}
	return c.exprList(g)
}

// exprList converts `a, *b, c`: a tuple unless it is one item without a
// trailing comma.
func (c *converter) exprList(g *gExprList) Expr {
	if len(g.Items) == 1 && !g.Comma {
		return c.starOrTest(g.Items[0])
	}
	t := &Tuple{Pos: c.pos(g.Pos)}
	for _, it := range g.Items {
		t.Elts = append(t.Elts, c.starOrTest(it))
	}
	return t
}

func (c *converter) starOrTest(g *gStarOrTest) Expr {
	if !g.Star {
		return c.test(g.X)
	}
	if g.X.X == nil || g.X.Cond != nil {
		c.fail(c.pos(g.X.Pos), "invalid syntax")
	}
	return &Starred{Pos: c.pos(g.Pos), X: c.opSeq(g.X.X, precBitOr)}
}

func (c *converter) targetList(g *gTargetList) Expr {
	if len(g.Items) == 1 && !g.Comma {
		return c.targetItem(g.Items[0])
	}
	t := &Tuple{Pos: c.pos(g.Pos)}
	for _, it := range g.Items {
		t.Elts = append(t.Elts, c.targetItem(it))
	}
	return t
}

func (c *converter) targetItem(g *gTarget) Expr {
	x := c.power(g.X)
	if g.Star {
		return &Starred{Pos: c.pos(g.Pos), X: x}
	}
	return x
}

// seq arranges a flat operator sequence by precedence.
type seq struct {
	c      *converter
	g      *gOpSeq
	unit   int // index of the current unit: 0 is First, i is Rest[i-1]
	prefix int // prefixes of the current unit already consumed
}

func (s *seq) cur() *gUnit {
	if s.unit == 0 {
		return s.g.First
	}
	return s.g.Rest[s.unit-1].X
}

// nextOp returns the operator after the current unit, or nil.
func (s *seq) nextOp() *gOp {
	if s.unit >= len(s.g.Rest) {
		return nil
	}
	return s.g.Rest[s.unit].Op
}

// opSeq converts a flat sequence, requiring all of it to bind at least as
// tightly as min.
func (c *converter) opSeq(g *gOpSeq, min int) Expr {
	s := &seq{c: c, g: g}
	x := s.expr(min)
	if op := s.nextOp(); op != nil {
		c.fail(c.pos(op.Pos), "invalid syntax")
	}
	return x
}

// expr parses operators of precedence min or higher.
func (s *seq) expr(min int) Expr {
	x := s.operand(min)
	for {
		g := s.nextOp()
		if g == nil {
			return x
		}
		op, prec := opInfo(g)
		if prec < min {
			return x
		}
		s.unit++
		switch prec {
		case precOr, precAnd:
			b := &BoolOp{Pos: x.Position(), Op: op, Values: []Expr{x, s.expr(prec + 1)}}
			for g := s.nextOp(); g != nil; g = s.nextOp() {
				if next, _ := opInfo(g); next != op {
					break
				}
				s.unit++
				b.Values = append(b.Values, s.expr(prec+1))
			}
			x = b
		case precCompare:
			cmp := &Compare{Pos: x.Position(), Left: x, Ops: []Op{op}, Comparators: []Expr{s.expr(precBitOr)}}
			for g := s.nextOp(); g != nil; g = s.nextOp() {
				next, p := opInfo(g)
				if p != precCompare {
					break
				}
				s.unit++
				cmp.Ops = append(cmp.Ops, next)
				cmp.Comparators = append(cmp.Comparators, s.expr(precBitOr))
			}
			x = cmp
		case precPower:
			x = &BinOp{Pos: x.Position(), X: x, Op: op, Y: s.expr(precUnary)}
		default:
			if g.Op == "@" {
				s.c.fail(s.c.pos(g.Pos), "invalid syntax")
			}
			x = &BinOp{Pos: x.Position(), X: x, Op: op, Y: s.expr(prec + 1)}
		}
	}
}

// operand parses the current unit's prefix operators and primary.
func (s *seq) operand(min int) Expr {
	u := s.cur()
	if s.prefix == len(u.Prefix) {
		s.prefix = 0
		return s.c.power(u.X)
	}
	p := u.Prefix[s.prefix]
	pos := s.c.pos(p.Pos)
	var prec int
	var op Op
	switch p.Op {
	case "not":
		prec, op = precNot, Not
	case "await":
		prec = precAwait
	default:
		prec, op = precUnary, map[string]Op{"-": USub, "+": UAdd, "~": Invert}[p.Op]
	}
	if prec < min {
		s.c.fail(pos, "invalid syntax")
	}
	s.prefix++
	if p.Op == "await" {
		return &Await{Pos: pos, X: s.operand(precAwait)}
	}
	return &UnaryOp{Pos: pos, Op: op, X: s.expr(prec)}
}

// power converts an atom with its trailers.
func (c *converter) power(g *gPower) Expr {
	x := c.atom(g.Atom)
	pos := x.Position()
	if g.Atom.Paren || g.Atom.List || g.Atom.Brace {
		pos = c.pos(g.Atom.Pos)
	}
	for _, t := range g.Trailers {
		switch {
		case t.Call:
			call := &Call{Pos: pos, Func: x}
			call.Args, call.Keywords = c.args(t.Args)
			x = call
		case t.Attr != "":
			x = &Attribute{Pos: pos, X: x, Name: t.Attr}
		default:
			x = &Subscript{Pos: pos, X: x, Index: c.subscripts(t.Index, t.Comma)}
		}
	}
	return x
}

func (c *converter) subscripts(gs []*gSubscript, comma bool) Expr {
	var elts []Expr
	for _, g := range gs {
		var x Expr
		pos := c.pos(g.Pos)
		switch {
		case g.Colon1:
			x = &Slice{Pos: pos, Lo: c.testOpt(g.Lo), Hi: c.testOpt(g.Hi), Step: c.testOpt(g.Step)}
			if g.Star {
				c.fail(pos, "invalid syntax")
			}
		case g.Lo == nil:
			c.fail(pos, "invalid syntax")
		case g.Star:
			x = &Starred{Pos: pos, X: c.test(g.Lo)}
		default:
			x = c.test(g.Lo)
		}
		elts = append(elts, x)
	}
	if len(elts) == 1 && !comma {
		return elts[0]
	}
	return &Tuple{Pos: elts[0].Position(), Elts: elts}
}

// args converts call arguments into positional arguments and keywords.
func (c *converter) args(gs []*gArg) ([]Expr, []*Keyword) {
	var args []Expr
	var kws []*Keyword
	kwUnpack := false
	for _, g := range gs {
		pos := c.pos(g.Pos)
		x := c.test(g.X)
		if len(g.Gens) > 0 {
			if len(gs) > 1 {
				c.fail(pos, "Generator expression must be parenthesized")
			}
			x = &GeneratorExp{Pos: pos, Elt: x, Gens: c.comps(g.Gens)}
		}
		switch {
		case g.Star == "**":
			kws = append(kws, &Keyword{Pos: pos, Value: x})
			kwUnpack = true
		case g.Kw != "":
			kws = append(kws, &Keyword{Pos: pos, Name: g.Kw, Value: x})
		case g.Star == "*":
			if kwUnpack {
				c.fail(pos, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Pos: pos, X: x})
		case kwUnpack:
			c.fail(pos, "positional argument follows keyword argument unpacking")
		case len(kws) > 0:
			c.fail(pos, "positional argument follows keyword argument")
		default:
			args = append(args, x)
		}
	}
	return args, kws
}

func (c *converter) comps(gs []*gCompFor) []*Comprehension {
	out := make([]*Comprehension, len(gs))
	for i, g := range gs {
		t := c.targetList(g.Target)
		c.target(t, targetFor)
		comp := &Comprehension{Pos: c.pos(g.Pos), Async: g.Async, Target: t, Iter: c.opSeq(g.Iter, precOr)}
		for _, f := range g.Ifs {
			comp.Ifs = append(comp.Ifs, c.opSeq(f, precOr))
		}
		out[i] = comp
	}
	return out
}

func (c *converter) atom(g *gAtom) Expr {
	pos := c.pos(g.Pos)
	switch {
	case g.Name != "":
		return &Name{Pos: pos, ID: g.Name}
	case g.Int != "":
		n, ok := new(big.Int).SetString(g.Int, 0)
		if !ok {
			c.fail(pos, "invalid decimal literal")
		}
		return &Constant{Pos: pos, Value: n}
	case g.Float != "":
		f, err := strconv.ParseFloat(strings.ReplaceAll(g.Float, "_", ""), 64)
		if err != nil && f == 0 {
			c.fail(pos, "invalid decimal literal")
		}
		return &Constant{Pos: pos, Value: f}
	case g.Strings != nil:
		return c.strings(g.Strings)
	case g.Const != "":
		return &Constant{Pos: pos, Value: map[string]any{"None": nil, "True": true, "False": false, "...": Ellipsis}[g.Const]}
	case g.Paren:
		return c.paren(g, pos)
	case g.List:
		if g.ListEls == nil {
			return &List{Pos: pos}
		}
		elt, gens, elts := c.elts(g.ListEls)
		if gens != nil {
			return &ListComp{Pos: pos, Elt: elt, Gens: gens}
		}
		return &List{Pos: pos, Elts: elts}
	}
	return c.brace(g.Items, pos)
}

func (c *converter) paren(g *gAtom, pos Pos) Expr {
	switch {
	case g.Yield != nil:
		return c.yield(g.Yield)
	case g.Elts == nil:
		return &Tuple{Pos: pos}
	}
	elt, gens, elts := c.elts(g.Elts)
	switch {
	case gens != nil:
		return &GeneratorExp{Pos: pos, Elt: elt, Gens: gens}
	case len(elts) == 1 && !g.Elts.Comma:
		if s, ok := elts[0].(*Starred); ok {
			c.fail(s.Pos, "cannot use starred expression here")
		}
		return elts[0]
	}
	return &Tuple{Pos: pos, Elts: elts}
}

// elts converts the inside of a parenthesised or bracketed display: either
// a comprehension (elt, gens) or a list of elements.
func (c *converter) elts(g *gElts) (Expr, []*Comprehension, []Expr) {
	first := c.starOrTest(g.First)
	if g.Gens != nil {
		if len(g.More) > 0 || g.Comma {
			c.fail(first.Position(), "Generator expression must be parenthesized")
		}
		if s, ok := first.(*Starred); ok {
			c.fail(s.Pos, "iterable unpacking cannot be used in comprehension")
		}
		return first, c.comps(g.Gens), nil
	}
	elts := []Expr{first}
	for _, m := range g.More {
		elts = append(elts, c.starOrTest(m))
	}
	return nil, nil, elts
}

// brace converts a dict or set display or comprehension.
func (c *converter) brace(g *gBraceEls, pos Pos) Expr {
	if g == nil {
		return &Dict{Pos: pos}
	}
	isDict := g.First.Star == "**" || g.First.Value != nil
	if g.Gens != nil {
		if len(g.More) > 0 || g.Comma {
			c.fail(c.pos(g.First.Pos), "invalid syntax")
		}
		if g.First.Star != "" {
			c.fail(c.pos(g.First.Pos), "iterable unpacking cannot be used in comprehension")
		}
		if isDict {
			return &DictComp{Pos: pos, Key: c.test(g.First.Key), Value: c.test(g.First.Value), Gens: c.comps(g.Gens)}
		}
		return &SetComp{Pos: pos, Elt: c.test(g.First.Key), Gens: c.comps(g.Gens)}
	}
	items := append([]*gBraceItem{g.First}, g.More...)
	if isDict {
		d := &Dict{Pos: pos}
		for _, it := range items {
			switch {
			case it.Star == "**":
				d.Keys = append(d.Keys, nil)
				d.Values = append(d.Values, c.test(it.Key))
			case it.Star != "" || it.Value == nil:
				c.fail(c.pos(it.Pos), "invalid syntax")
			default:
				d.Keys = append(d.Keys, c.test(it.Key))
				d.Values = append(d.Values, c.test(it.Value))
			}
		}
		return d
	}
	s := &Set{Pos: pos}
	for _, it := range items {
		switch {
		case it.Star == "**" || it.Value != nil:
			c.fail(c.pos(it.Pos), "invalid syntax")
		case it.Star == "*":
			s.Elts = append(s.Elts, &Starred{Pos: c.pos(it.Pos), X: c.test(it.Key)})
		default:
			s.Elts = append(s.Elts, c.test(it.Key))
		}
	}
	return s
}
