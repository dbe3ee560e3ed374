package compile

import (
	"math/big"

	"github.com/asyncgen/asyncgen/lang"
)

// fblockKind is the kind of a block that break, continue and return must
// unwind, as in CPython's compiler.
type fblockKind int

const (
	fbWhile      fblockKind = iota
	fbFor                   // the iterator is on the stack
	fbTryFinally            // a finally body to run on the way out
	fbFinallyEnd            // inside a finally run for an exception: prev and exc on the stack
	fbHandler               // inside an except body: prev on the stack
	fbWith                  // the __exit__ method on the stack
	fbAsyncWith
	fbPopValue // a return value kept on the stack while a finally body runs
)

type fblock struct {
	kind    fblockKind
	handler int32 // the exception handler outside the block
	cont    *label
	brk     *label
	final   []lang.Stmt
	name    string // the `as` name of an except clause
}

func (u *unit) pushBlock(pos lang.Pos, fb *fblock) {
	if len(u.fblocks) >= maxBlocks {
		panic(syntaxError(pos, "too many statically nested blocks"))
	}
	fb.handler = u.handler
	u.fblocks = append(u.fblocks, fb)
}

func (u *unit) popBlock() { u.fblocks = u.fblocks[:len(u.fblocks)-1] }

// unwind emits the code that leaves fblocks[i]; preserve keeps a return
// value on top of the stack.
func (u *unit) unwind(i int, preserve bool) {
	fb := u.fblocks[i]
	swap := func() {
		if preserve {
			u.emit(SWAP, 2)
		}
	}
	switch fb.kind {
	case fbFor:
		swap()
		u.emit(POP_ITER, 0)
	case fbTryFinally:
		saved := u.fblocks
		u.fblocks = u.fblocks[:i:i]
		u.handler = fb.handler
		if preserve {
			// A break, continue or return in the finally body drops the
			// pending return value.
			u.fblocks = append(u.fblocks, &fblock{kind: fbPopValue, handler: fb.handler})
		}
		u.stmts(fb.final)
		u.fblocks = saved
	case fbPopValue:
		swap()
		u.emit(POP_TOP, 0)
	case fbFinallyEnd:
		swap()
		u.emit(POP_TOP, 0)
		swap()
		u.emit(POP_EXCEPT, 0)
	case fbHandler:
		swap()
		u.emit(POP_EXCEPT, 0)
		if fb.name != "" {
			u.clearName(fb.name)
		}
	case fbWith, fbAsyncWith:
		swap()
		u.callExit(fb.kind == fbAsyncWith)
		u.emit(POP_TOP, 0)
	}
	u.handler = fb.handler
}

// callExit calls the __exit__ method on top of the stack with three Nones.
func (u *unit) callExit(async bool) {
	none := u.constant(nil)
	u.emit(LOAD_CONST, none)
	u.emit(LOAD_CONST, none)
	u.emit(LOAD_CONST, none)
	u.emit(CALL, 3)
	if async {
		u.await()
	}
}

// await emits the delegation to the awaitable on top of the stack.
func (u *unit) await() {
	u.emit(GET_AWAITABLE, 0)
	u.emit(LOAD_CONST, u.constant(nil))
	u.emit(YIELD_FROM, 0)
}

// clearName emits `name = None; del name`, the end of `except E as name`.
func (u *unit) clearName(name string) {
	u.emit(LOAD_CONST, u.constant(nil))
	u.storeName(name)
	u.deleteName(name)
}

// escape emits a jump out of blocks (break, continue, return) and then
// restores the handler and stack depth for the unreachable code after it.
func (u *unit) escape(emit func()) {
	handler, depth := u.handler, u.depth
	emit()
	u.handler, u.depth = handler, depth
}

func (u *unit) stmts(list []lang.Stmt) {
	for _, s := range list {
		u.stmt(s)
	}
}

