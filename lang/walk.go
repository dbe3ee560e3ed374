package lang

// Walk calls fn for n and, while fn returns true, for each node below n in
// source order. Parameters (*Param), keywords, aliases, except handlers and
// comprehension clauses are visited as nodes; a WithItem, which has no
// position, is visited through its Context and Target.
func Walk(n Node, fn func(Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	eachChild(n, func(c Node) { Walk(c, fn) })
}

// eachChild calls fn for each direct child of n in source order.
func eachChild(n Node, fn func(Node)) {
	exprs := func(xs []Expr) {
		for _, x := range xs {
			if x != nil {
				fn(x)
			}
		}
	}
	stmts := func(ss []Stmt) {
		for _, s := range ss {
			fn(s)
		}
	}
	opt := func(x Expr) {
		if x != nil {
			fn(x)
		}
	}
	switch n := n.(type) {
	case *ExprStmt:
		fn(n.X)
	case *Assign:
		exprs(n.Targets)
		fn(n.Value)
	case *AugAssign:
		fn(n.Target)
		fn(n.Value)
	case *AnnAssign:
		fn(n.Target)
		fn(n.Annotation)
		opt(n.Value)
	case *If:
		fn(n.Cond)
		stmts(n.Body)
		stmts(n.Else)
	case *While:
		fn(n.Cond)
		stmts(n.Body)
		stmts(n.Else)
	case *For:
		fn(n.Target)
		fn(n.Iter)
		stmts(n.Body)
		stmts(n.Else)
	case *Return:
		opt(n.Value)
	case *FuncDef:
		exprs(n.Decorators)
		paramChildren(n.Params, fn)
		opt(n.Returns)
		stmts(n.Body)
	case *Param:
		opt(n.Annotation)
		opt(n.Default)
	case *ClassDef:
		exprs(n.Decorators)
		exprs(n.Bases)
		for _, k := range n.Keywords {
			fn(k)
		}
		stmts(n.Body)
	case *Try:
		stmts(n.Body)
		for _, h := range n.Handlers {
			fn(h)
		}
		stmts(n.Else)
		stmts(n.Finally)
	case *ExceptHandler:
		opt(n.Type)
		stmts(n.Body)
	case *Raise:
		opt(n.Exc)
		opt(n.Cause)
	case *Assert:
		fn(n.Test)
		opt(n.Msg)
	case *Del:
		exprs(n.Targets)
	case *With:
		for _, it := range n.Items {
			fn(it.Context)
			opt(it.Target)
		}
		stmts(n.Body)
	case *Import:
		for _, a := range n.Names {
			fn(a)
		}
	case *ImportFrom:
		for _, a := range n.Names {
			fn(a)
		}
	case *JoinedStr:
		exprs(n.Values)
	case *FormattedValue:
		fn(n.Value)
		if n.Spec != nil {
			fn(n.Spec)
		}
	case *BinOp:
		fn(n.X)
		fn(n.Y)
	case *UnaryOp:
		fn(n.X)
	case *BoolOp:
		exprs(n.Values)
	case *Compare:
		fn(n.Left)
		exprs(n.Comparators)
	case *Call:
		fn(n.Func)
		exprs(n.Args)
		for _, k := range n.Keywords {
			fn(k)
		}
	case *Keyword:
		fn(n.Value)
	case *Attribute:
		fn(n.X)
	case *Subscript:
		fn(n.X)
		fn(n.Index)
	case *Slice:
		opt(n.Lo)
		opt(n.Hi)
		opt(n.Step)
	case *Starred:
		fn(n.X)
	case *IfExp:
		fn(n.Then)
		fn(n.Cond)
		fn(n.Else)
	case *Lambda:
		paramChildren(n.Params, fn)
		fn(n.Body)
	case *List:
		exprs(n.Elts)
	case *Tuple:
		exprs(n.Elts)
	case *Set:
		exprs(n.Elts)
	case *Dict:
		for i, v := range n.Values {
			opt(n.Keys[i])
			fn(v)
		}
	case *Comprehension:
		fn(n.Target)
		fn(n.Iter)
		exprs(n.Ifs)
	case *ListComp:
		fn(n.Elt)
		comps(n.Gens, fn)
	case *SetComp:
		fn(n.Elt)
		comps(n.Gens, fn)
	case *GeneratorExp:
		fn(n.Elt)
		comps(n.Gens, fn)
	case *DictComp:
		fn(n.Key)
		fn(n.Value)
		comps(n.Gens, fn)
	case *Await:
		fn(n.X)
	case *Yield:
		opt(n.X)
	case *YieldFrom:
		fn(n.X)
	}
}

func comps(gens []*Comprehension, fn func(Node)) {
	for _, g := range gens {
		fn(g)
	}
}

// paramChildren visits the parameters of a def or lambda in source order.
func paramChildren(p *Params, fn func(Node)) {
	if p == nil {
		return
	}
	for _, list := range [][]*Param{p.PosOnly, p.Params, {p.Vararg}, p.KwOnly, {p.Kwarg}} {
		for _, x := range list {
			if x != nil {
				fn(x)
			}
		}
	}
}
