package lang

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// startsSmall reports whether t can start a simple statement.
func startsSmall(t *lexer.Token) bool {
	if t.Type == tokKeyword {
		switch t.Value {
		case "pass", "break", "continue", "return", "raise", "global", "nonlocal",
			"del", "assert", "import", "from", "yield":
			return true
		}
	}
	return startsStarExpr(t)
}

// smallStmt parses one simple statement.
func (c *converter) smallStmt() Stmt {
	t := c.peek()
	pos := c.pos(t.Pos)
	if t.Type != tokKeyword {
		return c.exprStmt()
	}
	switch t.Value {
	case "pass":
		c.next()
		return &Pass{pos}
	case "break":
		c.next()
		return &Break{pos}
	case "continue":
		c.next()
		return &Continue{pos}
	case "return":
		c.next()
		r := &Return{Pos: pos}
		if startsStarExpr(c.peek()) {
			r.Value = c.starExprs()
		}
		return r
	case "raise":
		c.next()
		r := &Raise{Pos: pos}
		if startsExpr(c.peek()) {
			r.Exc = c.test()
			if c.accept("from") {
				r.Cause = c.test()
			}
		}
		return r
	case "global":
		c.next()
		return &Global{Pos: pos, Names: c.names()}
	case "nonlocal":
		c.next()
		return &Nonlocal{Pos: pos, Names: c.names()}
	case "del":
		c.next()
		d := &Del{Pos: pos}
		for {
			x := c.starOrTest()
			c.target(x, targetDel)
			d.Targets = append(d.Targets, x)
			if !c.accept(",") || !startsStarExpr(c.peek()) {
				return d
			}
		}
	case "assert":
		c.next()
		a := &Assert{Pos: pos, Test: c.test()}
		if c.accept(",") {
			a.Msg = c.test()
		}
		return a
	case "import":
		c.next()
		im := &Import{Pos: pos}
		for {
			im.Names = append(im.Names, c.alias(true))
			if !c.accept(",") {
				return im
			}
		}
	case "from":
		return c.importFrom()
	}
	return c.exprStmt()
}

// line parses simple statements separated by ';' (an optional ';' may end
// the line) and the NEWLINE that ends them.
func (c *converter) line() []Stmt {
	var stmts []Stmt
	for {
		stmts = append(stmts, c.simpleEnd(c.smallStmt()))
		if c.accept(";") && startsSmall(c.peek()) {
			continue
		}
		if c.peek().Type != tokNewline {
			c.unexpected()
		}
		c.next()
		return stmts
	}
}

// lines parses consecutive lines of simple statements, so that participle
// makes one statement node for them.
func (c *converter) lines() []Stmt {
	stmts := c.line()
	for startsSmall(c.peek()) {
		stmts = append(stmts, c.line()...)
	}
	return stmts
}

// simpleEnd checks that a simple statement is followed by ';' or the end
// of the line, as CPython reports the token that is not.
func (c *converter) simpleEnd(s Stmt) Stmt {
	if t := c.peek(); !c.is(";") && t.Type != tokNewline {
		c.unexpected()
	}
	return s
}

// names parses `a, b, c`.
func (c *converter) names() []string {
	var names []string
	for {
		names = append(names, c.name())
		if !c.accept(",") {
			return names
		}
	}
}

// name consumes an identifier.
func (c *converter) name() string {
	t := c.peek()
	if t.Type != tokName {
		c.unexpected()
	}
	c.next()
	return t.Value
}

// alias parses `name [as name]`; the name may be dotted in an import.
func (c *converter) alias(dotted bool) *Alias {
	a := &Alias{Pos: c.pos(c.peek().Pos), Name: c.name()}
	for dotted && c.accept(".") {
		a.Name += "." + c.name()
	}
	if c.accept("as") {
		a.AsName = c.name()
	}
	return a
}

func (c *converter) importFrom() Stmt {
	f := &ImportFrom{Pos: c.pos(c.next().Pos)}
	var mod strings.Builder
	for c.is(".") || c.is("...") {
		mod.WriteString(c.next().Value)
	}
	if c.peek().Type == tokName || mod.Len() == 0 {
		mod.WriteString(c.name())
		for c.accept(".") {
			mod.WriteString("." + c.name())
		}
	}
	f.Module = mod.String()
	c.expect("import")
	if c.is("*") {
		f.Names = []*Alias{{Pos: c.pos(c.next().Pos), Name: "*"}}
		return f
	}
	paren := c.accept("(")
	for {
		f.Names = append(f.Names, c.alias(false))
		if !c.accept(",") {
			break
		}
		if paren && c.is(")") {
			break
		}
	}
	if paren {
		c.expect(")")
	}
	return f
}

var augOps = map[string]Op{
	"+=": Add, "-=": Sub, "*=": Mul, "/=": Div, "//=": FloorDiv, "%=": Mod, "**=": Pow,
	"&=": BitAnd, "|=": BitOr, "^=": BitXor, "<<=": LShift, ">>=": RShift,
}

// exprStmt parses an expression statement or an assignment.
func (c *converter) exprStmt() Stmt {
	pos := c.pos(c.peek().Pos)
	x := c.yieldOrStarExprs()
	if n, ok := x.(*Name); ok && (n.ID == "print" || n.ID == "exec") && startsStarExpr(c.peek()) {
		c.fail(pos, "Missing parentheses in call to '%s'. Did you mean %s(...)?", n.ID, n.ID)
	}
	t := c.peek()
	if op, ok := augOps[t.Value]; ok && t.Type == tokOp {
		c.target(x, targetAug)
		c.next()
		return &AugAssign{Pos: pos, Target: x, Op: op, Value: c.yieldOrStarExprs()}
	}
	switch {
	case c.is(":"):
		c.target(x, targetAnn)
		c.next()
		a := &AnnAssign{Pos: pos, Target: x, Annotation: c.test()}
		if c.accept("=") {
			a.Value = c.yieldOrStarExprs()
		}
		return a
	case c.is("="):
		a := &Assign{Pos: pos}
		for c.accept("=") {
			a.Targets = append(a.Targets, x)
			if !startsStarExpr(c.peek()) && !c.is("yield") && !validTarget(x) {
				c.target(x, targetAssign)
			}
			x = c.yieldOrStarExprs()
		}
		a.Value = x
		for i, t := range a.Targets {
			next := a.Value
			if i+1 < len(a.Targets) {
				next = a.Targets[i+1]
			}
			c.assignTarget(t, next, i+1 == len(a.Targets))
		}
		return a
	}
	return &ExprStmt{Pos: pos, X: x}
}
