package compile

import "github.com/asyncgen/asyncgen/lang"

func (u *unit) expr(e lang.Expr) {
	u.c.enter(e.Position())
	defer u.c.leave()
	old := u.setLine(e.Position())
	defer func() { u.line = old }()
	switch e := e.(type) {
	case *lang.Name:
		u.loadName(e.ID)
	case *lang.Constant:
		u.emit(LOAD_CONST, u.constant(e.Value))
	case *lang.JoinedStr:
		u.joinedStr(e)
	case *lang.FormattedValue:
		u.formattedValue(e)
	case *lang.BinOp:
		if k, ok := e.Y.(*lang.Constant); ok {
			c := u.constant(k.Value)
			op := BINARY_CONST
			if i, ok := u.localAt(e.X, e.Pos); ok && i < 1<<15 && c < 1<<16 {
				op, c = BINARY_FAST_CONST, i<<16|c
			} else {
				u.expr(e.X)
			}
			u.setLine(e.Pos)
			pc := u.emit(op, c)
			u.code.Instrs[pc].Sub = uint8(e.Op)
			break
		}
		u.expr(e.X)
		u.expr(e.Y)
		u.setLine(e.Pos)
		u.emit(BINARY, int(e.Op))
	case *lang.UnaryOp:
		u.expr(e.X)
		u.setLine(e.Pos)
		u.emit(UNARY, int(e.Op))
	case *lang.BoolOp:
		end := u.newLabel()
		op := POP_JUMP_IF_FALSE
		if e.Op == lang.Or {
			op = POP_JUMP_IF_TRUE
		}
		for i, v := range e.Values {
			u.expr(v)
			if i < len(e.Values)-1 {
				u.emit(COPY, 1)
				u.jump(op, end)
				u.emit(POP_TOP, 0)
			}
		}
		u.bind(end)
	case *lang.Compare:
		u.compare(e)
	case *lang.Call:
		u.call(e)
	case *lang.Attribute:
		u.expr(e.X)
		u.setLine(e.Pos)
		u.emit(LOAD_ATTR, u.name(e.Name))
	case *lang.Subscript:
		u.expr(e.X)
		u.index(e.Index)
		u.setLine(e.Pos)
		u.emit(BINARY_SUBSCR, 0)
	case *lang.IfExp:
		orelse, end := u.newLabel(), u.newLabel()
		u.test(e.Cond, orelse, false)
		u.expr(e.Then)
		u.jump(JUMP, end)
		u.bind(orelse)
		u.expr(e.Else)
		u.bind(end)
	case *lang.Lambda:
		u.lambda(e)
	case *lang.List:
		u.sequence(e.Elts, BUILD_LIST, false)
	case *lang.Tuple:
		u.sequence(e.Elts, BUILD_TUPLE, false)
	case *lang.Set:
		u.sequence(e.Elts, BUILD_SET, false)
	case *lang.Dict:
		u.dict(e)
	case *lang.ListComp:
		u.comprehension(e, "<listcomp>", BUILD_LIST, e.Gens, e.Elt, nil)
	case *lang.SetComp:
		u.comprehension(e, "<setcomp>", BUILD_SET, e.Gens, e.Elt, nil)
	case *lang.DictComp:
		u.comprehension(e, "<dictcomp>", BUILD_MAP, e.Gens, e.Key, e.Value)
	case *lang.GeneratorExp:
		u.comprehension(e, "<genexpr>", YIELD_VALUE, e.Gens, e.Elt, nil)
	case *lang.Await:
		u.expr(e.X)
		u.setLine(e.Pos)
		u.await()
	case *lang.Yield:
		if i, ok := u.localAt(e.X, e.Pos); ok {
			u.setLine(e.Pos)
			u.emit(YIELD_FAST, i)
			break
		}
		if e.X != nil {
			u.expr(e.X)
		} else {
			u.emit(LOAD_CONST, u.constant(nil))
		}
		u.setLine(e.Pos)
		u.emit(YIELD_VALUE, 0)
	case *lang.YieldFrom:
		u.expr(e.X)
		u.setLine(e.Pos)
		u.emit(GET_YIELD_FROM_ITER, 0)
		u.emit(LOAD_CONST, u.constant(nil))
		u.emit(YIELD_FROM, 0)
	case *lang.Starred:
		panic(syntaxError(e.Pos, "can't use starred expression here"))
	case *lang.Slice:
		panic(syntaxError(e.Pos, "invalid syntax"))
	default:
		panic(syntaxError(e.Position(), "unsupported expression"))
	}
}

