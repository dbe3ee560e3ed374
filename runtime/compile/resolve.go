package compile

import "github.com/asyncgen/asyncgen/lang"

// resolver builds the scope tree of a file: the first pass notes which
// names each scope binds, declares and uses; resolve then decides slots,
// cells and free variables.
type resolver struct {
	scopes  map[lang.Node]*scope
	all     []*scope // in creation order: parents before children
	declPos map[*scope]map[string]lang.Pos
	cur     *scope
	depth   int   // syntactic nesting, bounded by maxNesting
	err     error // the first nesting error
}

// resolveFile returns the module scope and the scopes of every function,
// lambda, class and comprehension node.
func resolveFile(f *lang.File) (*scope, map[lang.Node]*scope, error) {
	r := &resolver{scopes: map[lang.Node]*scope{}, declPos: map[*scope]map[string]lang.Pos{}}
	mod := r.push(moduleScope, nil, "<module>")
	r.stmts(f.Body)
	if r.err != nil {
		return nil, nil, r.err
	}
	for _, s := range r.all {
		if err := r.resolve(s); err != nil {
			return nil, nil, err
		}
	}
	for _, s := range r.all {
		s.finish()
	}
	return mod, r.scopes, nil
}

func (r *resolver) push(kind scopeKind, node lang.Node, name string) *scope {
	s := newScope(kind, r.cur, name)
	if node != nil {
		r.scopes[node] = s
	}
	r.all = append(r.all, s)
	r.cur = s
	return s
}

func (r *resolver) bind(name string) { r.cur.note(name, defLocal) }
func (r *resolver) use(name string) {
	r.cur.note(name, use)
	if name == "super" || name == "__class__" {
		r.cur.usesClass = r.cur.kind == funcScope
	}
}

func (r *resolver) stmts(list []lang.Stmt) {
	for _, s := range list {
		r.stmt(s)
	}
}

// nest counts one level of nesting at pos; it reports false (and records
// the error) when the tree is too deep to walk.
func (r *resolver) nest(pos lang.Pos) bool {
	r.depth++
	if r.depth > maxNesting && r.err == nil {
		r.err = syntaxError(pos, "too many nested expressions")
	}
	return r.err == nil
}

func (r *resolver) stmt(s lang.Stmt) {
	defer func() { r.depth-- }()
	if !r.nest(s.Position()) {
		return
	}
	switch s := s.(type) {
	case *lang.ExprStmt:
		r.expr(s.X)
	case *lang.Assign:
		r.expr(s.Value)
		for _, t := range s.Targets {
			r.target(t)
		}
	case *lang.AugAssign:
		r.expr(s.Value)
		r.expr(s.Target)
		r.target(s.Target)
	case *lang.AnnAssign:
		if s.Value != nil {
			r.expr(s.Value)
		}
		if r.cur.kind != funcScope {
			r.expr(s.Annotation)
		}
		if _, simple := s.Target.(*lang.Name); !simple || s.Value != nil || r.cur.kind == funcScope {
			r.target(s.Target)
		}
	case *lang.If:
		r.expr(s.Cond)
		r.stmts(s.Body)
		r.stmts(s.Else)
	case *lang.While:
		r.expr(s.Cond)
		r.stmts(s.Body)
		r.stmts(s.Else)
	case *lang.For:
		r.expr(s.Iter)
		r.target(s.Target)
		r.stmts(s.Body)
		r.stmts(s.Else)
		if s.Async {
			r.awaits()
		}
	case *lang.Return:
		if s.Value != nil {
			r.expr(s.Value)
		}
	case *lang.Global:
		for _, n := range s.Names {
			r.declare(n, defGlobal, s.Pos)
		}
	case *lang.Nonlocal:
		for _, n := range s.Names {
			r.declare(n, defNonlocal, s.Pos)
		}
	case *lang.FuncDef:
		r.funcDef(s)
	case *lang.ClassDef:
		r.classDef(s)
	case *lang.Try:
		r.stmts(s.Body)
		for _, h := range s.Handlers {
			if h.Type != nil {
				r.expr(h.Type)
			}
			if h.Name != "" {
				r.bind(h.Name)
			}
			r.stmts(h.Body)
		}
		r.stmts(s.Else)
		r.stmts(s.Finally)
	case *lang.Raise:
		if s.Exc != nil {
			r.expr(s.Exc)
		}
		if s.Cause != nil {
			r.expr(s.Cause)
		}
	case *lang.Assert:
		r.expr(s.Test)
		if s.Msg != nil {
			r.expr(s.Msg)
		}
	case *lang.Del:
		for _, t := range s.Targets {
			r.target(t)
		}
	case *lang.With:
		for _, it := range s.Items {
			r.expr(it.Context)
			if it.Target != nil {
				r.target(it.Target)
			}
		}
		r.stmts(s.Body)
		if s.Async {
			r.awaits()
		}
	case *lang.Import:
		for _, a := range s.Names {
			if a.AsName != "" {
				r.bind(a.AsName)
			} else {
				r.bind(firstComponent(a.Name))
			}
		}
	case *lang.ImportFrom:
		for _, a := range s.Names {
			switch {
			case a.Name == "*":
			case a.AsName != "":
				r.bind(a.AsName)
			default:
				r.bind(a.Name)
			}
		}
	}
}

