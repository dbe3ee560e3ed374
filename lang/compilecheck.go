package lang

// unit is the code object being checked: the module, a class body, a
// function or a comprehension.
type unit struct {
	kind      scopeKind
	parent    *unit
	generator bool // the function contains yield
	loops     int  // enclosing loops, within this unit
}

// topLevel reports whether u is the module, where asyncgen allows await.
func (u *unit) topLevel() bool { return u.kind == moduleScope }

// compiler reports the errors CPython's compiler raises, in source order.
type compiler struct{}

func (c *compiler) stmts(u *unit, body []Stmt) {
	for _, s := range body {
		c.stmt(u, s)
	}
}

func (c *compiler) stmt(u *unit, s Stmt) {
	switch s := s.(type) {
	case *FuncDef:
		c.exprs(u, s.Decorators)
		c.paramParts(u, s.Params)
		c.exprOpt(u, s.Returns)
		kind := functionScope
		if s.Async {
			kind = asyncFunctionScope
		}
		c.stmts(&unit{kind: kind, parent: u, generator: hasYield(s.Body)}, s.Body)
	case *ClassDef:
		c.exprs(u, s.Decorators)
		c.exprs(u, s.Bases)
		for _, k := range s.Keywords {
			c.expr(u, k.Value)
		}
		c.stmts(&unit{kind: classScope, parent: u}, s.Body)
	case *Return:
		if u.kind != functionScope && u.kind != asyncFunctionScope {
			checkFail(s.Pos, "'return' outside function")
		}
		if s.Value != nil && u.kind == asyncFunctionScope && u.generator {
			checkFail(s.Pos, "'return' with value in async generator")
		}
		c.exprOpt(u, s.Value)
	case *Break:
		if u.loops == 0 {
			checkFail(s.Pos, "'break' outside loop")
		}
	case *Continue:
		if u.loops == 0 {
			checkFail(s.Pos, "'continue' not properly in loop")
		}
	case *For:
		if s.Async && u.kind != asyncFunctionScope && !u.topLevel() {
			checkFail(s.Pos, "'async for' outside async function")
		}
		c.assignTarget(u, s.Target)
		c.expr(u, s.Iter)
		c.loop(u, s.Body)
		c.stmts(u, s.Else)
	case *While:
		c.expr(u, s.Cond)
		c.loop(u, s.Body)
		c.stmts(u, s.Else)
	case *With:
		if s.Async && u.kind != asyncFunctionScope && !u.topLevel() {
			checkFail(s.Pos, "'async with' outside async function")
		}
		for _, it := range s.Items {
			c.expr(u, it.Context)
			if it.Target != nil {
				c.assignTarget(u, it.Target)
			}
		}
		c.stmts(u, s.Body)
	case *Assign:
		c.expr(u, s.Value)
		for _, t := range s.Targets {
			c.assignTarget(u, t)
		}
	case *ExprStmt:
		c.expr(u, s.X)
	default:
		eachChild(s, func(n Node) {
			switch n := n.(type) {
			case Stmt:
				c.stmt(u, n)
			case Expr:
				c.expr(u, n)
			default:
				eachChild(n, func(x Node) { c.node(u, x) })
			}
		})
	}
}

func (c *compiler) node(u *unit, n Node) {
	switch n := n.(type) {
	case Stmt:
		c.stmt(u, n)
	case Expr:
		c.expr(u, n)
	}
}

// loop checks a loop body, where break and continue are allowed.
func (c *compiler) loop(u *unit, body []Stmt) {
	u.loops++
	c.stmts(u, body)
	u.loops--
}

// paramParts checks defaults and annotations, evaluated in u.
func (c *compiler) paramParts(u *unit, p *Params) {
	for _, list := range [][]*Param{p.PosOnly, p.Params, {p.Vararg}, p.KwOnly, {p.Kwarg}} {
		for _, x := range list {
			if x != nil {
				c.exprOpt(u, x.Default)
				c.exprOpt(u, x.Annotation)
			}
		}
	}
}

// assignTarget checks a target of an assignment.
func (c *compiler) assignTarget(u *unit, t Expr) {
	var elts []Expr
	switch t := t.(type) {
	case *Tuple:
		elts = t.Elts
	case *List:
		elts = t.Elts
	default:
		c.expr(u, t)
		return
	}
	starred := false
	for _, e := range elts {
		if s, ok := e.(*Starred); ok {
			if starred {
				checkFail(t.Position(), "multiple starred expressions in assignment")
			}
			starred = true
			c.assignTarget(u, s.X)
			continue
		}
		c.assignTarget(u, e)
	}
}

func (c *compiler) exprs(u *unit, xs []Expr) {
	for _, x := range xs {
		c.exprOpt(u, x)
	}
}