// test jumps to l when the truth of e equals jumpIf, and falls through
// otherwise.
func (u *unit) test(e lang.Expr, l *label, jumpIf bool) {
	switch x := e.(type) {
	case *lang.UnaryOp:
		if x.Op == lang.Not {
			u.test(x.X, l, !jumpIf)
			return
		}
	case *lang.BoolOp:
		// For `and` the whole is false as soon as one value is false;
		// for `or` it is true as soon as one is true.
		short := x.Op == lang.Or
		if jumpIf == short {
			for _, v := range x.Values {
				u.test(v, l, jumpIf)
			}
			return
		}
		skip := u.newLabel()
		for _, v := range x.Values[:len(x.Values)-1] {
			u.test(v, skip, short)
		}
		u.test(x.Values[len(x.Values)-1], l, jumpIf)
		u.bind(skip)
		return
	case *lang.Compare:
		if len(x.Ops) == 1 {
			u.c.enter(x.Pos)
			defer u.c.leave()
			old := u.setLine(x.Pos)
			defer func() { u.line = old }()
			u.expr(x.Left)
			// A constant operand is loaded by the comparison itself.
			c, isConst := x.Comparators[0].(*lang.Constant)
			k := 0
			if isConst {
				k = u.constant(c.Value)
				isConst = k < 1<<16
			}
			if !isConst {
				u.expr(x.Comparators[0])
			}
			u.setLine(x.Pos)
			var op Opcode
			switch {
			case isConst && jumpIf:
				op = COMPARE_CONST_JUMP_IF_TRUE
			case isConst:
				op = COMPARE_CONST_JUMP_IF_FALSE
			case jumpIf:
				op = COMPARE_JUMP_IF_TRUE
			default:
				op = COMPARE_JUMP_IF_FALSE
			}
			pc := u.jumpSub(op, uint8(x.Ops[0]), l)
			u.code.Instrs[pc].K = uint16(k)
			return
		}
	}
	u.expr(e)
	if jumpIf {
		u.jump(POP_JUMP_IF_TRUE, l)
	} else {
		u.jump(POP_JUMP_IF_FALSE, l)
	}
}

func (u *unit) compare(e *lang.Compare) {
	u.expr(e.Left)
	if len(e.Ops) == 1 {
		u.expr(e.Comparators[0])
		u.setLine(e.Pos)
		u.emit(COMPARE, int(e.Ops[0]))
		return
	}
	cleanup, end := u.newLabel(), u.newLabel()
	for i, op := range e.Ops {
		u.expr(e.Comparators[i])
		u.setLine(e.Pos)
		if i == len(e.Ops)-1 {
			u.emit(COMPARE, int(op))
			break
		}
		u.emit(SWAP, 2)
		u.emit(COPY, 2)
		u.emit(COMPARE, int(op))
		u.emit(COPY, 1)
		u.jump(POP_JUMP_IF_FALSE, cleanup)
		u.emit(POP_TOP, 0)
	}
	u.jump(JUMP, end)
	u.bind(cleanup)
	u.emit(SWAP, 2)
	u.emit(POP_TOP, 0)
	u.bind(end)
}

func hasStar(elts []lang.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*lang.Starred); ok {
			return true
		}
	}
	return false
}