func (u *unit) stmt(s lang.Stmt) {
	u.c.enter(s.Position())
	defer u.c.leave()
	u.setLine(s.Position())
	switch s := s.(type) {
	case *lang.ExprStmt:
		u.expr(s.X)
		u.emit(POP_TOP, 0)
	case *lang.Assign:
		u.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				u.emit(COPY, 1)
			}
			u.store(t)
		}
	case *lang.AugAssign:
		u.augAssign(s)
	case *lang.AnnAssign:
		if s.Value != nil {
			u.expr(s.Value)
			u.store(s.Target)
		}
		if u.sc.kind != funcScope {
			u.expr(s.Annotation)
			u.emit(POP_TOP, 0)
		}
	case *lang.If:
		u.ifStmt(s)
	case *lang.While:
		u.whileStmt(s)
	case *lang.For:
		u.forStmt(s)
	case *lang.Break:
		u.breakStmt(s.Pos, false)
	case *lang.Continue:
		u.breakStmt(s.Pos, true)
	case *lang.Pass, *lang.Global, *lang.Nonlocal:
	case *lang.Return:
		if i, ok := u.localAt(s.Value, s.Pos); ok && len(u.fblocks) == 0 {
			u.setLine(s.Pos)
			u.emit(RETURN_FAST, i)
			break
		}
		if s.Value != nil {
			u.expr(s.Value)
		} else {
			u.emit(LOAD_CONST, u.constant(nil))
		}
		u.setLine(s.Pos)
		u.escape(func() {
			for i := len(u.fblocks) - 1; i >= 0; i-- {
				u.unwind(i, true)
			}
			u.emit(RETURN_VALUE, 0)
		})
		u.depth--
	case *lang.FuncDef:
		u.funcDef(s)
	case *lang.ClassDef:
		u.classDef(s)
	case *lang.Try:
		u.tryStmt(s)
	case *lang.Raise:
		n := 0
		if s.Exc != nil {
			u.expr(s.Exc)
			n++
			if s.Cause != nil {
				u.expr(s.Cause)
				n++
			}
		}
		u.setLine(s.Pos)
		u.emit(RAISE, n)
	case *lang.Assert:
		end := u.newLabel()
		u.test(s.Test, end, true)
		u.emit(LOAD_ASSERTION_ERROR, 0)
		if s.Msg != nil {
			u.expr(s.Msg)
			u.emit(CALL, 1)
		}
		u.setLine(s.Pos)
		u.emit(RAISE, 1)
		u.bind(end)
	case *lang.Del:
		for _, t := range s.Targets {
			u.del(t)
		}
	case *lang.With:
		u.with(s, 0)
	case *lang.Import:
		for _, a := range s.Names {
			u.emit(IMPORT_NAME, u.name(a.Name))
			switch {
			case a.AsName != "":
				u.storeName(a.AsName)
			case firstComponent(a.Name) != a.Name:
				u.emit(POP_TOP, 0)
				top := firstComponent(a.Name)
				u.emit(IMPORT_NAME, u.name(top))
				u.storeName(top)
			default:
				u.storeName(a.Name)
			}
		}
	case *lang.ImportFrom:
		u.emit(IMPORT_NAME, u.name(s.Module))
		if len(s.Names) == 1 && s.Names[0].Name == "*" {
			u.emit(IMPORT_STAR, 0)
			return
		}
		for _, a := range s.Names {
			u.setLine(a.Pos)
			u.emit(IMPORT_FROM, u.name(a.Name))
			if a.AsName != "" {
				u.storeName(a.AsName)
			} else {
				u.storeName(a.Name)
			}
		}
		u.emit(POP_TOP, 0)
	default:
		panic(syntaxError(s.Position(), "unsupported statement"))
	}
}

func (u *unit) augAssign(s *lang.AugAssign) {
	switch t := s.Target.(type) {
	case *lang.Name:
		if b, i := u.sc.lookup(t.ID); b == bindLocal {
			// The local is not pushed: the VM may then update an int
			// it alone holds in place. Nothing in the value (the
			// language has no :=) can rebind the local meanwhile.
			op, arg := u.inplaceOperand(i, s)
			if op == INPLACE_FAST {
				u.emit(CHECK_FAST, i)
				u.expr(s.Value)
				u.setLine(s.Pos)
			}
			pc := u.emit(op, arg)
			u.code.Instrs[pc].Sub = uint8(s.Op)
			break
		}
		u.loadName(t.ID)
		u.expr(s.Value)
		u.setLine(s.Pos)
		u.emit(INPLACE, int(s.Op))
		u.storeName(t.ID)
	case *lang.Attribute:
		u.expr(t.X)
		u.emit(COPY, 1)
		u.setLine(t.Pos)
		u.emit(LOAD_ATTR, u.name(t.Name))
		u.expr(s.Value)
		u.setLine(s.Pos)
		u.emit(INPLACE, int(s.Op))
		u.emit(SWAP, 2)
		u.emit(STORE_ATTR, u.name(t.Name))
	case *lang.Subscript:
		u.expr(t.X)
		u.index(t.Index)
		u.emit(COPY, 2)
		u.emit(COPY, 2)
		u.setLine(t.Pos)
		u.emit(BINARY_SUBSCR, 0)
		u.expr(s.Value)
		u.setLine(s.Pos)
		u.emit(INPLACE, int(s.Op))
		u.emit(SWAP, 3)
		u.emit(SWAP, 2)
		u.emit(STORE_SUBSCR, 0)
	default:
		panic(syntaxError(s.Pos, "'"+exprKind(s.Target)+"' is an illegal expression for augmented assignment"))
	}
}

// inplaceOperand returns the instruction of `local op= value`, local
// being Locals[i]: INPLACE_FAST_FAST or INPLACE_FAST_CONST with their
// argument when value is a local or a constant on the statement's line
// (one dispatch), else INPLACE_FAST with i, which needs CHECK_FAST and
// value before it.
func (u *unit) inplaceOperand(i int, s *lang.AugAssign) (Opcode, int) {
	const limit = 1 << 15 // both indices in the argument
	if s.Value.Position().Line != s.Pos.Line || i >= limit {
		return INPLACE_FAST, i
	}
	if j, ok := u.localAt(s.Value, s.Pos); ok && j < limit {
		return INPLACE_FAST_FAST, i | j<<16
	}
	if v, ok := s.Value.(*lang.Constant); ok {
		if k := u.constant(v.Value); k < limit {
			return INPLACE_FAST_CONST, i | k<<16
		}
	}
	return INPLACE_FAST, i
}

