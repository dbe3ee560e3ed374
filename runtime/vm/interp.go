package vm

import (
	"unsafe"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// run executes fr from its pc until it returns, yields or raises. A
// frame that yields has fr.yielded set and the yielded value as result.
func (th *Thread) run(fr *frame) (value.Value, error) {
	if th.depth >= th.maxDepth {
		th.throwing = nil
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

// unbound is the UnboundLocalError of reading local i of fr.
func (fr *frame) unbound(i int32) error {
	return unbound(fr.p.code.Locals[i])
}

func notDefined(name string) error {
	return value.Errorf(value.NameError, "name '%s' is not defined", name)
}

// loop is the dispatch loop. The frequent instructions run here; exec
// runs the others, so that this function stays small enough for the
// compiler to keep its state in registers.
//
// The generator that FOR_ITER/FOR_NEXT or GET_ANEXT resumes runs here
// too in the plain case (Thread.inline), as CPython 3.11 runs the frames
// of calls: the instruction saves its frame's pc (pointing at itself) and
// sp, pushes the frame on th.callers and the loop goes on in the
// generator's frame. When that frame yields an item, the loop goes back
// to the frame on top of th.callers and completes the instruction;
// otherwise (it returns, raises, awaits) the instruction runs again with
// th.resumed set, and takes the step's result from th.res and th.resErr.
func (th *Thread) loop(fr *frame) (value.Value, error) {
	var err error
	var item value.Value // the item a generator run inline yielded
	base := len(th.callers)
	if th.throwing != nil {
		err, th.throwing = th.throwing, nil
		fr.pc = fr.yieldPC + 1
		fr.how = howThrown
	}
frames:
	for {
		instrs := fr.p.code.Instrs
		consts := fr.p.consts
		s := fr.slots
		sp := int(fr.sp)
		pc := int(fr.pc)
		fr.yielded = false
		if item != nil {
			// What FOR_ITER, FOR_NEXT or GET_ANEXT does with an item:
			// the latter two jump, and a local target is stored at once.
			if in := &instrs[pc]; in.Op == compile.FOR_ITER {
				pc++
			} else {
				pc = int(in.Arg)
			}
			if next := instrs[pc]; next.Op == compile.STORE_FAST {
				fr.disown(next.Arg)
				s[next.Arg] = item
				pc++
			} else {
				s[sp] = item
				sp++
			}
			item = nil
		}
		var res value.Value // what the frame returns or yields
	dispatch:
		for {
			if err != nil {
				if pc, sp, err = th.unwind(fr, err, pc, sp); err != nil {
					fr.sp = int32(sp)
					break dispatch
				}
			}
			in := &instrs[pc]
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
					err = fr.unbound(in.Arg)
					break
				}
				fr.disown(in.Arg)
				s[sp] = v
				sp++
			case compile.STORE_FAST:
				sp--
				fr.disown(in.Arg)
				s[in.Arg] = s[sp]
				s[sp] = nil
			case compile.CHECK_FAST:
				if s[in.Arg] == nil {
					err = fr.unbound(in.Arg)
				}
			case compile.INPLACE_FAST:
				sp--
				y := s[sp]
				s[sp] = nil
				err = th.inplaceFast(fr, in.Arg, lang.Op(in.Sub), y)
			case compile.INPLACE_FAST_FAST:
				k, j := in.Arg&0xffff, in.Arg>>16
				y := s[j]
				if y == nil && s[k] != nil {
					err = fr.unbound(j)
					break
				}
				fr.disown(j)
				err = th.inplaceFast(fr, k, lang.Op(in.Sub), y)
			case compile.INPLACE_FAST_CONST:
				err = th.inplaceFast(fr, in.Arg&0xffff, lang.Op(in.Sub), consts[in.Arg>>16])
			case compile.LOAD_GLOBAL, compile.LOAD_GLOBAL_METHOD:
				i := in.Arg
				if in.Op == compile.LOAD_GLOBAL_METHOD {
					i = int32(in.K)
				}
				k := &fr.p.keys[i]
				v, ok := fr.globals.GetKey(k, &fr.p.hints[i])
				if !ok {
					if v, ok = th.builtins[k.Name()]; !ok {
						err = notDefined(k.Name())
						break
					}
				}
				s[sp] = v
				sp++
				if in.Op == compile.LOAD_GLOBAL_METHOD {
					s[sp-1], s[sp], err = th.loadMethod(fr, v, in.Arg)
					sp++
				}
			case compile.STORE_GLOBAL:
				sp--
				err = fr.globals.SetKey(th, fr.p.keys[in.Arg], &fr.p.hints[in.Arg], s[sp])
				s[sp] = nil
			case compile.LOAD_ATTR:
				var v value.Value
				v, err = getAttr(th, s[sp-1], fr.p.keys[in.Arg], &fr.p.hints[in.Arg])
				s[sp-1] = v
			case compile.BINARY, compile.INPLACE, compile.BINARY_CONST, compile.BINARY_FAST_CONST:
				var x, y value.Value
				op, bop, arg := in.Op, lang.Op(in.Arg), in.Arg
				if op == compile.BINARY_FAST_CONST {
					// LOAD_FAST, then BINARY_CONST.
					k := arg >> 16
					if x = s[k]; x == nil {
						err = fr.unbound(k)
						break
					}
					fr.disown(k)
					s[sp] = x
					sp++
					op, arg = compile.BINARY_CONST, arg&0xffff
				}
				if op == compile.BINARY_CONST {
					x, y, op, bop = s[sp-1], consts[arg], compile.BINARY, lang.Op(in.Sub)
				} else {
					sp--
					x, y = s[sp-1], s[sp]
					s[sp] = nil
				}
				if a, ok := x.(value.Int); ok {
					if b, ok := y.(value.Int); ok {
						if r, ok := intBinary(bop, a, b); ok {
							if next := instrs[pc].Op; next == compile.BINARY || next == compile.INPLACE || next == compile.BINARY_CONST {
								r, pc, sp = fr.chain(r, pc, sp)
							}
							s[sp-1] = th.ints.Make(r)
							break
						}
					}
				}
				var v value.Value
				if op == compile.INPLACE {
					v, err = value.InplaceBinary(th, bop, x, y)
				} else {
					v, err = value.Binary(th, bop, x, y)
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
					if err = th.step(); err != nil {
						break
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
					if int(in.Arg) < pc {
						if err = th.step(); err != nil {
							break
						}
					}
					pc = int(in.Arg)
				}
			case compile.COMPARE_JUMP_IF_FALSE, compile.COMPARE_JUMP_IF_TRUE,
				compile.COMPARE_CONST_JUMP_IF_FALSE, compile.COMPARE_CONST_JUMP_IF_TRUE:
				var x, y value.Value
				if in.Op == compile.COMPARE_CONST_JUMP_IF_FALSE || in.Op == compile.COMPARE_CONST_JUMP_IF_TRUE {
					sp--
					x, y = s[sp], consts[in.K]
					s[sp] = nil
				} else {
					sp -= 2
					x, y = s[sp], s[sp+1]
					s[sp], s[sp+1] = nil, nil
				}
				op := lang.Op(in.Sub)
				t, ok := false, false
				if op == lang.Is || op == lang.IsNot {
					t, ok = is(x, y) == (op == lang.Is), true
				} else if a, isInt := x.(value.Int); isInt {
					if b, isInt := y.(value.Int); isInt {
						t, ok = intCompare(op, a, b)
					}
				}
				if !ok {
					var v value.Value
					if v, err = compare(th, op, x, y); err != nil {
						break
					}
					if t, err = truth(th, v); err != nil {
						break
					}
				}
				if t == (in.Op == compile.COMPARE_JUMP_IF_TRUE || in.Op == compile.COMPARE_CONST_JUMP_IF_TRUE) {
					if int(in.Arg) < pc {
						if err = th.step(); err != nil {
							break
						}
					}
					pc = int(in.Arg)
				}
			case compile.FOR_ITER, compile.FOR_NEXT:
				// FOR_ITER leaves the loop by jumping, FOR_NEXT (the test at
				// the bottom) goes back to its body by jumping.
				var v, second value.Value // second: the pair's, when paired
				var ok, paired bool
				if th.resumed {
					// The generator run inline returned, raised or yielded
					// from a yield from.
					th.resumed = false
					if err = th.resErr; err != nil {
						break
					}
					v, ok = th.res, th.res != nil
					th.res = nil
				} else if err = th.step(); err != nil {
					break
				} else if i, more, isRange := value.NextRangeInt(s[sp-1]); isRange {
					if ok = more; ok {
						v = th.ints.Make(i)
					}
				} else if g, isGen := s[sp-1].(*Generator); isGen && th.inline(&g.core) {
					fr.pc, fr.sp = int32(pc-1), int32(sp)
					fr = th.enter(&g.core, fr)
					continue frames
				} else if pi, isPair := s[sp-1].(value.PairIterator); isPair && unpacksPair(instrs, pc, in) {
					// `for a, b in d.items()` (enumerate, zip): the pair's
					// items without the tuple, which nothing else sees.
					if v, second, ok, paired, err = pi.NextPair(th); err != nil {
						break
					}
					if !paired {
						if v, ok, err = pi.Next(th); err != nil {
							break
						}
					}
				} else if v, ok, err = s[sp-1].(value.Iterator).Next(th); err != nil {
					break
				}
				if ok == (in.Op == compile.FOR_NEXT) {
					pc = int(in.Arg)
				}
				if !ok {
					sp--
					s[sp] = nil
					break
				}
				if paired {
					// What the target's UNPACK_SEQUENCE 2 would push.
					s[sp], s[sp+1] = second, v
					sp += 2
					pc++
					break
				}
				// The loop's target is most often a variable: store it now,
				// saving a dispatch.
				switch next := instrs[pc]; next.Op {
				case compile.STORE_FAST:
					fr.disown(next.Arg)
					s[next.Arg] = v
					pc++
				case compile.STORE_GLOBAL:
					pc++
					err = fr.globals.SetKey(th, fr.p.keys[next.Arg], &fr.p.hints[next.Arg], v)
				default:
					s[sp] = v
					sp++
				}
			case compile.CALL:
				if err = th.step(); err != nil {
					break
				}
				n := int(in.Arg)
				fp := sp - n - 1
				var v value.Value
				if f, ok := s[fp].(*Function); ok && f.simple && n == f.code.ArgCount {
					// The common case, without binding or Go calls in between.
					callee := th.newFrame(f.code, f.globals, f)
					copySlots(callee.slots, s[fp+1:sp])
					if callee.cells != nil {
						callee.initCells()
					}
					v, err = th.run(callee)
					th.release(callee)
				} else {
					v, err = th.callPositional(s[fp], s[fp+1:sp])
				}
				clearSlots(s[fp+1 : sp])
				sp = fp + 1
				s[fp] = v
			case compile.LOAD_METHOD, compile.LOAD_FAST_METHOD:
				if in.Op == compile.LOAD_FAST_METHOD {
					k := int32(in.K)
					v := s[k]
					if v == nil {
						err = fr.unbound(k)
						break
					}
					fr.disown(k)
					s[sp] = v
					sp++
				}
				s[sp-1], s[sp], err = th.loadMethod(fr, s[sp-1], in.Arg)
				sp++
			case compile.CALL_METHOD:
				if err = th.step(); err != nil {
					break
				}
				n := int(in.Arg)
				fp := sp - n - 2
				var v value.Value
				switch m, self := s[fp], s[fp+1]; {
				case self == nil:
					v, err = th.callPositional(m, s[fp+2:sp])
				case isFunction(m):
					v, err = th.callFunction(m.(*Function), self, s[fp+2:sp], nil, nil)
				case isGoMethod(m):
					v, err = m.(*goMethod).call(th, s[fp+1:sp])
				default:
					v, err = value.Call(th, m, borrowArgs(m, s[fp+1:sp]), nil)
				}
				clearSlots(s[fp+1 : sp])
				sp = fp + 1
				s[fp] = v
			case compile.RETURN_VALUE, compile.RETURN_FAST, compile.YIELD_VALUE, compile.YIELD_FAST:
				// The value is a local for the _FAST forms, else popped.
				var v value.Value
				if in.Op == compile.RETURN_FAST || in.Op == compile.YIELD_FAST {
					if v = s[in.Arg]; v == nil {
						err = fr.unbound(in.Arg)
						break
					}
					fr.disown(in.Arg)
				} else {
					sp--
					v = s[sp]
					s[sp] = nil
				}
				res = v
				if in.Op == compile.RETURN_VALUE || in.Op == compile.RETURN_FAST {
					fr.sp = int32(sp)
					break dispatch
				}
				fr.pc, fr.sp, fr.yieldPC = int32(pc), int32(sp), int32(pc-1)
				fr.yielded, fr.awaiting = true, false
				// A yield statement drops the value sent: skip its POP_TOP
				// and push nothing when the frame resumes.
				if fr.discard = instrs[pc].Op == compile.POP_TOP; fr.discard {
					fr.pc++
				}
				break dispatch
			case compile.GET_AWAITABLE, compile.YIELD_FROM:
				// The compiler follows GET_AWAITABLE with LOAD_CONST None and
				// YIELD_FROM: the first send of an await is done here.
				var (
					v    value.Value
					done bool
					e    error
				)
				if in.Op == compile.GET_AWAITABLE {
					var sub value.Value
					var c value.Coroutine
					if sub, c, err = awaitable(th, s[sp-1]); err != nil {
						break
					}
					s[sp-1] = sub
					pc += 2
					if c != nil {
						v, done, e = c.Send(th, value.None)
					} else {
						v, done, e = th.delegate(sub, value.None)
					}
				} else {
					sp--
					sent := s[sp]
					s[sp] = nil
					v, done, e = th.delegate(s[sp-1], sent)
				}
				if e != nil {
					err = e
					break
				}
				if !done {
					// Suspended at the YIELD_FROM, which runs again on resume.
					fr.pc, fr.sp, fr.yieldPC = int32(pc-1), int32(sp), int32(pc-1)
					fr.yielded, fr.awaiting = true, true
					res = v
					break dispatch
				}
				// An await statement drops the result, `x = await ...` stores
				// it in a local: the POP_TOP or STORE_FAST is done here.
				switch next := instrs[pc]; next.Op {
				case compile.POP_TOP:
					sp--
					s[sp] = nil
					pc++
				case compile.STORE_FAST:
					sp--
					s[sp] = nil
					fr.disown(next.Arg)
					s[next.Arg] = v
					pc++
				default:
					s[sp-1] = v
				}
			case compile.GET_ANEXT:
				// The compiler follows GET_ANEXT with the await of its result:
				// GET_AWAITABLE, LOAD_CONST None, YIELD_FROM. Over an async
				// generator, the three are done here, and the item goes
				// where the await's result goes, in.Arg.
				if int(in.Arg) < pc && !th.resumed {
					// The test at the bottom of the loop: a step, as a JUMP.
					if err = th.step(); err != nil {
						break
					}
				}
				if g, ok := s[sp-1].(*AsyncGenerator); ok {
					var v value.Value
					var pending *agenOp
					var e error
					switch {
					case th.resumed:
						th.resumed = false
						v, pending, e = g.result(th.res, th.resErr)
						th.res = nil
					case g.hooked && !g.runningAsync && th.AgenStep == nil && th.inline(&g.core):
						// What next does, in the loop.
						g.runningAsync = true
						fr.pc, fr.sp = int32(pc-1), int32(sp)
						fr = th.enter(&g.core, fr)
						continue frames
					default:
						v, pending, e = g.next(th)
					}
					switch {
					case e != nil:
						err = e
					case pending == nil:
						pc = int(in.Arg)
						// As FOR_ITER does, store a local target at once.
						if next := instrs[pc]; next.Op == compile.STORE_FAST {
							fr.disown(next.Arg)
							s[next.Arg] = v
							pc++
							break
						}
						s[sp] = v
						sp++
					default:
						// Suspended as the YIELD_FROM would be.
						s[sp] = pending
						sp++
						pc += 2
						fr.pc, fr.sp, fr.yieldPC = int32(pc), int32(sp), int32(pc)
						fr.yielded, fr.awaiting = true, true
						res = v
						break dispatch
					}
					break
				}
				var v value.Value
				v, err = th.anext(s[sp-1])
				s[sp] = v
				sp++
			default:
				fr.pc, fr.sp = int32(pc), int32(sp)
				var v value.Value
				var exit bool
				if v, exit, err = th.exec(fr, *in); exit {
					res = v
					break dispatch
				}
				pc, sp = int(fr.pc), int(fr.sp)
			}
		}
		if len(th.callers) == base {
			return res, err
		}
		// fr is the frame of a generator run inline: back to the frame
		// that resumed it (th.run's and step's work).
		g := (*genCore)(unsafe.Pointer(fr))
		n := len(th.callers) - 1
		fr = th.callers[n]
		th.callers[n] = nil
		th.callers = th.callers[:n]
		th.frame = fr
		th.depth--
		g.leave(th)
		switch {
		case err == nil && g.yielded && g.p.code.Flags&compile.AsyncGen == 0:
			item = res // also when yielded by a yield from
		case err == nil && g.yielded && !g.awaiting:
			item = res
			(*AsyncGenerator)(unsafe.Pointer(g)).runningAsync = false
		case err == nil && g.yielded:
			th.res, th.resErr, th.resumed = res, nil, true
		default:
			th.res, _, th.resErr = g.stop(res, err)
			th.res, th.resumed, err = nil, true, nil
		}
	}
}

// inline reports whether the loop may run the frame of g, a generator
// that FOR_ITER or GET_ANEXT resumes with None, itself instead of calling
// step: g is ready and th.run's recursion limit is not reached.
func (th *Thread) inline(g *genCore) bool {
	return th.depth < th.maxDepth && !g.running && !g.finished
}

// enter makes the loop run g's frame next, resumed by fr, which has
// saved its pc and sp.
func (th *Thread) enter(g *genCore, fr *frame) *frame {
	g.begin(th, value.None, true)
	th.callers = append(th.callers, fr)
	th.depth++
	th.frame = &g.frame
	return &g.frame
}

// step counts a step: a call, or a jump back, which ends a loop
// iteration.
func (th *Thread) step() error {
	if th.steps--; th.steps <= 0 {
		return th.refillSteps()
	}
	return nil
}

// loadMethod is LOAD_METHOD of Names[i] on obj: it returns the method
// and obj when the call needs no bound method object, else the attribute
// and nil. Such a method is a script function of the class of an
// instance of a script class (not shadowed by an instance attribute), or
// the *goMethod of a method of a class defined in Go (builtin types,
// asyncio's), which p.methods caches. A module's function
// (asyncio.sleep) is read from its globals at once.
func (th *Thread) loadMethod(fr *frame, obj value.Value, i int32) (value.Value, value.Value, error) {
	p := fr.p
	switch o := obj.(type) {
	case *value.Module:
		if v, ok := o.Globals.GetKey(&p.keys[i], &p.hints[i]); ok {
			return v, nil, nil
		}
	case *value.Instance:
		if f, ok := o.Class.LookupKey(p.keys[i]).(*Function); ok {
			if _, shadowed := o.Dict.GetKey(&p.keys[i], &p.hints[i]); !shadowed {
				return f, obj, nil
			}
		}
	case *value.Class, *value.Exception, *value.Super:
	default:
		cls := obj.Type()
		var m value.Value
		if c, ok := p.methods[i].lookup(cls); ok {
			m = c.method()
		} else {
			m = goMethodOf(cls, p, i)
		}
		if m != nil {
			return m, obj, nil
		}
	}
	v, err := getAttr(th, obj, p.keys[i], &p.hints[i])
	return v, nil, err
}

// goMethodOf returns what LOAD_METHOD pushes for Names[i] of p, a name
// of cls, which p.methods does not cache for cls: a method that takes its
// receiver first (a *goMethod, or the method itself when the cache holds
// another class), or nil.
func goMethodOf(cls *value.Class, p *prepared, i int32) value.Value {
	if cls.Mutable() {
		return nil
	}
	// Such a class's dictionary never changes: the hint finds a method
	// of the class itself at once.
	var v value.Value
	ok := false
	if cls.Dict != nil {
		v, ok = cls.Dict.GetKey(&p.keys[i], &p.hints[i])
	}
	if !ok && cls.Base != nil {
		v = cls.Base.LookupKey(p.keys[i]) // the rest of the MRO
	}
	if m := p.methods[i].fill(cls, v); m != nil {
		return m.method()
	}
	// Another class has the cache: the method as it is, for value.Call.
	if takesReceiver(v) {
		return v
	}
	return nil
}

// getAttr is value.GetAttrKey, which finds the attributes of instances
// by key, finding those of modules (asyncio.sleep) by key too.
func getAttr(th *Thread, obj value.Value, k value.Key, hint *value.Hint) (value.Value, error) {
	if m, ok := obj.(*value.Module); ok {
		if v, ok := m.Globals.GetKey(&k, hint); ok {
			return v, nil
		}
	}
	return value.GetAttrKey(th, obj, k, hint)
}

func isFunction(v value.Value) bool {
	_, ok := v.(*Function)
	return ok
}

func isGoMethod(v value.Value) bool {
	_, ok := v.(*goMethod)
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

// is is value.Is with `x is None` answered inline.
func is(x, y value.Value) bool {
	if _, ok := y.(value.NoneType); ok {
		_, ok = x.(value.NoneType)
		return ok
	}
	return value.Is(x, y)
}

func compare(th *Thread, op lang.Op, x, y value.Value) (value.Value, error) {
	switch op {
	case lang.Is:
		return value.Bool(is(x, y)), nil
	case lang.IsNot:
		return value.Bool(!is(x, y)), nil
	case lang.In, lang.NotIn:
		ok, err := value.Contains(th, y, x)
		return value.Bool(ok == (op == lang.In)), err
	}
	return value.Compare(th, op, x, y)
}

// unpacksPair reports whether the target of the FOR_ITER or FOR_NEXT in,
// whose next instruction is at pc, unpacks two items (`for a, b in ...`).
func unpacksPair(instrs []compile.Instr, pc int, in *compile.Instr) bool {
	if in.Op == compile.FOR_NEXT {
		pc = int(in.Arg)
	}
	t := instrs[pc]
	return t.Op == compile.UNPACK_SEQUENCE && t.Arg == 2
}
