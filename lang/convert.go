package lang

// stmts converts a statement list.
func (c *converter) stmts(gs []*gStmt) []Stmt {
	var out []Stmt
	for _, g := range gs {
		if g.Simple.X != nil {
			out = append(out, g.Simple.X...)
			continue
		}
		out = append(out, c.compound(g))
	}
	return out
}

func (c *converter) block(b *gBlock) []Stmt {
	if b == nil {
		return nil
	}
	if b.Simple.X != nil {
		return b.Simple.X
	}
	return c.stmts(b.Stmts)
}

func (c *converter) compound(g *gStmt) Stmt {
	pos := c.pos(g.Pos)
	switch {
	case g.If != nil:
		return c.ifStmt(g.If, pos)
	case g.While != nil:
		w := g.While
		return &While{Pos: pos, Cond: w.Cond.X, Body: c.block(w.Body), Else: c.block(w.Else)}
	case g.For != nil:
		return c.forStmt(g.For, pos, false)
	case g.Try != nil:
		return c.try(g.Try, pos)
	case g.With != nil:
		return c.with(g.With, pos, false)
	case g.Def != nil:
		return c.def(g.Def, pos, false, nil)
	case g.Class != nil:
		return c.class(g.Class, pos, nil)
	case g.Decorated != nil:
		d := g.Decorated
		decos := make([]Expr, len(d.Decorators))
		for i, t := range d.Decorators {
			decos[i] = t.X
		}
		t := d.Target
		pos := c.pos(t.Pos)
		switch {
		case t.Class != nil:
			return c.class(t.Class, pos, decos)
		case t.Def != nil:
			return c.def(t.Def, pos, false, decos)
		}
		return c.def(t.Async, pos, true, decos)
	}
	a := g.Async
	switch {
	case a.Def != nil:
		return c.def(a.Def, pos, true, nil)
	case a.For != nil:
		return c.forStmt(a.For, pos, true)
	}
	return c.with(a.With, pos, true)
}

func (c *converter) ifStmt(g *gIf, pos Pos) Stmt {
	s := &If{Pos: pos, Cond: g.Cond.X, Body: c.block(g.Body)}
	last := s
	for _, e := range g.Elif {
		n := &If{Pos: c.pos(e.Pos), Cond: e.Cond.X, Body: c.block(e.Body)}
		last.Else = []Stmt{n}
		last = n
	}
	last.Else = c.block(g.Else)
	return s
}

func (c *converter) forStmt(g *gFor, pos Pos, async bool) Stmt {
	return &For{Pos: pos, Async: async, Target: g.Target.X, Iter: g.Iter.X, Body: c.block(g.Body), Else: c.block(g.Else)}
}

func (c *converter) try(g *gTry, pos Pos) Stmt {
	if len(g.Handlers) == 0 && g.Finally == nil {
		p := g.EndPos
		if g.Else != nil {
			p = g.ElseTok.Pos
		} else if p == c.end {
			p = c.lastLine // CPython points at the end of the last line
		}
		c.failAt(p, "expected 'except' or 'finally' block")
	}
	t := &Try{Pos: pos, Body: c.block(g.Body), Else: c.block(g.Else), Finally: c.block(g.Finally)}
	for _, h := range g.Handlers {
		t.Handlers = append(t.Handlers, &ExceptHandler{Pos: c.pos(h.Pos), Type: h.Type.X, Name: h.Name, Body: c.block(h.Body)})
	}
	return t
}

func (c *converter) with(g *gWith, pos Pos, async bool) Stmt {
	return &With{Pos: pos, Async: async, Items: g.Items.X, Body: c.block(g.Body)}
}

func (c *converter) def(g *gDef, pos Pos, async bool, decos []Expr) Stmt {
	return &FuncDef{Pos: pos, Async: async, Name: g.Name, Params: g.Params.X, Returns: g.Returns.X, Body: c.block(g.Body), Decorators: decos}
}

func (c *converter) class(g *gClass, pos Pos, decos []Expr) Stmt {
	s := &ClassDef{Pos: pos, Name: g.Name, Body: c.block(g.Body), Decorators: decos}
	if a := g.Args.X; a != nil {
		s.Bases, s.Keywords = a.Args, a.Keywords
	}
	return s
}