// sequence builds a list, tuple or set display, or (call) the positional
// arguments of a call.
func (u *unit) sequence(elts []lang.Expr, build Opcode, call bool) {
	if !hasStar(elts) {
		for _, e := range elts {
			u.expr(e)
		}
		u.emit(build, len(elts))
		return
	}
	add, extend := LIST_APPEND, LIST_EXTEND
	if build == BUILD_SET {
		add, extend = SET_ADD, SET_UPDATE
		u.emit(BUILD_SET, 0)
	} else {
		u.emit(BUILD_LIST, 0)
	}
	for _, e := range elts {
		if s, ok := e.(*lang.Starred); ok {
			u.expr(s.X)
			if call {
				u.emit(extend, CallArgs)
			} else {
				u.emit(extend, 0)
			}
		} else {
			u.expr(e)
			u.emit(add, 0)
		}
	}
	if build == BUILD_TUPLE {
		u.emit(LIST_TO_TUPLE, 0)
	}
}

func (u *unit) dict(e *lang.Dict) {
	merge := false
	for _, k := range e.Keys {
		merge = merge || k == nil
	}
	if !merge {
		for i := range e.Keys {
			u.expr(e.Keys[i])
			u.expr(e.Values[i])
		}
		u.emit(BUILD_MAP, len(e.Keys))
		return
	}
	u.emit(BUILD_MAP, 0)
	for i, k := range e.Keys {
		if k == nil {
			u.expr(e.Values[i])
			u.emit(DICT_UPDATE, 0)
			continue
		}
		u.expr(k)
		u.expr(e.Values[i])
		u.emit(MAP_ADD, 0)
	}
}

// index compiles a subscript: slices become slice objects.
func (u *unit) index(e lang.Expr) {
	switch x := e.(type) {
	case *lang.Slice:
		n := 2
		for _, part := range []lang.Expr{x.Lo, x.Hi} {
			if part == nil {
				u.emit(LOAD_CONST, u.constant(nil))
			} else {
				u.expr(part)
			}
		}
		if x.Step != nil {
			u.expr(x.Step)
			n = 3
		}
		u.emit(BUILD_SLICE, n)
	case *lang.Tuple:
		for _, el := range x.Elts {
			u.index(el)
		}
		u.emit(BUILD_TUPLE, len(x.Elts))
	default:
		u.expr(e)
	}
}

func (u *unit) call(e *lang.Call) {
	star := hasStar(e.Args)
	for _, k := range e.Keywords {
		star = star || k.Name == ""
	}
	if attr, ok := e.Func.(*lang.Attribute); ok && !star && len(e.Keywords) == 0 {
		// obj.m(args): no bound method object is made.
		b, i := u.readAt(attr.X, attr.Pos)
		if (b == bindLocal || b == bindGlobal) && i < 1<<16 {
			op := LOAD_FAST_METHOD
			if b == bindGlobal {
				op = LOAD_GLOBAL_METHOD
			}
			u.setLine(attr.Pos)
			pc := u.emit(op, u.name(attr.Name))
			u.code.Instrs[pc].K = uint16(i)
		} else {
			u.expr(attr.X)
			u.setLine(attr.Pos)
			u.emit(LOAD_METHOD, u.name(attr.Name))
		}
		for _, a := range e.Args {
			u.expr(a)
		}
		u.setLine(e.Pos)
		u.emit(CALL_METHOD, len(e.Args))
		return
	}
	u.expr(e.Func)
	if !star {
		for _, a := range e.Args {
			u.expr(a)
		}
		if len(e.Keywords) == 0 {
			u.setLine(e.Pos)
			u.emit(CALL, len(e.Args))
			return
		}
		names := make([]string, len(e.Keywords))
		for i, k := range e.Keywords {
			u.expr(k.Value)
			names[i] = k.Name
		}
		u.emit(LOAD_CONST, u.constant(names))
		u.setLine(e.Pos)
		u.emit(CALL_KW, len(e.Args)+len(e.Keywords))
		return
	}
	u.sequence(e.Args, BUILD_TUPLE, true)
	if len(e.Keywords) == 0 {
		u.setLine(e.Pos)
		u.emit(CALL_EX, 0)
		return
	}
	u.emit(BUILD_MAP, 0)
	for _, k := range e.Keywords {
		if k.Name != "" {
			u.emit(LOAD_CONST, u.constant(k.Name))
			u.expr(k.Value)
			u.emit(BUILD_MAP, 1)
		} else {
			u.expr(k.Value)
		}
		u.emit(DICT_MERGE, 0)
	}
	u.setLine(e.Pos)
	u.emit(CALL_EX, 1)
}

