package lang

import "fmt"

// This file holds the checks CPython makes after parsing: its symbol-table
// pass (declarations, parameters, nonlocal bindings) and the errors its
// compiler raises while walking the code in source order (return, yield,
// await, async, break, continue, starred expressions). As CPython does, the
// symbol-table errors come before the compiler's, and the first error wins.
//
// asyncgen accepts await, async for, async with and async comprehensions at
// module level (as CPython does with PyCF_ALLOW_TOP_LEVEL_AWAIT).

// check runs the static checks on a parsed file and returns the first
// error. CPython checks the depth of the whole tree first; the symbol-table
// pass checks it as it goes, so the tree is walked again only if that
// pass fails before the end.
func check(f *File) *Error {
	root := &scope{kind: moduleScope}
	s := &symtab{}
	if err := catch(func() { s.block(root, f.Body); s.resolve(root) }); err != nil {
		if err.Kind != "RecursionError" {
			if e := catch(func() { checkDepth(f.Body) }); e != nil {
				return e
			}
		}
		return err
	}
	c := &compiler{}
	return catch(func() { c.stmts(&unit{kind: moduleScope}, f.Body) })
}

// catch runs fn and returns the error it bailed out with, if any.
func catch(fn func()) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	fn()
	return nil
}

// checkFail stops the checks with a SyntaxError at p.
func checkFail(p Pos, format string, args ...any) {
	panic(bailout{&Error{Pos: p, Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...)}})
}

type scopeKind int

const (
	moduleScope scopeKind = iota
	classScope
	functionScope
	asyncFunctionScope
	comprehensionScope
)

// Symbol flags, as in CPython's symtable.
const (
	symParam = 1 << iota
	symAssigned
	symUsed
	symGlobal
	symNonlocal
	symAnnotated
)

// scope is one block of the symbol table.
type scope struct {
	kind     scopeKind
	parent   *scope
	children []*scope
	syms     map[string]int
	nonlocal []*Nonlocal // nonlocal statements, checked once all scopes are built
}

func (sc *scope) add(name string, flag int) {
	if sc.syms == nil {
		sc.syms = map[string]int{}
	}
	sc.syms[name] |= flag
}

func (sc *scope) isFunction() bool {
	return sc.kind == functionScope || sc.kind == asyncFunctionScope || sc.kind == comprehensionScope
}

// symtab builds scopes and reports declaration errors.
type symtab struct {
	depth depthCount
}

func (s *symtab) child(sc *scope, kind scopeKind) *scope {
	n := &scope{kind: kind, parent: sc}
	sc.children = append(sc.children, n)
	return n
}

func (s *symtab) block(sc *scope, body []Stmt) {
	for _, st := range body {
		s.stmt(sc, st)
	}
}

func (s *symtab) params(sc *scope, p *Params) {
	for _, list := range [][]*Param{p.PosOnly, p.Params, {p.Vararg}, p.KwOnly, {p.Kwarg}} {
		for _, x := range list {
			if x == nil {
				continue
			}
			if sc.syms[x.Name]&symParam != 0 {
				checkFail(x.Pos, "duplicate argument '%s' in function definition", x.Name)
			}
			sc.add(x.Name, symParam)
		}
	}
}

// defaults visits the parts of a def evaluated in the enclosing scope.
func (s *symtab) defaults(sc *scope, p *Params) {
	for _, list := range [][]*Param{p.PosOnly, p.Params, {p.Vararg}, p.KwOnly, {p.Kwarg}} {
		for _, x := range list {
			if x != nil {
				s.exprOpt(sc, x.Default)
			}
		}
	}
	for _, list := range [][]*Param{p.PosOnly, p.Params, {p.Vararg}, p.KwOnly, {p.Kwarg}} {
		for _, x := range list {
			if x != nil {
				s.exprOpt(sc, x.Annotation)
			}
		}
	}
}

