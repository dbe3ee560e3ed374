package vm

import (
	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// exec runs in, one of the instructions that loop leaves out, with the
// frame's pc (past in) and sp saved in fr. It reports exit when the frame
// returns or suspends, with the result in v; otherwise the frame goes on
// at fr.pc, raising err when it is not nil.
func (th *Thread) exec(fr *frame, in compile.Instr) (v value.Value, exit bool, err error) {
	code := fr.p.code
	names := code.Names
	s := fr.slots
	sp, pc := int(fr.sp), int(fr.pc)
	switch in.Op {
	case compile.DELETE_FAST:
		old := s[in.Arg]
		if old == nil {
			err = unbound(code.Locals[in.Arg])
			break
		}
		fr.disown(in.Arg)
		s[in.Arg] = nil
		th.discard(old)
	case compile.LOAD_DEREF:
		v := fr.derefs()[in.Arg].V
		if v == nil {
			err = th.unboundDeref(code, int(in.Arg))
			break
		}
		s[sp] = v
		sp++
	case compile.STORE_DEREF:
		sp--
		fr.derefs()[in.Arg].V = s[sp]
		s[sp] = nil
	case compile.DELETE_DEREF:
		old := fr.derefs()[in.Arg].V
		if old == nil {
			err = th.unboundDeref(code, int(in.Arg))
			break
		}
		fr.derefs()[in.Arg].V = nil
		th.discard(old)
	case compile.LOAD_CLASSDEREF:
		name := derefName(code, int(in.Arg))
		v, ok := fr.ns.GetString(name)
		if !ok {
			v = fr.derefs()[in.Arg].V
			if v == nil {
				err = th.unboundDeref(code, int(in.Arg))
				break
			}
		}
		s[sp] = v
		sp++
	case compile.DELETE_GLOBAL:
		err = th.delName(fr.globals, names[in.Arg])
	case compile.LOAD_NAME:
		k, hint := &fr.p.keys[in.Arg], &fr.p.hints[in.Arg]
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
		err = fr.ns.SetKey(th, fr.p.keys[in.Arg], &fr.p.hints[in.Arg], s[sp])
		s[sp] = nil
	case compile.DELETE_NAME:
		err = th.delName(fr.ns, names[in.Arg])

	case compile.STORE_ATTR:
		err = value.SetAttrKey(th, s[sp-1], fr.p.keys[in.Arg], &fr.p.hints[in.Arg], s[sp-2])
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
	case compile.GET_ITER:
		var it value.Iterator
		it, err = value.Iterate(th, s[sp-1])
		if g, ok := it.(*Generator); ok && in.Arg == 1 && !g.core.started {
			// A fresh generator made by the call: the loop holds the
			// only reference.
			g.temp = true
		}
		s[sp-1] = it
	case compile.POP_ITER:
		sp--
		th.dropStack(s[sp : sp+1])

	case compile.BUILD_LIST:
		n := int(in.Arg)
		l := value.ListOf(s[sp-n : sp])
		clear(s[sp-n : sp])
		sp -= n
		s[sp] = l
		sp++
	case compile.BUILD_TUPLE:
		n := int(in.Arg)
		t := value.TupleOf(s[sp-n : sp])
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
		l := s[sp-1-int(in.Arg)].(*value.List)
		if err = l.Grow(th, 1); err == nil {
			l.Append(s[sp])
		}
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
		if err = th.Alloc(int64(mid-before) * valueSize); err != nil {
			break
		}
		rest := make([]value.Value, mid-before)
		copy(rest, items[before:mid])
		s[sp] = value.NewList(rest)
		sp++
		for i := before - 1; i >= 0; i-- {
			s[sp] = items[i]
			sp++
		}

	case compile.CALL_KW:
		if err = th.step(); err != nil {
			break
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
		if err = th.step(); err != nil {
			break
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
			cells := fr.derefs()
			for i, j := range fcode.FreeFrom {
				f.closure[i] = cells[j]
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

	case compile.RETURN_CLASSCELL:
		var v value.Value = value.None
		for i, name := range code.Cells {
			if name == "__class__" {
				v = fr.derefs()[i]
			}
		}
		fr.sp = int32(sp)
		return v, true, nil
	case compile.GET_YIELD_FROM_ITER:
		var v value.Value
		v, err = yieldFromIter(th, s[sp-1])
		s[sp-1] = v
	case compile.GET_AITER:
		var v value.Value
		v, err = th.aiter(s[sp-1], in.Arg == 1)
		s[sp-1] = v
	case compile.END_ASYNC_FOR:
		exc := s[sp-1].(*value.Exception)
		sp -= 2
		s[sp], s[sp+1] = nil, nil
		if !exc.Class.IsSubclass(value.StopAsyncIteration) {
			err, fr.how = exc, howReraise
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
		fr.how, err = th.raise(s[sp-int(in.Arg) : sp])
		clear(s[sp-int(in.Arg) : sp])
		sp -= int(in.Arg)
	case compile.RERAISE:
		sp--
		err, fr.how = s[sp].(*value.Exception), howReraise
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
		err, fr.how = s[sp+1].(*value.Exception), howReraise
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
		var str value.Value
		if str, err = value.JoinStrs(th, s[sp-n:sp]); err != nil {
			break
		}
		clear(s[sp-n : sp])
		sp -= n
		s[sp] = str
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
	fr.pc, fr.sp = int32(pc), int32(sp)
	return nil, false, err
}