func (u *unit) joinedStr(e *lang.JoinedStr) {
	if len(e.Values) == 1 {
		if c, ok := e.Values[0].(*lang.Constant); ok {
			u.expr(c)
			return
		}
	}
	if len(e.Values) == 0 {
		u.emit(LOAD_CONST, u.constant(""))
		return
	}
	for _, v := range e.Values {
		u.expr(v)
	}
	u.emit(BUILD_STRING, len(e.Values))
}

func (u *unit) formattedValue(e *lang.FormattedValue) {
	u.expr(e.Value)
	flags := 0
	switch e.Conversion {
	case 's':
		flags = 1
	case 'r':
		flags = 2
	case 'a':
		flags = 3
	}
	if e.Spec != nil {
		u.joinedStr(e.Spec)
		flags |= 4
	}
	u.setLine(e.Pos)
	u.emit(FORMAT_VALUE, flags)
}

// comprehension compiles a comprehension as a function called at once with
// the iterator of its first iterable. kind is the container's BUILD op, or
// YIELD_VALUE for a generator expression.
func (u *unit) comprehension(node lang.Expr, name string, kind Opcode, gens []*lang.Comprehension, elt, val lang.Expr) {
	sc := u.c.scopes[node]
	cu := u.c.newUnit(sc, name, node.Position().Line, funcFlags(sc, nil))
	cu.code.ArgCount = 1
	if kind != YIELD_VALUE {
		cu.emit(kind, 0)
	}
	cu.compGen(gens, 0, kind, elt, val)
	if kind == YIELD_VALUE {
		cu.emit(LOAD_CONST, cu.constant(nil))
	}
	cu.emit(RETURN_VALUE, 0)
	u.emit(LOAD_CONST, u.constant(cu.finish()))
	u.emit(MAKE_FUNCTION, 0)
	u.expr(gens[0].Iter)
	u.setLine(node.Position())
	if gens[0].Async {
		u.emit(GET_AITER, 0)
	} else {
		u.emit(GET_ITER, 0)
	}
	u.emit(CALL, 1)
	if sc.async && kind != YIELD_VALUE {
		u.await()
	}
}

func (u *unit) compGen(gens []*lang.Comprehension, i int, kind Opcode, elt, val lang.Expr) {
	g := gens[i]
	if i == 0 {
		u.emit(LOAD_FAST, 0)
	} else {
		u.expr(g.Iter)
		if g.Async {
			u.emit(GET_AITER, 0)
		} else {
			u.emit(GET_ITER, 0)
		}
	}
	u.loop(g.Async, g.Target, func(cont *label) {
		for _, cond := range g.Ifs {
			u.test(cond, cont, false)
		}
		if i+1 < len(gens) {
			u.compGen(gens, i+1, kind, elt, val)
			return
		}
		n := len(gens)
		switch kind {
		case YIELD_VALUE:
			u.expr(elt)
			u.emit(YIELD_VALUE, 0)
			u.emit(POP_TOP, 0)
		case BUILD_LIST:
			u.expr(elt)
			u.emit(LIST_APPEND, n)
		case BUILD_SET:
			u.expr(elt)
			u.emit(SET_ADD, n)
		case BUILD_MAP:
			u.expr(elt)
			u.expr(val)
			u.emit(MAP_ADD, n)
		}
	})
}