func (c *compiler) exprOpt(u *unit, x Expr) {
	if x != nil {
		c.expr(u, x)
	}
}

// elts checks display or argument elements, where *x is allowed.
func (c *compiler) elts(u *unit, xs []Expr) {
	for _, x := range xs {
		if s, ok := x.(*Starred); ok {
			c.expr(u, s.X)
			continue
		}
		c.exprOpt(u, x)
	}
}

func (c *compiler) expr(u *unit, x Expr) {
	switch x := x.(type) {
	case *Starred:
		checkFail(x.Pos, "can't use starred expression here")
	case *Tuple:
		c.elts(u, x.Elts)
	case *List:
		c.elts(u, x.Elts)
	case *Set:
		c.elts(u, x.Elts)
	case *Call:
		c.expr(u, x.Func)
		c.elts(u, x.Args)
		for _, k := range x.Keywords {
			c.expr(u, k.Value)
		}
	case *Subscript:
		c.expr(u, x.X)
		if t, ok := x.Index.(*Tuple); ok {
			c.elts(u, t.Elts)
		} else {
			c.expr(u, x.Index)
		}
	case *Yield, *YieldFrom:
		if u.kind == moduleScope || u.kind == classScope {
			checkFail(x.Position(), "'yield' outside function")
		}
		if _, from := x.(*YieldFrom); from && u.kind == asyncFunctionScope {
			checkFail(x.Position(), "'yield from' inside async function")
		}
		eachChild(x, func(n Node) { c.node(u, n) })
	case *Await:
		switch {
		case u.topLevel():
		case u.kind == classScope:
			checkFail(x.Pos, "'await' outside function")
		case u.kind != asyncFunctionScope && u.kind != comprehensionScope:
			checkFail(x.Pos, "'await' outside async function")
		}
		c.expr(u, x.X)
	case *Lambda:
		c.paramParts(u, x.Params)
		c.expr(&unit{kind: functionScope, parent: u}, x.Body)
	case *ListComp:
		c.comp(u, x, x.Gens, x.Elt)
	case *SetComp:
		c.comp(u, x, x.Gens, x.Elt)
	case *DictComp:
		c.comp(u, x, x.Gens, x.Key, x.Value)
	case *GeneratorExp:
		c.comp(u, x, x.Gens, x.Elt)
	default:
		eachChild(x, func(n Node) { c.node(u, n) })
	}
}

// comp checks a comprehension. A list, set or dict comprehension that
// awaits is only allowed in an async function, another comprehension, or
// (in asyncgen) at module level; a generator expression may always await.
func (c *compiler) comp(u *unit, x Expr, gens []*Comprehension, elts ...Expr) {
	c.expr(u, gens[0].Iter)
	_, genexp := x.(*GeneratorExp)
	if !genexp && isAsyncComp(gens, elts) && u.kind != asyncFunctionScope && u.kind != comprehensionScope && !u.topLevel() {
		checkFail(x.Position(), "asynchronous comprehension outside of an asynchronous function")
	}
	cu := &unit{kind: comprehensionScope, parent: u}
	for i, g := range gens {
		c.assignTarget(cu, g.Target)
		if i > 0 {
			c.expr(cu, g.Iter)
		}
		c.exprs(cu, g.Ifs)
	}
	c.exprs(cu, elts)
}

// isAsyncComp reports whether a comprehension has an async for clause or
// awaits in its own scope (including in nested list, set or dict
// comprehensions).
func isAsyncComp(gens []*Comprehension, elts []Expr) bool {
	async := false
	parts := append(compParts(gens), elts...)
	for _, g := range gens {
		async = async || g.Async
	}
	for _, p := range parts {
		Walk(p, func(n Node) bool {
			switch n := n.(type) {
			case *Await:
				async = true
			case *ListComp, *SetComp, *DictComp:
				var gs []*Comprehension
				var es []Expr
				switch n := n.(type) {
				case *ListComp:
					gs, es = n.Gens, []Expr{n.Elt}
				case *SetComp:
					gs, es = n.Gens, []Expr{n.Elt}
				case *DictComp:
					gs, es = n.Gens, []Expr{n.Key, n.Value}
				}
				async = async || isAsyncComp(gs, es)
				return false
			case *Lambda, *GeneratorExp:
				return false
			}
			return !async
		})
	}
	return async
}

// hasYield reports whether a function body yields (outside nested scopes).
func hasYield(body []Stmt) bool {
	found := false
	for _, s := range body {
		Walk(s, func(n Node) bool {
			switch n.(type) {
			case *Yield, *YieldFrom:
				found = true
			case *FuncDef, *ClassDef, *Lambda, *ListComp, *SetComp, *DictComp, *GeneratorExp:
				return false
			}
			return !found
		})
	}
	return found
}
