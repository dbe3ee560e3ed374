package lang

import "strings"

// stmts converts a statement list.
func (c *converter) stmts(gs []*gStmt) []Stmt {
	var out []Stmt
	for _, g := range gs {
		if g.Compound != nil {
			out = append(out, c.compound(g.Compound))
			continue
		}
		for _, s := range g.Simple.Small {
			out = append(out, c.small(s))
		}
	}
	return out
}

func (c *converter) block(b *gBlock) []Stmt {
	if b == nil {
		return nil
	}
	if b.Simple != nil {
		return c.stmts([]*gStmt{{Simple: b.Simple}})
	}
	return c.stmts(b.Stmts)
}

func (c *converter) small(g *gSmall) Stmt {
	pos := c.pos(g.Pos)
	switch {
	case g.Pass:
		return &Pass{pos}
	case g.Break:
		return &Break{pos}
	case g.Continue:
		return &Continue{pos}
	case g.Return != nil:
		return &Return{Pos: pos, Value: c.exprListOpt(g.Return.X)}
	case g.Raise != nil:
		return &Raise{Pos: pos, Exc: c.testOpt(g.Raise.Exc), Cause: c.testOpt(g.Raise.Cause)}
	case g.Global != nil:
		return &Global{Pos: pos, Names: g.Global}
	case g.Nonlocal != nil:
		return &Nonlocal{Pos: pos, Names: g.Nonlocal}
	case g.Del != nil:
		d := &Del{Pos: pos}
		for _, it := range g.Del.Items {
			d.Targets = append(d.Targets, c.starOrTest(it))
		}
		for _, t := range d.Targets {
			c.target(t, targetDel)
		}
		return d
	case g.Assert != nil:
		return &Assert{Pos: pos, Test: c.test(g.Assert.Test), Msg: c.testOpt(g.Assert.Msg)}
	case g.Import != nil:
		return &Import{Pos: pos, Names: c.aliases(g.Import)}
	case g.From != nil:
		f := &ImportFrom{Pos: pos, Module: g.From.Module, Names: c.aliases(g.From.Names)}
		if g.From.Star {
			f.Names = []*Alias{{Pos: pos, Name: "*"}}
		}
		return f
	}
	return c.exprStmt(g.Expr)
}

func (c *converter) aliases(gs []*gAlias) []*Alias {
	out := make([]*Alias, len(gs))
	for i, a := range gs {
		out[i] = &Alias{Pos: c.pos(a.Pos), Name: a.Name, AsName: a.As}
	}
	return out
}

func (c *converter) exprStmt(g *gExprStmt) Stmt {
	pos := c.pos(g.Pos)
	x := c.yieldOrList(g.X)
	switch {
	case g.AugOp != "":
		c.target(x, targetAug)
		return &AugAssign{Pos: pos, Target: x, Op: binaryOps[strings.TrimSuffix(g.AugOp, "=")], Value: c.yieldOrList(g.Aug)}
	case g.Annot != nil:
		c.target(x, targetAnn)
		var v Expr
		if g.AnnVal != nil {
			v = c.yieldOrList(g.AnnVal)
		}
		return &AnnAssign{Pos: pos, Target: x, Annotation: c.test(g.Annot), Value: v}
	case len(g.Values) > 0:
		a := &Assign{Pos: pos, Targets: []Expr{x}}
		for _, v := range g.Values[:len(g.Values)-1] {
			a.Targets = append(a.Targets, c.yieldOrList(v))
		}
		for _, t := range a.Targets {
			c.target(t, targetAssign)
		}
		a.Value = c.yieldOrList(g.Values[len(g.Values)-1])
		return a
	}
	return &ExprStmt{Pos: pos, X: x}
}

func (c *converter) compound(g *gCompound) Stmt {
	switch {
	case g.If != nil:
		return c.ifStmt(g.If)
	case g.While != nil:
		w := g.While
		return &While{Pos: c.pos(w.Pos), Cond: c.test(w.Cond), Body: c.block(w.Body), Else: c.block(w.Else)}
	case g.For != nil:
		return c.forStmt(g.For, c.pos(g.For.Pos), false)
	case g.Try != nil:
		return c.try(g.Try)
	case g.With != nil:
		return c.with(g.With, c.pos(g.With.Pos), false)
	case g.Def != nil:
		return c.def(g.Def, c.pos(g.Def.Pos), false, nil)
	case g.Class != nil:
		return c.class(g.Class, nil)
	case g.Decorated != nil:
		d := g.Decorated
		var decos []Expr
		for _, t := range d.Decorators {
			decos = append(decos, c.test(t))
		}
		switch {
		case d.Class != nil:
			return c.class(d.Class, decos)
		case d.Def != nil:
			return c.def(d.Def, c.pos(d.Def.Pos), false, decos)
		}
		return c.def(d.Async, c.pos(d.AsyncTok.Pos), true, decos)
	}
	a := g.Async
	pos := c.pos(a.Pos)
	switch {
	case a.Def != nil:
		return c.def(a.Def, pos, true, nil)
	case a.For != nil:
		return c.forStmt(a.For, pos, true)
	}
	return c.with(a.With, pos, true)
}