func (u *unit) ifStmt(s *lang.If) {
	orelse, end := u.newLabel(), u.newLabel()
	u.test(s.Cond, orelse, false)
	u.stmts(s.Body)
	if len(s.Else) > 0 {
		u.jump(JUMP, end)
		u.bind(orelse)
		u.stmts(s.Else)
	} else {
		u.bind(orelse)
	}
	u.bind(end)
}

// whileStmt compiles a while loop with its test at the top and again at
// the bottom, as CPython 3.11 does, so that an iteration dispatches no
// JUMP; a test that is a true constant is left out.
func (u *unit) whileStmt(s *lang.While) {
	body, cont, orelse, brk := u.newLabel(), u.newLabel(), u.newLabel(), u.newLabel()
	always := isTrue(s.Cond)
	if !always {
		u.test(s.Cond, orelse, false)
	}
	u.bind(body)
	u.pushBlock(s.Pos, &fblock{kind: fbWhile, cont: cont, brk: brk})
	u.stmts(s.Body)
	u.popBlock()
	u.bind(cont)
	u.setLine(s.Pos)
	if always {
		u.jump(JUMP, body)
	} else {
		u.test(s.Cond, body, true)
	}
	u.bind(orelse)
	u.stmts(s.Else)
	u.bind(brk)
}

// isTrue reports whether e is a constant that is true: True or an int
// other than 0 (`while True`, `while 1`).
func isTrue(e lang.Expr) bool {
	c, ok := e.(*lang.Constant)
	if !ok {
		return false
	}
	switch v := c.Value.(type) {
	case bool:
		return v
	case *big.Int:
		return v.Sign() != 0
	}
	return false
}

// isTemporary reports whether an iterable expression makes a fresh object
// nothing else refers to, so that leaving its loop early drops it.
func isTemporary(e lang.Expr) bool {
	_, ok := e.(*lang.Call)
	return ok
}

func boolArg(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (u *unit) forStmt(s *lang.For) {
	u.expr(s.Iter)
	u.setLine(s.Pos)
	if s.Async {
		u.emit(GET_AITER, boolArg(isTemporary(s.Iter)))
	} else {
		u.emit(GET_ITER, boolArg(isTemporary(s.Iter)))
	}
	brk := u.newLabel()
	u.loop(s.Async, s.Target, func(cont *label) {
		u.pushBlock(s.Pos, &fblock{kind: fbFor, cont: cont, brk: brk})
		u.stmts(s.Body)
		u.popBlock()
	})
	u.stmts(s.Else)
	u.bind(brk)
}

// loop compiles a for or async for over the iterator on top of the
// stack, which it pops at the end: each item is stored in target, then
// body runs, with cont the label that continue jumps to. The test is
// both at the top and at the bottom, so that an iteration dispatches no
// JUMP:
//
//	      FOR_ITER end       | GET_ANEXT start; await (handler end)
//	start: store target; body
//	cont: FOR_NEXT start     | GET_ANEXT start; await (handler end); JUMP start
//	end:                     | END_ASYNC_FOR
//
// The bottom test has the line of the top one.
func (u *unit) loop(async bool, target lang.Expr, body func(cont *label)) {
	line := u.line
	start, cont, end := u.newLabel(), u.newLabel(), u.newLabel()
	if async {
		u.anext(start, end)
	} else {
		u.jump(FOR_ITER, end)
	}
	u.bind(start)
	u.store(target)
	body(cont)
	u.bind(cont)
	u.line = line
	if !async {
		u.jump(FOR_NEXT, start)
		u.bind(end)
		return
	}
	u.anext(start, end)
	u.jump(JUMP, start)
	u.bind(end)
	u.emit(END_ASYNC_FOR, 0)
}

// anext awaits the next item of the async iterator on top of the stack
// for the loop whose body is at start; StopAsyncIteration goes to stop,
// which must run END_ASYNC_FOR.
func (u *unit) anext(start, stop *label) {
	old := u.pushHandler(stop)
	u.jump(GET_ANEXT, start)
	u.await()
	u.popHandler(old)
}

func (u *unit) breakStmt(pos lang.Pos, cont bool) {
	loop := len(u.fblocks) - 1
	for loop >= 0 && u.fblocks[loop].kind != fbWhile && u.fblocks[loop].kind != fbFor {
		loop--
	}
	if loop >= 0 {
		u.escape(func() {
			for i := len(u.fblocks) - 1; i > loop; i-- {
				u.unwind(i, false)
			}
			fb := u.fblocks[loop]
			if cont {
				u.jump(JUMP, fb.cont)
				return
			}
			u.unwind(loop, false)
			u.jump(JUMP, fb.brk)
		})
		return
	}
	if cont {
		panic(syntaxError(pos, "'continue' not properly in loop"))
	}
	panic(syntaxError(pos, "'break' outside loop"))
}