func (s *symtab) stmt(sc *scope, st Stmt) {
	s.depth.enter(st)
	defer s.depth.leave()
	switch st := st.(type) {
	case *FuncDef:
		s.exprs(sc, st.Decorators)
		s.defaults(sc, st.Params)
		s.exprOpt(sc, st.Returns)
		sc.add(st.Name, symAssigned)
		kind := functionScope
		if st.Async {
			kind = asyncFunctionScope
		}
		fn := s.child(sc, kind)
		s.params(fn, st.Params)
		s.block(fn, st.Body)
	case *ClassDef:
		s.exprs(sc, st.Decorators)
		s.exprs(sc, st.Bases)
		for _, k := range st.Keywords {
			s.expr(sc, k.Value)
		}
		sc.add(st.Name, symAssigned)
		s.block(s.child(sc, classScope), st.Body)
	case *Global:
		for _, name := range st.Names {
			s.declare(sc, st.Pos, name, symGlobal, "global")
		}
	case *Nonlocal:
		if sc.kind == moduleScope {
			checkFail(st.Pos, "nonlocal declaration not allowed at module level")
		}
		for _, name := range st.Names {
			s.declare(sc, st.Pos, name, symNonlocal, "nonlocal")
		}
		sc.nonlocal = append(sc.nonlocal, st)
	case *Import:
		for _, a := range st.Names {
			sc.add(importedName(a), symAssigned)
		}
	case *ImportFrom:
		for _, a := range st.Names {
			if a.Name != "*" {
				sc.add(importedName(a), symAssigned)
			}
		}
	case *Try:
		s.block(sc, st.Body)
		for _, h := range st.Handlers {
			s.exprOpt(sc, h.Type)
			if h.Name != "" {
				sc.add(h.Name, symAssigned)
			}
			s.block(sc, h.Body)
		}
		s.block(sc, st.Else)
		s.block(sc, st.Finally)
	case *AnnAssign:
		if n, ok := st.Target.(*Name); ok {
			if f := sc.syms[n.ID]; f&(symGlobal|symNonlocal) != 0 && f&symAnnotated == 0 {
				checkFail(n.Pos, "annotated name '%s' can't be %s", n.ID, declWord(f))
			}
			sc.add(n.ID, symAnnotated)
		}
		s.target(sc, st.Target)
		s.expr(sc, st.Annotation)
		s.exprOpt(sc, st.Value)
	case *Assign:
		for _, t := range st.Targets {
			s.target(sc, t)
		}
		s.expr(sc, st.Value)
	case *AugAssign:
		s.target(sc, st.Target)
		s.expr(sc, st.Value)
	case *For:
		s.target(sc, st.Target)
		s.expr(sc, st.Iter)
		s.block(sc, st.Body)
		s.block(sc, st.Else)
	case *With:
		for _, it := range st.Items {
			s.expr(sc, it.Context)
			if it.Target != nil {
				s.target(sc, it.Target)
			}
		}
		s.block(sc, st.Body)
	case *Del:
		for _, t := range st.Targets {
			s.target(sc, t)
		}
	default:
		eachChild(st, func(n Node) { s.node(sc, n) })
	}
}

func declWord(flags int) string {
	if flags&symGlobal != 0 {
		return "global"
	}
	return "nonlocal"
}

// importedName is the name an import alias binds.
func importedName(a *Alias) string {
	if a.AsName != "" {
		return a.AsName
	}
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] == '.' {
			return a.Name[:i]
		}
	}
	return a.Name
}

// declare records a global or nonlocal declaration.
func (s *symtab) declare(sc *scope, pos Pos, name string, flag int, word string) {
	cur := sc.syms[name]
	other := symNonlocal
	if flag == symNonlocal {
		other = symGlobal
	}
	switch {
	case cur&symParam != 0:
		checkFail(pos, "name '%s' is parameter and %s", name, word)
	case cur&other != 0:
		checkFail(pos, "name '%s' is nonlocal and global", name)
	case cur&symAnnotated != 0:
		checkFail(pos, "annotated name '%s' can't be %s", name, word)
	case cur&symAssigned != 0 && cur&flag == 0:
		checkFail(pos, "name '%s' is assigned to before %s declaration", name, word)
	case cur&symUsed != 0 && cur&flag == 0:
		checkFail(pos, "name '%s' is used prior to %s declaration", name, word)
	}
	sc.add(name, flag)
}

