package compile

import "github.com/asyncgen/asyncgen/lang"

// This file compiles reading, binding and deleting names, and assignment
// and del targets.

func (u *unit) loadName(name string) {
	b, i := u.sc.lookup(name)
	switch b {
	case bindLocal:
		u.emit(LOAD_FAST, i)
	case bindDeref:
		u.emit(LOAD_DEREF, i)
	case bindClassRef:
		u.emit(LOAD_CLASSDEREF, i)
	case bindName:
		u.emit(LOAD_NAME, u.name(name))
	default:
		u.emit(LOAD_GLOBAL, u.name(name))
	}
}

func (u *unit) storeName(name string) {
	b, i := u.sc.lookup(name)
	switch b {
	case bindLocal:
		u.emit(STORE_FAST, i)
	case bindDeref:
		u.emit(STORE_DEREF, i)
	case bindName, bindClassRef:
		u.emit(STORE_NAME, u.name(name))
	default:
		u.emit(STORE_GLOBAL, u.name(name))
	}
}

func (u *unit) deleteName(name string) {
	b, i := u.sc.lookup(name)
	switch b {
	case bindLocal:
		u.emit(DELETE_FAST, i)
	case bindDeref:
		u.emit(DELETE_DEREF, i)
	case bindName, bindClassRef:
		u.emit(DELETE_NAME, u.name(name))
	default:
		u.emit(DELETE_GLOBAL, u.name(name))
	}
}

// store assigns the value on top of the stack to target t.
func (u *unit) store(t lang.Expr) {
	old := u.setLine(t.Position())
	defer func() { u.line = old }()
	switch t := t.(type) {
	case *lang.Name:
		u.storeName(t.ID)
	case *lang.Attribute:
		u.expr(t.X)
		u.setLine(t.Pos)
		u.emit(STORE_ATTR, u.name(t.Name))
	case *lang.Subscript:
		u.expr(t.X)
		u.index(t.Index)
		u.setLine(t.Pos)
		u.emit(STORE_SUBSCR, 0)
	case *lang.Tuple:
		u.unpack(t.Pos, t.Elts)
	case *lang.List:
		u.unpack(t.Pos, t.Elts)
	case *lang.Starred:
		panic(syntaxError(t.Pos, "starred assignment target must be in a list or tuple"))
	default:
		panic(syntaxError(t.Position(), "cannot assign to "+exprKind(t)))
	}
}

func (u *unit) unpack(pos lang.Pos, elts []lang.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*lang.Starred); ok {
			if star >= 0 {
				panic(syntaxError(e.Position(), "multiple starred expressions in assignment"))
			}
			star = i
		}
	}
	if star < 0 {
		u.emit(UNPACK_SEQUENCE, len(elts))
	} else {
		after := len(elts) - star - 1
		if star > 255 || after > 255 {
			panic(syntaxError(pos, "too many expressions in star-unpacking assignment"))
		}
		u.emit(UNPACK_EX, star|after<<8)
	}
	for _, e := range elts {
		if s, ok := e.(*lang.Starred); ok {
			e = s.X
		}
		u.store(e)
	}
}

func (u *unit) del(t lang.Expr) {
	u.setLine(t.Position())
	switch t := t.(type) {
	case *lang.Name:
		u.deleteName(t.ID)
	case *lang.Attribute:
		u.expr(t.X)
		u.setLine(t.Pos)
		u.emit(DELETE_ATTR, u.name(t.Name))
	case *lang.Subscript:
		u.expr(t.X)
		u.index(t.Index)
		u.setLine(t.Pos)
		u.emit(DELETE_SUBSCR, 0)
	case *lang.Tuple:
		for _, e := range t.Elts {
			u.del(e)
		}
	case *lang.List:
		for _, e := range t.Elts {
			u.del(e)
		}
	default:
		panic(syntaxError(t.Position(), "cannot delete "+exprKind(t)))
	}
}

// exprKind names an expression as CPython's error messages do.
func exprKind(e lang.Expr) string {
	switch e := e.(type) {
	case *lang.Call:
		return "function call"
	case *lang.Constant:
		if e.Value == nil || e.Value == true || e.Value == false {
			return "constant"
		}
		return "literal"
	case *lang.BinOp, *lang.UnaryOp:
		return "expression"
	case *lang.Compare:
		return "comparison"
	case *lang.Lambda:
		return "lambda"
	case *lang.Await:
		return "await expression"
	case *lang.Yield, *lang.YieldFrom:
		return "yield expression"
	}
	return "expression"
}

// localAt returns the slot of x when x is a local variable read on the
// line of pos, so that the instruction at pos may read it itself.
func (u *unit) localAt(x lang.Expr, pos lang.Pos) (int, bool) {
	b, i := u.readAt(x, pos)
	return i, b == bindLocal
}

// readAt returns the binding of x when x is a variable read on the line
// of pos, with its slot, or its index in Names for a global; else -1.
func (u *unit) readAt(x lang.Expr, pos lang.Pos) (binding, int) {
	n, ok := x.(*lang.Name)
	if !ok || n.Pos.Line != pos.Line {
		return -1, 0
	}
	b, i := u.sc.lookup(n.ID)
	if b == bindGlobal {
		i = u.name(n.ID)
	}
	return b, i
}