func firstComponent(dotted string) string {
	for i := 0; i < len(dotted); i++ {
		if dotted[i] == '.' {
			return dotted[:i]
		}
	}
	return dotted
}

func (r *resolver) declare(name string, flag int, pos lang.Pos) {
	r.cur.note(name, flag)
	m := r.declPos[r.cur]
	if m == nil {
		m = map[string]lang.Pos{}
		r.declPos[r.cur] = m
	}
	if _, ok := m[name]; !ok {
		m[name] = pos
	}
}

// awaits notes an await, async for or async with in the current scope.
func (r *resolver) awaits() {
	s := r.cur
	switch {
	case s.kind == moduleScope:
		s.topAwait = true
	case s.comp:
		s.async = true
	}
}

func (r *resolver) funcDef(s *lang.FuncDef) {
	for _, d := range s.Decorators {
		r.expr(d)
	}
	r.paramDefaults(s.Params)
	r.bind(s.Name)
	outer := r.cur
	fs := r.push(funcScope, s, s.Name)
	fs.async = s.Async
	r.params(s.Params)
	r.stmts(s.Body)
	r.cur = outer
}

func (r *resolver) paramDefaults(p *lang.Params) {
	for _, list := range [][]*lang.Param{p.PosOnly, p.Params, p.KwOnly} {
		for _, q := range list {
			if q.Default != nil {
				r.expr(q.Default)
			}
		}
	}
}

func (r *resolver) params(p *lang.Params) {
	s := r.cur
	add := func(q *lang.Param) {
		s.note(q.Name, defParam)
		s.params = append(s.params, q.Name)
	}
	for _, q := range p.PosOnly {
		add(q)
	}
	for _, q := range p.Params {
		add(q)
	}
	for _, q := range p.KwOnly {
		add(q)
	}
	if p.Vararg != nil {
		add(p.Vararg)
	}
	if p.Kwarg != nil {
		add(p.Kwarg)
	}
}

func (r *resolver) classDef(s *lang.ClassDef) {
	for _, d := range s.Decorators {
		r.expr(d)
	}
	for _, b := range s.Bases {
		r.expr(b)
	}
	for _, k := range s.Keywords {
		r.expr(k.Value)
	}
	r.bind(s.Name)
	outer := r.cur
	r.push(classScope, s, s.Name)
	r.stmts(s.Body)
	r.cur = outer
}

