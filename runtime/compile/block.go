package compile

import "github.com/asyncgen/asyncgen/lang"

// This file compiles the statements with exception handlers (try, with)
// and the definitions (def, class, lambda).

func (u *unit) tryStmt(s *lang.Try) {
	if len(s.Finally) == 0 {
		u.tryExcept(s)
		return
	}
	final, end := u.newLabel(), u.newLabel()
	d := u.depth
	u.pushBlock(s.Pos, &fblock{kind: fbTryFinally, final: s.Finally})
	old := u.pushHandler(final)
	if len(s.Handlers) > 0 {
		u.tryExcept(s)
	} else {
		u.stmts(s.Body)
	}
	u.popHandler(old)
	u.popBlock()
	u.stmts(s.Finally)
	u.jump(JUMP, end)

	// The finally body run for an exception, then re-raising it.
	u.bind(final)
	u.emit(PUSH_EXC_INFO, 0)
	cleanup := u.newLabel()
	u.pushBlock(s.Pos, &fblock{kind: fbFinallyEnd})
	oldc := u.pushHandlerAt(cleanup, d+1)
	u.stmts(s.Finally)
	u.emit(RERAISE, 0)
	u.popHandler(oldc)
	u.popBlock()
	u.bind(cleanup)
	u.emit(POP_EXCEPT_RERAISE, 0)
	u.bind(end)
}

func (u *unit) tryExcept(s *lang.Try) {
	handler, end := u.newLabel(), u.newLabel()
	d := u.depth
	old := u.pushHandler(handler)
	u.stmts(s.Body)
	u.popHandler(old)
	u.stmts(s.Else)
	u.jump(JUMP, end)

	u.bind(handler)
	u.emit(PUSH_EXC_INFO, 0) // prev exc
	cleanup := u.newLabel()
	oldc := u.pushHandlerAt(cleanup, d+1)
	matchesAll := false
	for _, h := range s.Handlers {
		u.setLine(h.Pos)
		next := u.newLabel()
		if h.Type != nil {
			u.expr(h.Type)
			u.emit(CHECK_EXC_MATCH, 0)
			u.jump(POP_JUMP_IF_FALSE, next)
		} else {
			matchesAll = true
		}
		if h.Name == "" {
			u.emit(POP_TOP, 0) // prev
			u.pushBlock(h.Pos, &fblock{kind: fbHandler})
			u.fblocks[len(u.fblocks)-1].handler = old
			u.stmts(h.Body)
			u.popBlock()
			u.emit(POP_EXCEPT, 0)
			u.jump(JUMP, end)
		} else {
			u.storeName(h.Name) // prev
			clear := u.newLabel()
			u.pushBlock(h.Pos, &fblock{kind: fbHandler, name: h.Name})
			u.fblocks[len(u.fblocks)-1].handler = old
			oldn := u.pushHandlerAt(clear, d+1)
			u.stmts(h.Body)
			u.popHandler(oldn)
			u.popBlock()
			u.emit(POP_EXCEPT, 0)
			u.clearName(h.Name)
			u.jump(JUMP, end)
			u.bind(clear) // prev exc2
			u.clearName(h.Name)
			u.emit(RERAISE, 0)
		}
		if matchesAll {
			break
		}
		u.bind(next)
	}
	if !matchesAll {
		u.emit(RERAISE, 0)
	}
	u.popHandler(oldc)
	u.bind(cleanup)
	u.emit(POP_EXCEPT_RERAISE, 0)
	u.bind(end)
}

// with compiles the items of a with statement from the i-th on.
func (u *unit) with(s *lang.With, i int) {
	item := s.Items[i]
	u.expr(item.Context)
	u.setLine(s.Pos)
	d := u.depth - 1
	kind := fbWith
	if s.Async {
		kind = fbAsyncWith
		u.emit(BEFORE_ASYNC_WITH, 0)
		u.await()
	} else {
		u.emit(BEFORE_WITH, 0)
	}
	exc, end := u.newLabel(), u.newLabel()
	u.pushBlock(s.Pos, &fblock{kind: kind})
	old := u.pushHandlerAt(exc, d+1)
	if item.Target != nil {
		u.store(item.Target)
	} else {
		u.emit(POP_TOP, 0)
	}
	if i+1 < len(s.Items) {
		u.with(s, i+1)
	} else {
		u.stmts(s.Body)
	}
	u.popHandler(old)
	u.popBlock()
	u.setLine(s.Pos)
	u.callExit(s.Async)
	u.emit(POP_TOP, 0)
	u.jump(JUMP, end)

	u.bind(exc) // exit exc
	u.emit(PUSH_EXC_INFO, 0)
	cleanup := u.newLabel()
	oldc := u.pushHandlerAt(cleanup, d+2)
	u.emit(WITH_EXCEPT_START, 0)
	if s.Async {
		u.await()
	}
	suppress := u.newLabel()
	u.jump(POP_JUMP_IF_TRUE, suppress)
	u.emit(RERAISE, 0)
	u.popHandler(oldc)
	u.bind(suppress) // exit prev exc
	u.emit(POP_TOP, 0)
	u.emit(POP_EXCEPT, 0)
	u.emit(POP_TOP, 0)
	u.jump(JUMP, end)
	u.bind(cleanup)
	u.emit(POP_EXCEPT_RERAISE, 0)
	u.bind(end)
}

