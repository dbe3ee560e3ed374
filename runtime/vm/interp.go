package vm

import (
	"strings"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// run executes fr from its pc until it returns, yields or raises. A
// frame that yields has fr.yielded set and the yielded value as result.
func (th *Thread) run(fr *frame) (value.Value, error) {
	if th.depth >= th.maxDepth {
		return nil, value.Errorf(value.RecursionError, "maximum recursion depth exceeded")
	}
	th.depth++
	caller := th.frame
	th.frame = fr
	v, err := th.loop(fr)
	th.frame = caller
	th.depth--
	return v, err
}

// unbound is the UnboundLocalError of reading an unassigned local.
func unbound(name string) error {
	return value.Errorf(value.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
}

func notDefined(name string) error {
	return value.Errorf(value.NameError, "name '%s' is not defined", name)
}

// loop is the dispatch loop.
func (th *Thread) loop(fr *frame) (value.Value, error) {
	code := fr.code
	instrs := code.Instrs
	consts := fr.consts
	names := code.Names
	s := fr.slots
	sp := fr.sp
	pc := fr.pc
	var err error
	reraise := false  // err is re-raised: no traceback entry, no context
	explicit := false // err is raised by a raise statement
	thrown := false   // err is thrown into a suspended generator
	fr.yielded = false
	if fr.pending != nil {
		err, fr.pending = fr.pending, nil
		pc = fr.yieldPC + 1
		thrown = true
	}
	for {
		if err != nil {
			exc, ok := err.(*value.Exception)
			if !ok {
				if _, fatal := err.(*LimitError); fatal {
					th.dropStack(s[fr.base:sp])
					fr.sp = fr.base
					return nil, err
				}
				exc = value.Errorf(value.SystemError, "%v", err)
			}
			switch {
			case thrown:
				// Only the generator's own handled exception becomes
				// the context (CPython's _PyErr_ChainStackItem).
				setContext(exc, th.ei.exc)
			case reraise:
			case explicit || len(exc.Traceback) == 0:
				setContext(exc, th.handled())
			}
			if !reraise {
				exc.Traceback = append(exc.Traceback, value.Frame{Filename: code.Filename, Func: code.Name, Line: code.LineAt(pc - 1)})
			}
			reraise, explicit, thrown, err = false, false, false, nil
			h := code.Handler[pc-1]
			if h < 0 {
				th.dropStack(s[fr.base:sp])
				fr.sp = fr.base
				return nil, exc
			}
			hd := code.Handlers[h]
			nsp := fr.base + hd.Depth
			th.dropStack(s[nsp:sp])
			sp = nsp
			s[sp] = exc
			sp++
			pc = hd.Target
		}
		in := instrs[pc]
		pc++
		switch in.Op {
		case compile.NOP:
		case compile.POP_TOP:
			sp--
			s[sp] = nil
		case compile.COPY:
			s[sp] = s[sp-int(in.Arg)]
			sp++
		case compile.SWAP:
			i := sp - int(in.Arg)
			s[sp-1], s[i] = s[i], s[sp-1]
		case compile.LOAD_CONST:
			s[sp] = consts[in.Arg]
			sp++

		case compile.LOAD_FAST:
			v := s[in.Arg]
			if v == nil {
				err = unbound(code.Locals[in.Arg])
				break
			}
			s[sp] = v
			sp++
		case compile.STORE_FAST:
			sp--
			s[in.Arg] = s[sp]
			s[sp] = nil
		case compile.DELETE_FAST:
			old := s[in.Arg]
			if old == nil {
				err = unbound(code.Locals[in.Arg])
				break
			}
			s[in.Arg] = nil
			th.discard(old)
		case compile.LOAD_DEREF:
			v := fr.cells[in.Arg].V
			if v == nil {
				err = th.unboundDeref(code, int(in.Arg))
				break
			}
			s[sp] = v
			sp++
		case compile.STORE_DEREF:
			sp--
			fr.cells[in.Arg].V = s[sp]
			s[sp] = nil
		case compile.DELETE_DEREF:
			old := fr.cells[in.Arg].V
			if old == nil {
				err = th.unboundDeref(code, int(in.Arg))
				break
			}
			fr.cells[in.Arg].V = nil
			th.discard(old)
		case compile.LOAD_CLASSDEREF:
			name := derefName(code, int(in.Arg))
			v, ok := fr.ns.GetString(name)
			if !ok {
				v = fr.cells[in.Arg].V
				if v == nil {
					err = th.unboundDeref(code, int(in.Arg))
					break
				}
			}
			s[sp] = v
			sp++
		case compile.LOAD_GLOBAL:
			k := fr.keys[in.Arg]
			v, ok := fr.globals.GetKey(k, &fr.hints[in.Arg])
			if !ok {
				if v, ok = th.builtins[k.Name()]; !ok {
					err = notDefined(k.Name())
					break
				}
			}
			s[sp] = v
			sp++
		case compile.STORE_GLOBAL:
			sp--
			err = fr.globals.SetKey(th, fr.keys[in.Arg], &fr.hints[in.Arg], s[sp])
			s[sp] = nil
		case compile.DELETE_GLOBAL:
			err = th.delName(fr.globals, names[in.Arg])
		case compile.LOAD_NAME:
			k, hint := fr.keys[in.Arg], &fr.hints[in.Arg]
			v, ok := fr.ns.GetKey(k, hint)
			if !ok {
				if v, ok = fr.globals.GetKey(k, hint); !ok {
					if v, ok = th.builtins[k.Name()]; !ok {
						err = notDefined(k.Name())
						break
					}
				}
			}
			s[sp] = v
			sp++
		case compile.STORE_NAME:
			sp--
			err = fr.ns.SetKey(th, fr.keys[in.Arg], &fr.hints[in.Arg], s[sp])
			s[sp] = nil
		case compile.DELETE_NAME:
			err = th.delName(fr.ns, names[in.Arg])

		case compile.LOAD_ATTR:
			var v value.Value
			v, err = value.GetAttr(th, s[sp-1], names[in.Arg])
			s[sp-1] = v
		case compile.STORE_ATTR:
			err = value.SetAttr(th, s[sp-1], names[in.Arg], s[sp-2])
			sp -= 2
			s[sp], s[sp+1] = nil, nil
		case compile.DELETE_ATTR:
			sp--
			err = value.DelAttr(th, s[sp], names[in.Arg])
			s[sp] = nil
		case compile.BINARY_SUBSCR:
			var v value.Value
			v, err = value.GetItem(th, s[sp-2], s[sp-1])
			sp--
			s[sp] = nil
			s[sp-1] = v
		case compile.STORE_SUBSCR:
			err = value.SetItem(th, s[sp-2], s[sp-1], s[sp-3])
			sp -= 3
			s[sp], s[sp+1], s[sp+2] = nil, nil, nil
		case compile.DELETE_SUBSCR:
			err = value.DelItem(th, s[sp-2], s[sp-1])
			sp -= 2
			s[sp], s[sp+1] = nil, nil
		case compile.BUILD_SLICE:
			sl := &value.Slice{Start: s[sp-int(in.Arg)], Stop: s[sp-int(in.Arg)+1], Step: value.None}
			if in.Arg == 3 {
				sl.Step = s[sp-1]
			}
			sp -= int(in.Arg)
			clear(s[sp : sp+int(in.Arg)])
			s[sp] = sl
			sp++

		case compile.BINARY, compile.INPLACE:
			s[sp-2], err = fr.binary(th, in.Op, lang.Op(in.Arg), s[sp-2], s[sp-1])
			sp--
			s[sp] = nil
		case compile.BINARY_CONST:
			s[sp-1], err = fr.binary(th, compile.BINARY, lang.Op(in.Sub), s[sp-1], consts[in.Arg])
		case compile.UNARY:
			var v value.Value
			if lang.Op(in.Arg) == lang.Not {
				var t bool
				t, err = truth(th, s[sp-1])
				v = value.Bool(!t)
			} else {
				v, err = value.Unary(th, lang.Op(in.Arg), s[sp-1])
			}
			s[sp-1] = v
		case compile.COMPARE:
			x, y := s[sp-2], s[sp-1]
			var v value.Value
			if a, ok := x.(value.Int); ok {
				if b, ok := y.(value.Int); ok {
					if r, ok := intCompare(lang.Op(in.Arg), a, b); ok {
						sp--
						s[sp] = nil
						s[sp-1] = value.Bool(r)
						break
					}
				}
			}
			v, err = compare(th, lang.Op(in.Arg), x, y)
			sp--
			s[sp] = nil
			s[sp-1] = v

		case compile.JUMP:
			if int(in.Arg) < pc {
				if th.steps--; th.steps <= 0 {
					if err = th.refillSteps(); err != nil {
						break
					}
				}
			}
			pc = int(in.Arg)
		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			sp--
			v := s[sp]
			s[sp] = nil
			var t bool
			if b, ok := v.(value.Bool); ok {
				t = bool(b)
			} else if t, err = truth(th, v); err != nil {
				break
			}
			if t == (in.Op == compile.POP_JUMP_IF_TRUE) {
				pc = int(in.Arg)
			}
		case compile.COMPARE_JUMP_IF_FALSE, compile.COMPARE_JUMP_IF_TRUE:
			x, y := s[sp-2], s[sp-1]
			sp -= 2
			s[sp], s[sp+1] = nil, nil
			op := lang.Op(in.Sub)
			var t bool
			if a, ok := x.(value.Int); ok {
				if b, ok := y.(value.Int); ok {
					if r, ok := intCompare(op, a, b); ok {
						if r == (in.Op == compile.COMPARE_JUMP_IF_TRUE) {
							pc = int(in.Arg)
						}
						break
					}
				}
			}
			var v value.Value
			if v, err = compare(th, op, x, y); err != nil {
				break
			}
			if t, err = truth(th, v); err != nil {
				break
			}
			if t == (in.Op == compile.COMPARE_JUMP_IF_TRUE) {
				pc = int(in.Arg)
			}
		case compile.GET_ITER:
			var it value.Iterator
			it, err = value.Iterate(th, s[sp-1])
			if g, ok := it.(*Generator); ok && in.Arg == 1 && !g.core.started {
				// A fresh generator made by the call: the loop holds the
				// only reference.
				g.temp = true
			}
			s[sp-1] = it
		case compile.FOR_ITER:
			if th.steps--; th.steps <= 0 {
				if err = th.refillSteps(); err != nil {
					break
				}
			}
			var v value.Value
			var ok bool
			if it, isInt := s[sp-1].(value.IntIterator); isInt {
				var i int64
				if i, ok = it.NextInt(); ok {
					v = fr.ints.Make(i)
				}
			} else if v, ok, err = s[sp-1].(value.Iterator).Next(th); err != nil {
				break
			}
			if !ok {
				sp--
				s[sp] = nil
				pc = int(in.Arg)
				break
			}
			s[sp] = v
			sp++
		case compile.POP_ITER:
			sp--
			th.dropStack(s[sp : sp+1])

		case compile.BUILD_LIST:
			n := int(in.Arg)
			elems := make([]value.Value, n)
			copy(elems, s[sp-n:sp])
			clear(s[sp-n : sp])
			sp -= n
			s[sp] = value.NewList(elems)
			sp++
		case compile.BUILD_TUPLE:
			n := int(in.Arg)
			t := make(value.Tuple, n)
			copy(t, s[sp-n:sp])
			clear(s[sp-n : sp])
			sp -= n
			s[sp] = t
			sp++
		case compile.BUILD_SET:
			n := int(in.Arg)
			set := value.NewSet()
			for _, v := range s[sp-n : sp] {
				if err = set.Add(th, v); err != nil {
					break
				}
			}
			clear(s[sp-n : sp])
			sp -= n
			s[sp] = set
			sp++
		case compile.BUILD_MAP:
			n := int(in.Arg)
			d := value.NewDict(n)
			for i := sp - 2*n; i < sp && err == nil; i += 2 {
				err = d.SetItem(th, s[i], s[i+1])
			}
			clear(s[sp-2*n : sp])
			sp -= 2 * n
			s[sp] = d
			sp++
		case compile.LIST_APPEND:
			sp--
			s[sp-1-int(in.Arg)].(*value.List).Append(s[sp])
			s[sp] = nil
		case compile.SET_ADD:
			sp--
			err = s[sp-1-int(in.Arg)].(*value.Set).Add(th, s[sp])
			s[sp] = nil
		case compile.MAP_ADD:
			sp -= 2
			err = s[sp-1-int(in.Arg)].(*value.Dict).SetItem(th, s[sp], s[sp+1])
			s[sp], s[sp+1] = nil, nil
		case compile.LIST_EXTEND:
			sp--
			var fn value.Value
			depth := int(in.Arg &^ compile.CallArgs)
			if in.Arg&compile.CallArgs != 0 {
				fn = s[sp-2-depth]
			}
			err = extendList(th, s[sp-1-depth].(*value.List), s[sp], fn)
			s[sp] = nil
		case compile.SET_UPDATE:
			sp--
			err = s[sp-1-int(in.Arg)].(*value.Set).Update(th, s[sp])
			s[sp] = nil
		case compile.DICT_UPDATE, compile.DICT_MERGE:
			sp--
			var fn value.Value
			if in.Op == compile.DICT_MERGE {
				fn = s[sp-3-int(in.Arg)]
			}
			err = mergeDict(th, s[sp-1-int(in.Arg)].(*value.Dict), s[sp], fn)
			s[sp] = nil
		case compile.LIST_TO_TUPLE:
			s[sp-1] = value.Tuple(s[sp-1].(*value.List).Elems)

		case compile.UNPACK_SEQUENCE:
			n := int(in.Arg)
			var items []value.Value
			items, err = unpack(th, s[sp-1], n, -1)
			if err != nil {
				break
			}
			sp--
			for i := n - 1; i >= 0; i-- {
				s[sp] = items[i]
				sp++
			}
		case compile.UNPACK_EX:
			before, after := int(in.Arg&0xff), int(in.Arg>>8)
			var items []value.Value
			items, err = unpack(th, s[sp-1], before, after)
			if err != nil {
				break
			}
			sp--
			mid := len(items) - after
			for i := len(items) - 1; i >= mid; i-- {
				s[sp] = items[i]
				sp++
			}
			rest := make([]value.Value, mid-before)
			copy(rest, items[before:mid])
			s[sp] = value.NewList(rest)
			sp++
			for i := before - 1; i >= 0; i-- {
				s[sp] = items[i]
				sp++
			}

		case compile.CALL:
			if th.steps--; th.steps <= 0 {
				if err = th.refillSteps(); err != nil {
					break
				}
			}
			n := int(in.Arg)
			fp := sp - n - 1
			var v value.Value
			if f, ok := s[fp].(*Function); ok && f.simple && n == f.code.ArgCount {
				// The common case, without binding or Go calls in between.
				callee := th.newFrame(f.code, f.globals, f)
				copy(callee.slots, s[fp+1:sp])
				if callee.cells != nil {
					callee.initCells()
				}
				v, err = th.run(callee)
				th.release(callee)
			} else {
				v, err = th.call(s[fp], s[fp+1:sp], nil, nil)
			}
			clear(s[fp+1 : sp])
			sp = fp + 1
			s[fp] = v
		case compile.LOAD_METHOD:
			obj := s[sp-1]
			if f := methodOf(obj, names[in.Arg]); f != nil {
				s[sp-1] = f
				s[sp] = obj
			} else {
				var v value.Value
				v, err = value.GetAttr(th, obj, names[in.Arg])
				s[sp-1] = v
				s[sp] = nil
			}
			sp++
		case compile.CALL_METHOD:
			if th.steps--; th.steps <= 0 {
				if err = th.refillSteps(); err != nil {
					break
				}
			}
			n := int(in.Arg)
			fp := sp - n - 2
			var v value.Value
			switch m, self := s[fp], s[fp+1]; {
			case self == nil:
				v, err = th.call(m, s[fp+2:sp], nil, nil)
			case isFunction(m):
				v, err = th.callFunction(m.(*Function), self, s[fp+2:sp], nil, nil)
			default:
				own := make([]value.Value, n+1)
				copy(own, s[fp+1:sp])
				v, err = value.Call(th, m, own, nil)
			}
			clear(s[fp+1 : sp])
			sp = fp + 1
			s[fp] = v
		case compile.CALL_KW:
			if th.steps--; th.steps <= 0 {
				if err = th.refillSteps(); err != nil {
					break
				}
			}
			kw := s[sp-1].(*kwNames).names
			n := int(in.Arg)
			fp := sp - n - 2
			var v value.Value
			v, err = th.call(s[fp], s[fp+1:sp-1-len(kw)], kw, s[sp-1-len(kw):sp-1])
			clear(s[fp+1 : sp])
			sp = fp + 1
			s[fp] = v
		case compile.CALL_EX:
			if th.steps--; th.steps <= 0 {
				if err = th.refillSteps(); err != nil {
					break
				}
			}
			fp := sp - 2 - int(in.Arg)
			var v value.Value
			v, err = th.callEx(s[fp], s[fp+1], s[sp-1], in.Arg == 1)
			clear(s[fp+1 : sp])
			sp = fp + 1
			s[fp] = v
		case compile.MAKE_FUNCTION:
			sp--
			fcode := s[sp].(*codeValue).code
			s[sp] = nil
			f := newFunction(fcode, fr.globals)
			if in.Arg&2 != 0 {
				sp--
				f.kwdefaults = s[sp].(*value.Dict)
				s[sp] = nil
			}
			if in.Arg&1 != 0 {
				sp--
				f.defaults = s[sp].(value.Tuple)
				s[sp] = nil
			}
			if len(fcode.FreeFrom) > 0 {
				f.closure = make([]*cell, len(fcode.FreeFrom))
				for i, j := range fcode.FreeFrom {
					f.closure[i] = fr.cells[j]
				}
			}
			s[sp] = f
			sp++
		case compile.BUILD_CLASS:
			n := int(in.Arg)
			fp := sp - n - 2
			var v value.Value
			v, err = th.buildClass(fr, s[fp].(*Function), s[fp+1].(value.String).String(), s[fp+2:sp])
			clear(s[fp:sp])
			sp = fp
			s[sp] = v
			sp++

		case compile.RETURN_VALUE:
			sp--
			v := s[sp]
			s[sp] = nil
			fr.sp = sp
			return v, nil
		case compile.RETURN_CLASSCELL:
			var v value.Value = value.None
			for i, name := range code.Cells {
				if name == "__class__" {
					v = fr.cells[i]
				}
			}
			fr.sp = sp
			return v, nil
		case compile.YIELD_VALUE:
			sp--
			v := s[sp]
			s[sp] = nil
			fr.pc, fr.sp, fr.yieldPC = pc, sp, pc-1
			fr.yielded, fr.awaiting = true, false
			return v, nil
		case compile.YIELD_FROM:
			v, done, e := th.delegate(s[sp-2], s[sp-1])
			sp--
			s[sp] = nil
			if e != nil {
				err = e
				break
			}
			if !done {
				fr.pc, fr.sp, fr.yieldPC = pc-1, sp, pc-1
				fr.yielded, fr.awaiting = true, true
				return v, nil
			}
			s[sp-1] = v
		case compile.GET_AWAITABLE:
			var v value.Value
			v, err = awaitable(th, s[sp-1])
			s[sp-1] = v
		case compile.GET_YIELD_FROM_ITER:
			var v value.Value
			v, err = yieldFromIter(th, s[sp-1])
			s[sp-1] = v
		case compile.GET_AITER:
			var v value.Value
			v, err = th.aiter(s[sp-1], in.Arg == 1)
			s[sp-1] = v
		case compile.GET_ANEXT:
			// The compiler follows GET_ANEXT with the await of its result:
			// GET_AWAITABLE, LOAD_CONST None, YIELD_FROM. Over an async
			// generator, the three are done here.
			if g, ok := s[sp-1].(*AsyncGenerator); ok {
				v, pending, e := g.next(th)
				switch {
				case e != nil:
					err = e
				case pending == nil:
					s[sp] = v
					sp++
					pc += 3
				default:
					// Suspended as the YIELD_FROM would be.
					s[sp] = pending
					sp++
					pc += 2
					fr.pc, fr.sp, fr.yieldPC = pc, sp, pc
					fr.yielded, fr.awaiting = true, true
					return v, nil
				}
				break
			}
			var v value.Value
			v, err = th.anext(s[sp-1])
			s[sp] = v
			sp++
		case compile.END_ASYNC_FOR:
			exc := s[sp-1].(*value.Exception)
			sp -= 2
			s[sp], s[sp+1] = nil, nil
			if !exc.Class.IsSubclass(value.StopAsyncIteration) {
				err, reraise = exc, true
			}
		case compile.BEFORE_WITH, compile.BEFORE_ASYNC_WITH:
			var exit, res value.Value
			exit, res, err = th.enterContext(s[sp-1], in.Op == compile.BEFORE_ASYNC_WITH)
			if err != nil {
				break
			}
			s[sp-1] = exit
			s[sp] = res
			sp++
		case compile.WITH_EXCEPT_START:
			exc := s[sp-1].(*value.Exception)
			var v value.Value
			v, err = value.Call(th, s[sp-3], []value.Value{exc.Class, exc, tracebackOf(exc)}, nil)
			s[sp] = v
			sp++
		case compile.RAISE:
			reraise, explicit, err = th.raise(s[sp-int(in.Arg) : sp])
			clear(s[sp-int(in.Arg) : sp])
			sp -= int(in.Arg)
		case compile.RERAISE:
			sp--
			err, reraise = s[sp].(*value.Exception), true
			s[sp] = nil
		case compile.PUSH_EXC_INFO:
			exc := s[sp-1].(*value.Exception)
			if prev := th.ei.exc; prev != nil {
				s[sp-1] = prev
			} else {
				s[sp-1] = nil
			}
			s[sp] = exc
			sp++
			th.ei.exc = exc
		case compile.POP_EXCEPT:
			sp--
			th.ei.exc, _ = s[sp].(*value.Exception)
			s[sp] = nil
		case compile.POP_EXCEPT_RERAISE:
			sp -= 2
			th.ei.exc, _ = s[sp].(*value.Exception)
			err, reraise = s[sp+1].(*value.Exception), true
			s[sp], s[sp+1] = nil, nil
		case compile.CHECK_EXC_MATCH:
			var ok bool
			ok, err = excMatches(s[sp-2].(*value.Exception), s[sp-1])
			s[sp-1] = value.Bool(ok)

		case compile.FORMAT_VALUE:
			var spec string
			if in.Arg&4 != 0 {
				sp--
				spec = s[sp].(value.String).String()
				s[sp] = nil
			}
			var str value.Value
			str, err = formatValue(th, s[sp-1], int(in.Arg&3), spec)
			s[sp-1] = str
		case compile.BUILD_STRING:
			n := int(in.Arg)
			var b strings.Builder
			for _, v := range s[sp-n : sp] {
				b.WriteString(v.(value.String).String())
			}
			clear(s[sp-n : sp])
			sp -= n
			s[sp] = value.MakeString(b.String())
			sp++

		case compile.IMPORT_NAME:
			var m value.Value
			m, err = th.importModule(names[in.Arg])
			s[sp] = m
			sp++
		case compile.IMPORT_FROM:
			var v value.Value
			v, err = importFrom(th, s[sp-1], names[in.Arg])
			s[sp] = v
			sp++
		case compile.IMPORT_STAR:
			sp--
			err = importStar(th, s[sp], fr.ns)
			s[sp] = nil
		case compile.LOAD_ASSERTION_ERROR:
			s[sp] = value.AssertionError
			sp++
		default:
			err = value.Errorf(value.SystemError, "unknown opcode %v", in.Op)
		}
	}
}

// methodOf returns what obj.name calls as a method when the call needs no
// bound method object: a script function of the class of an instance of a
// script class (not shadowed by an instance attribute), or a method of a
// builtin type. It returns nil otherwise.
func methodOf(obj value.Value, name string) value.Value {
	switch o := obj.(type) {
	case *value.Instance:
		f, ok := o.Class.Lookup(name).(*Function)
		if !ok {
			return nil
		}
		if _, shadowed := o.Dict.GetString(name); shadowed {
			return nil
		}
		return f
	case *value.Module, *value.Class, *value.Exception, *value.Super:
		return nil
	}
	cls := obj.Type()
	if cls.Module != "builtins" {
		return nil
	}
	// A builtin type's method is qualified by its class ("list.append");
	// other builtins in a class dictionary do not bind.
	if b, ok := cls.Lookup(name).(*value.Builtin); ok && strings.Contains(b.Name(), ".") {
		return b
	}
	return nil
}

func isFunction(v value.Value) bool {
	_, ok := v.(*Function)
	return ok
}

func derefName(code *compile.Code, i int) string {
	if i < len(code.Cells) {
		return code.Cells[i]
	}
	return code.Frees[i-len(code.Cells)]
}

func (th *Thread) unboundDeref(code *compile.Code, i int) error {
	name := derefName(code, i)
	if i < len(code.Cells) {
		return unbound(name)
	}
	return value.Errorf(value.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
}

func (th *Thread) delName(d *value.Dict, name string) error {
	old, ok, err := d.Delete(th, value.MakeString(name))
	if err == nil && !ok {
		return notDefined(name)
	}
	if ok {
		th.discard(old)
	}
	return err
}

// truth is value.Truth with the common cases inline.
func truth(th *Thread, v value.Value) (bool, error) {
	switch v := v.(type) {
	case value.Bool:
		return bool(v), nil
	case value.Int:
		return v != 0, nil
	case value.NoneType:
		return false, nil
	}
	return value.Truth(th, v)
}

func compare(th *Thread, op lang.Op, x, y value.Value) (value.Value, error) {
	switch op {
	case lang.Is:
		return value.Bool(value.Is(x, y)), nil
	case lang.IsNot:
		return value.Bool(!value.Is(x, y)), nil
	case lang.In, lang.NotIn:
		ok, err := value.Contains(th, y, x)
		return value.Bool(ok == (op == lang.In)), err
	}
	return value.Compare(th, op, x, y)
}