// node visits a statement or expression child.
func (s *symtab) node(sc *scope, n Node) {
	switch n := n.(type) {
	case Stmt:
		s.stmt(sc, n)
	case Expr:
		s.expr(sc, n)
	default:
		eachChild(n, func(c Node) { s.node(sc, c) })
	}
}

func (s *symtab) exprs(sc *scope, xs []Expr) {
	for _, x := range xs {
		s.exprOpt(sc, x)
	}
}

func (s *symtab) exprOpt(sc *scope, x Expr) {
	if x != nil {
		s.expr(sc, x)
	}
}

// target visits an assignment target.
func (s *symtab) target(sc *scope, x Expr) {
	s.depth.enter(x)
	defer s.depth.leave()
	switch t := x.(type) {
	case *Name:
		sc.add(t.ID, symAssigned)
	case *Tuple:
		for _, e := range t.Elts {
			s.target(sc, e)
		}
	case *List:
		for _, e := range t.Elts {
			s.target(sc, e)
		}
	case *Starred:
		s.target(sc, t.X)
	default:
		s.visitExpr(sc, x)
	}
}

func (s *symtab) expr(sc *scope, x Expr) {
	s.depth.enter(x)
	defer s.depth.leave()
	s.visitExpr(sc, x)
}

// visitExpr visits x, already counted in s.depth.
func (s *symtab) visitExpr(sc *scope, x Expr) {
	switch x := x.(type) {
	case *Name:
		sc.add(x.ID, symUsed)
	case *Lambda:
		s.defaults(sc, x.Params)
		fn := s.child(sc, functionScope)
		s.params(fn, x.Params)
		s.expr(fn, x.Body)
	case *ListComp:
		s.comp(sc, x.Gens, "list comprehension", x.Elt)
	case *SetComp:
		s.comp(sc, x.Gens, "set comprehension", x.Elt)
	case *GeneratorExp:
		s.comp(sc, x.Gens, "generator expression", x.Elt)
	case *DictComp:
		s.comp(sc, x.Gens, "dict comprehension", x.Key, x.Value)
	default:
		eachChild(x, func(n Node) { s.node(sc, n) })
	}
}

// comp visits a comprehension: its first iterable in the enclosing scope,
// the rest in a scope of its own, where yield is not allowed.
func (s *symtab) comp(sc *scope, gens []*Comprehension, what string, elts ...Expr) {
	s.expr(sc, gens[0].Iter)
	cs := s.child(sc, comprehensionScope)
	for i, g := range gens {
		s.target(cs, g.Target)
		if i > 0 {
			s.expr(cs, g.Iter)
		}
		s.exprs(cs, g.Ifs)
	}
	s.exprs(cs, elts)
	Walk(&Tuple{Elts: append(compParts(gens), elts...)}, func(n Node) bool {
		switch n := n.(type) {
		case *Yield, *YieldFrom:
			checkFail(n.Position(), "'yield' inside %s", what)
		case *Lambda, *ListComp, *SetComp, *DictComp, *GeneratorExp:
			return false
		}
		return true
	})
}

// compParts lists the expressions of comprehension clauses evaluated in
// the comprehension's own scope.
func compParts(gens []*Comprehension) []Expr {
	var out []Expr
	for i, g := range gens {
		out = append(out, g.Target)
		if i > 0 {
			out = append(out, g.Iter)
		}
		out = append(out, g.Ifs...)
	}
	return out
}

// resolve checks that each nonlocal name is bound in an enclosing function.
func (s *symtab) resolve(sc *scope) {
	for _, st := range sc.nonlocal {
		for _, name := range st.Names {
			if !boundAbove(sc, name) {
				checkFail(st.Pos, "no binding for nonlocal '%s' found", name)
			}
		}
	}
	for _, c := range sc.children {
		s.resolve(c)
	}
}

// boundAbove reports whether name is a local of a function enclosing sc.
func boundAbove(sc *scope, name string) bool {
	for p := sc.parent; p != nil; p = p.parent {
		if !p.isFunction() {
			continue
		}
		f := p.syms[name]
		if f&symGlobal != 0 {
			return false
		}
		if f&(symParam|symAssigned|symNonlocal|symAnnotated) != 0 {
			return true
		}
	}
	return false
}