func (c *converter) ifStmt(g *gIf) Stmt {
	s := &If{Pos: c.pos(g.Pos), Cond: c.test(g.Cond), Body: c.block(g.Body)}
	last := s
	for _, e := range g.Elif {
		n := &If{Pos: c.pos(e.Pos), Cond: c.test(e.Cond), Body: c.block(e.Body)}
		last.Else = []Stmt{n}
		last = n
	}
	last.Else = c.block(g.Else)
	return s
}

func (c *converter) forStmt(g *gFor, pos Pos, async bool) Stmt {
	t := c.targetList(g.Target)
	c.target(t, targetFor)
	return &For{Pos: pos, Async: async, Target: t, Iter: c.exprList(g.Iter), Body: c.block(g.Body), Else: c.block(g.Else)}
}

func (c *converter) try(g *gTry) Stmt {
	t := &Try{Pos: c.pos(g.Pos), Body: c.block(g.Body), Else: c.block(g.Else), Finally: c.block(g.Finally)}
	for _, h := range g.Handlers {
		t.Handlers = append(t.Handlers, &ExceptHandler{Pos: c.pos(h.Pos), Type: c.testOpt(h.Type), Name: h.Name, Body: c.block(h.Body)})
	}
	return t
}

func (c *converter) with(g *gWith, pos Pos, async bool) Stmt {
	w := &With{Pos: pos, Async: async, Body: c.block(g.Body)}
	items := g.Items
	if g.Parens != nil {
		items = g.Parens
	}
	for _, it := range items {
		wi := &WithItem{Context: c.test(it.Context)}
		if it.Target != nil {
			wi.Target = c.targetItem(it.Target)
			c.target(wi.Target, targetWith)
		}
		w.Items = append(w.Items, wi)
	}
	return w
}

func (c *converter) def(g *gDef, pos Pos, async bool, decos []Expr) Stmt {
	return &FuncDef{Pos: pos, Async: async, Name: g.Name, Params: c.params(g.Params), Returns: c.testOpt(g.Returns), Body: c.block(g.Body), Decorators: decos}
}

func (c *converter) class(g *gClass, decos []Expr) Stmt {
	s := &ClassDef{Pos: c.pos(g.Pos), Name: g.Name, Body: c.block(g.Body), Decorators: decos}
	s.Bases, s.Keywords = c.args(g.Args)
	return s
}

// lambdaParams converts lambda parameters, which have no annotations.
func (c *converter) lambdaParams(gs []*gLambdaParam) *Params {
	ps := make([]*gParam, len(gs))
	for i, g := range gs {
		ps[i] = &gParam{Pos: g.Pos, Slash: g.Slash, Star: g.Star, Name: g.Name, Default: g.Default}
	}
	return c.params(ps)
}

// params converts and checks a parameter list.
func (c *converter) params(gs []*gParam) *Params {
	ps := &Params{}
	star, slash, dflt := false, false, false
	for i, g := range gs {
		pos := c.pos(g.Pos)
		if ps.Kwarg != nil {
			c.fail(pos, "arguments cannot follow var-keyword argument")
		}
		p := &Param{Pos: pos, Name: g.Name, Annotation: c.testOpt(g.Annot), Default: c.testOpt(g.Default)}
		switch {
		case g.Slash:
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
		case g.Star == "*":
			if star {
				c.fail(pos, "* argument may appear only once")
			}
			star = true
			if p.Default != nil {
				c.fail(pos, "var-positional argument cannot have default value")
			}
			if g.Name != "" {
				ps.Vararg = p
			} else if i == len(gs)-1 || gs[i+1].Star == "**" {
				c.fail(pos, "named arguments must follow bare *")
			}
		case g.Star == "**":
			if g.Name == "" {
				c.fail(pos, "invalid syntax")
			}
			if p.Default != nil {
				c.fail(pos, "var-keyword argument cannot have default value")
			}
			ps.Kwarg = p
		case star:
			ps.KwOnly = append(ps.KwOnly, p)
		default:
			if p.Default != nil {
				dflt = true
			} else if dflt {
				c.fail(pos, "non-default argument follows default argument")
			}
			ps.Params = append(ps.Params, p)
		}
	}
	return ps
}