// defaults pushes the default values of params and returns the
// MAKE_FUNCTION flags saying which are present.
func (u *unit) defaults(p *lang.Params) int {
	flags, n := 0, 0
	for _, list := range [][]*lang.Param{p.PosOnly, p.Params} {
		for _, q := range list {
			if q.Default != nil {
				u.expr(q.Default)
				n++
			}
		}
	}
	if n > 0 {
		u.emit(BUILD_TUPLE, n)
		flags |= 1
	}
	n = 0
	for _, q := range p.KwOnly {
		if q.Default != nil {
			u.emit(LOAD_CONST, u.constant(q.Name))
			u.expr(q.Default)
			n++
		}
	}
	if n > 0 {
		u.emit(BUILD_MAP, n)
		flags |= 2
	}
	return flags
}

func (u *unit) funcDef(s *lang.FuncDef) {
	for _, d := range s.Decorators {
		u.expr(d)
	}
	u.setLine(s.Pos)
	flags := u.defaults(s.Params)
	sc := u.c.scopes[s]
	fu := u.c.newUnit(sc, s.Name, s.Pos.Line, funcFlags(sc, s.Params))
	fu.setParams(s.Params)
	fu.stmts(s.Body)
	fu.emit(LOAD_CONST, fu.constant(nil))
	fu.emit(RETURN_VALUE, 0)
	u.emit(LOAD_CONST, u.constant(fu.finish()))
	u.emit(MAKE_FUNCTION, flags)
	for range s.Decorators {
		u.emit(CALL, 1)
	}
	u.storeName(s.Name)
}

func (u *unit) lambda(e *lang.Lambda) {
	flags := u.defaults(e.Params)
	sc := u.c.scopes[e]
	fu := u.c.newUnit(sc, "<lambda>", e.Pos.Line, funcFlags(sc, e.Params))
	fu.setParams(e.Params)
	fu.expr(e.Body)
	fu.emit(RETURN_VALUE, 0)
	u.emit(LOAD_CONST, u.constant(fu.finish()))
	u.emit(MAKE_FUNCTION, flags)
}

func funcFlags(sc *scope, p *lang.Params) Flags {
	var f Flags
	switch {
	case sc.async && sc.generator:
		f = AsyncGen
	case sc.async:
		f = Coroutine
	case sc.generator:
		f = Generator
	}
	if p != nil && p.Vararg != nil {
		f |= Varargs
	}
	if p != nil && p.Kwarg != nil {
		f |= Varkw
	}
	if sc.comp {
		f |= Comprehension
	}
	return f
}

func (u *unit) setParams(p *lang.Params) {
	u.code.PosOnly = len(p.PosOnly)
	u.code.ArgCount = len(p.PosOnly) + len(p.Params)
	u.code.KwOnly = len(p.KwOnly)
}

func (u *unit) classDef(s *lang.ClassDef) {
	for _, d := range s.Decorators {
		u.expr(d)
	}
	u.setLine(s.Pos)
	if len(s.Keywords) > 0 {
		panic(syntaxError(s.Keywords[0].Pos, "class keyword arguments are not supported"))
	}
	sc := u.c.scopes[s]
	cu := u.c.newUnit(sc, s.Name, s.Pos.Line, Class)
	cu.stmts(s.Body)
	cu.emit(RETURN_CLASSCELL, 0)
	u.emit(LOAD_CONST, u.constant(cu.finish()))
	u.emit(MAKE_FUNCTION, 0)
	u.emit(LOAD_CONST, u.constant(s.Name))
	for _, b := range s.Bases {
		if st, ok := b.(*lang.Starred); ok {
			panic(syntaxError(st.Pos, "starred base classes are not supported"))
		}
		u.expr(b)
	}
	u.setLine(s.Pos)
	u.emit(BUILD_CLASS, len(s.Bases))
	for range s.Decorators {
		u.emit(CALL, 1)
	}
	u.storeName(s.Name)
}
