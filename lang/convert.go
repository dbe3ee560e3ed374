package lang

// stmts converts a statement list.
func (c *converter) stmts(gs []*gStmt) []Stmt {
	var out []Stmt
	for _, g := range gs {
		if g.Compound != nil {
			out = append(out, c.compound(g.Compound))
			continue
		}
		out = append(out, g.Simple.(*stmtLine).Stmts...)
	}
	return out
}

func (c *converter) block(b *gBlock) []Stmt {
	if b == nil {
		return nil
	}
	if b.Simple != nil {
		return b.Simple.(*stmtLine).Stmts
	}
	return c.stmts(b.Stmts)
}

func (c *converter) compound(g *gCompound) Stmt {
	switch {
	case g.If != nil:
		return c.ifStmt(g.If)
	case g.While != nil:
		w := g.While
		return &While{Pos: c.pos(w.Pos), Cond: w.Cond, Body: c.block(w.Body), Else: c.block(w.Else)}
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
			decos = append(decos, t)
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
	s := &If{Pos: c.pos(g.Pos), Cond: g.Cond, Body: c.block(g.Body)}
	last := s
	for _, e := range g.Elif {
		n := &If{Pos: c.pos(e.Pos), Cond: e.Cond, Body: c.block(e.Body)}
		last.Else = []Stmt{n}
		last = n
	}
	last.Else = c.block(g.Else)
	return s
}

func (c *converter) forStmt(g *gFor, pos Pos, async bool) Stmt {
	return &For{Pos: pos, Async: async, Target: g.Target, Iter: g.Iter, Body: c.block(g.Body), Else: c.block(g.Else)}
}

func (c *converter) try(g *gTry) Stmt {
	if len(g.Handlers) == 0 && g.Finally == nil {
		p := g.EndPos
		if g.Else != nil {
			p = g.ElseTok.Pos
		} else if p == c.end {
			p = c.lastLine // CPython points at the end of the last line
		}
		c.failAt(p, "expected 'except' or 'finally' block")
	}
	t := &Try{Pos: c.pos(g.Pos), Body: c.block(g.Body), Else: c.block(g.Else), Finally: c.block(g.Finally)}
	for _, h := range g.Handlers {
		t.Handlers = append(t.Handlers, &ExceptHandler{Pos: c.pos(h.Pos), Type: h.Type, Name: h.Name, Body: c.block(h.Body)})
	}
	return t
}

func (c *converter) with(g *gWith, pos Pos, async bool) Stmt {
	return &With{Pos: pos, Async: async, Items: g.Items.(*withItems).Items, Body: c.block(g.Body)}
}

func (c *converter) def(g *gDef, pos Pos, async bool, decos []Expr) Stmt {
	return &FuncDef{Pos: pos, Async: async, Name: g.Name, Params: g.Params.(*paramList).Params, Returns: g.Returns, Body: c.block(g.Body), Decorators: decos}
}

func (c *converter) class(g *gClass, decos []Expr) Stmt {
	s := &ClassDef{Pos: c.pos(g.Pos), Name: g.Name, Body: c.block(g.Body), Decorators: decos}
	if a, ok := g.Args.(*argList); ok {
		s.Bases, s.Keywords = a.Args, a.Keywords
	}
	return s
}