// target notes the names bound by an assignment or del target and the
// expressions it evaluates.
func (r *resolver) target(t lang.Expr) {
	switch t := t.(type) {
	case *lang.Name:
		r.bind(t.ID)
	case *lang.Tuple:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *lang.List:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *lang.Starred:
		r.target(t.X)
	case *lang.Attribute:
		r.expr(t.X)
	case *lang.Subscript:
		r.expr(t.X)
		r.expr(t.Index)
	default:
		r.expr(t)
	}
}

func (r *resolver) exprs(list []lang.Expr) {
	for _, e := range list {
		if e != nil {
			r.expr(e)
		}
	}
}

func (r *resolver) expr(e lang.Expr) {
	defer func() { r.depth-- }()
	if !r.nest(e.Position()) {
		return
	}
	switch e := e.(type) {
	case *lang.Name:
		r.use(e.ID)
	case *lang.Constant:
	case *lang.JoinedStr:
		r.exprs(e.Values)
	case *lang.FormattedValue:
		r.expr(e.Value)
		if e.Spec != nil {
			r.expr(e.Spec)
		}
	case *lang.BinOp:
		r.expr(e.X)
		r.expr(e.Y)
	case *lang.UnaryOp:
		r.expr(e.X)
	case *lang.BoolOp:
		r.exprs(e.Values)
	case *lang.Compare:
		r.expr(e.Left)
		r.exprs(e.Comparators)
	case *lang.Call:
		r.expr(e.Func)
		r.exprs(e.Args)
		for _, k := range e.Keywords {
			r.expr(k.Value)
		}
	case *lang.Attribute:
		r.expr(e.X)
	case *lang.Subscript:
		r.expr(e.X)
		r.expr(e.Index)
	case *lang.Slice:
		r.exprs([]lang.Expr{e.Lo, e.Hi, e.Step})
	case *lang.Starred:
		r.expr(e.X)
	case *lang.IfExp:
		r.expr(e.Cond)
		r.expr(e.Then)
		r.expr(e.Else)
	case *lang.Lambda:
		r.paramDefaults(e.Params)
		outer := r.cur
		r.push(funcScope, e, "<lambda>")
		r.params(e.Params)
		r.expr(e.Body)
		r.cur = outer
	case *lang.List:
		r.exprs(e.Elts)
	case *lang.Tuple:
		r.exprs(e.Elts)
	case *lang.Set:
		r.exprs(e.Elts)
	case *lang.Dict:
		r.exprs(e.Keys)
		r.exprs(e.Values)
	case *lang.ListComp:
		r.comp(e, "<listcomp>", false, e.Gens, e.Elt)
	case *lang.SetComp:
		r.comp(e, "<setcomp>", false, e.Gens, e.Elt)
	case *lang.DictComp:
		r.comp(e, "<dictcomp>", false, e.Gens, e.Key, e.Value)
	case *lang.GeneratorExp:
		r.comp(e, "<genexpr>", true, e.Gens, e.Elt)
	case *lang.Await:
		r.expr(e.X)
		r.awaits()
	case *lang.Yield:
		if e.X != nil {
			r.expr(e.X)
		}
		r.cur.generator = true
	case *lang.YieldFrom:
		r.expr(e.X)
		r.cur.generator = true
	}
}

// comp opens the scope of a comprehension: its first iterable belongs to
// the enclosing scope, everything else to the comprehension.
func (r *resolver) comp(node lang.Expr, name string, gen bool, gens []*lang.Comprehension, elts ...lang.Expr) {
	r.expr(gens[0].Iter)
	outer := r.cur
	s := r.push(funcScope, node, name)
	s.comp = true
	s.generator = gen
	s.note(".0", defParam)
	s.params = []string{".0"}
	for i, g := range gens {
		if i > 0 {
			r.expr(g.Iter)
		}
		r.target(g.Target)
		r.exprs(g.Ifs)
		if g.Async {
			r.awaits()
		}
	}
	r.exprs(elts)
	r.cur = outer
	if s.async && !gen {
		// An async list, set or dict comprehension is awaited where it
		// appears.
		r.awaits()
	}
}
