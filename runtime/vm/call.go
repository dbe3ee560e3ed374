package vm

import "github.com/asyncgen/asyncgen/runtime/value"

// call calls fn with positional args and keyword arguments names=vals.
// args and vals alias the caller's stack: they are copied before anything
// may keep them, except for a builtin that borrows its args.
func (th *Thread) call(fn value.Value, args []value.Value, names []string, vals []value.Value) (value.Value, error) {
	switch f := fn.(type) {
	case *Function:
		return th.callFunction(f, nil, args, names, vals)
	case *value.BoundMethod:
		if g, ok := f.Func.(*Function); ok {
			return th.callFunction(g, f.Self, args, names, vals)
		}
	case *value.Class:
		if o, init := f.NewInstance(); o != nil {
			if g, ok := init.(*Function); ok {
				r, err := th.callFunction(g, o, args, names, vals)
				if err == nil {
					err = value.CheckInit(r)
				}
				return o, err
			}
			if init == nil && len(args) == 0 && len(names) == 0 {
				return o, nil
			}
		}
	}
	var kwargs []value.Kwarg
	if len(names) > 0 {
		kwargs = make([]value.Kwarg, len(names))
		for i, n := range names {
			kwargs[i] = value.Kwarg{Name: n, Value: vals[i]}
		}
	}
	return value.Call(th, fn, borrowArgs(fn, args), kwargs)
}

// callPositional is call without keyword arguments. A builtin (a
// module's function: asyncio.sleep) is called at once, without call's
// type switch, value.Call's, or borrowArgs' assertion.
func (th *Thread) callPositional(fn value.Value, args []value.Value) (value.Value, error) {
	if f, ok := fn.(*value.Builtin); ok {
		return f.Call(th, borrowed(f.Borrows(), args), nil)
	}
	return th.call(fn, args, nil, nil)
}

// borrowArgs returns args, a slice of the value stack, for a call of fn:
// the slice itself when fn borrows its arguments, else a copy.
func borrowArgs(fn value.Value, args []value.Value) []value.Value {
	b, ok := fn.(value.Borrower)
	return borrowed(ok && b.Borrows(), args)
}

// borrowed returns args when the callee borrows them, else a copy.
func borrowed(borrows bool, args []value.Value) []value.Value {
	if borrows {
		return args
	}
	return append([]value.Value(nil), args...)
}

// callEx calls fn(*args, **kwargs) for CALL_EX.
func (th *Thread) callEx(fn, args, kw value.Value, hasKw bool) (value.Value, error) {
	pos := args.(value.Tuple)
	if !hasKw {
		return th.callPositional(fn, pos)
	}
	d := kw.(*value.Dict)
	names := make([]string, 0, d.Len())
	vals := make([]value.Value, 0, d.Len())
	for _, item := range d.Items() {
		names = append(names, item[0].(value.String).String())
		vals = append(vals, item[1])
	}
	return th.call(fn, pos, names, vals)
}

// funcStr names a callable in argument errors as CPython's
// _PyObject_FunctionStr: "__main__.f", "__main__.C.m", "len".
func funcStr(fn value.Value) string {
	switch f := fn.(type) {
	case *Function:
		if m, ok := moduleName(f.globals).(value.String); ok && m.String() != "builtins" {
			return m.String() + "." + f.qualname
		}
		return f.qualname
	case *value.BoundMethod:
		return funcStr(f.Func)
	case *value.Class:
		return f.QualName()
	case value.Callable:
		return f.Name()
	}
	return fn.Type().Name + " object"
}

// extendList appends the items of an iterable to l (LIST_EXTEND); fn is
// the callable when l collects the positional arguments of a call.
func extendList(th *Thread, l *value.List, it value.Value, fn value.Value) error {
	switch x := it.(type) {
	case value.Tuple:
		return appendAll(th, l, x)
	case *value.List:
		return appendAll(th, l, x.Elems)
	}
	iter, err := value.Iterate(th, it)
	if err != nil {
		if e, ok := err.(*value.Exception); ok && e.Class == value.TypeError && len(e.Traceback) == 0 {
			if fn != nil {
				return value.Errorf(value.TypeError, "%s() argument after * must be an iterable, not %s", funcStr(fn), it.Type().Name)
			}
			return value.Errorf(value.TypeError, "Value after * must be an iterable, not %s", it.Type().Name)
		}
		return err
	}
	if fn != nil {
		return collectArgs(th, l, iter)
	}
	for {
		v, ok, err := iter.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := l.Grow(th, 1); err != nil {
			return err
		}
		l.Append(v)
	}
}

// maxArgChunk is the most items collectArgs puts in one chunk.
const maxArgChunk = 1024

// collectArgs appends the items of iter to l, which collects the
// positional arguments of a call (f(*gen)). They go in chunks of growing
// size, then into l in one array of the exact size, since the arguments
// are dropped after the call: a list grown item by item would make about
// one and a half times its final array in garbage and keep up to a
// quarter more than it needs (gather over 200,000 coroutines: 6.4 MB of
// arrays instead of 8.7).
func collectArgs(th *Thread, l *value.List, iter value.Iterator) error {
	var (
		full [][]value.Value
		cur  []value.Value
		n    int
	)
	for {
		v, ok, err := iter.Next(th)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if len(cur) == cap(cur) {
			size := 8
			if cur != nil {
				full = append(full, cur)
				size = min(2*cap(cur), maxArgChunk)
			}
			if cur, err = value.Grow(th, []value.Value(nil), size); err != nil {
				return err
			}
		}
		cur = append(cur, v)
		n++
	}
	if err := l.Grow(th, n); err != nil {
		return err
	}
	for _, c := range full {
		l.Elems = append(l.Elems, c...)
	}
	l.Elems = append(l.Elems, cur...)
	return nil
}

// appendAll appends items to l, its new array reported first.
func appendAll(th *Thread, l *value.List, items []value.Value) error {
	if err := l.Grow(th, len(items)); err != nil {
		return err
	}
	l.Elems = append(l.Elems, items...)
	return nil
}

// mergeDict adds the items of m to d: DICT_UPDATE for displays, and for
// calls (fn not nil) DICT_MERGE, where keys must be new strings.
func mergeDict(th *Thread, d *value.Dict, m value.Value, fn value.Value) error {
	src, ok := m.(*value.Dict)
	if !ok {
		if fn != nil {
			return value.Errorf(value.TypeError, "%s() argument after ** must be a mapping, not %s", funcStr(fn), m.Type().Name)
		}
		return value.Errorf(value.TypeError, "'%s' object is not a mapping", m.Type().Name)
	}
	for _, item := range src.Items() {
		if fn != nil {
			k, ok := item[0].(value.String)
			if !ok {
				return value.Errorf(value.TypeError, "keywords must be strings")
			}
			if _, dup := d.GetString(k.String()); dup {
				return value.Errorf(value.TypeError, "%s() got multiple values for keyword argument '%s'", funcStr(fn), k.String())
			}
		}
		if err := d.SetItem(th, item[0], item[1]); err != nil {
			return err
		}
	}
	return nil
}

// unpack returns the items of v for an unpacking assignment of n targets
// (after < 0), or of before + starred + after targets.
func unpack(th *Thread, v value.Value, before, after int) ([]value.Value, error) {
	var items []value.Value
	switch x := v.(type) {
	case value.Tuple:
		items = x
	case *value.List:
		items = x.Elems
	default:
		it, err := value.Iterate(th, v)
		if err != nil {
			if e, ok := err.(*value.Exception); ok && e.Class == value.TypeError && len(e.Traceback) == 0 {
				return nil, value.Errorf(value.TypeError, "cannot unpack non-iterable %s object", v.Type().Name)
			}
			return nil, err
		}
		for {
			x, ok, err := it.Next(th)
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			if items, err = value.Grow(th, items, 1); err != nil {
				return nil, err
			}
			items = append(items, x)
			if after < 0 && len(items) > before {
				break
			}
		}
	}
	if after < 0 {
		if len(items) > before {
			return nil, value.Errorf(value.ValueError, "too many values to unpack (expected %d)", before)
		}
		if len(items) < before {
			return nil, value.Errorf(value.ValueError, "not enough values to unpack (expected %d, got %d)", before, len(items))
		}
		return items, nil
	}
	if len(items) < before+after {
		return nil, value.Errorf(value.ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	return items, nil
}

// buildClass runs a class body in a fresh namespace and makes the class.
func (th *Thread) buildClass(fr *frame, body *Function, name string, bases []value.Value) (value.Value, error) {
	ns := value.NewDict(0)
	ns.SetString("__module__", moduleName(fr.globals))
	ns.SetString("__qualname__", value.MakeString(body.qualname))
	bf := th.newFrame(body.code, body.globals, body)
	bf.ns = ns
	classCell, err := th.runFrame(bf)
	if err != nil {
		return nil, err
	}
	own := make([]value.Value, len(bases))
	copy(own, bases)
	cls, err := value.NewClass(th, name, own, ns)
	if err != nil {
		return nil, err
	}
	if c, ok := classCell.(*cell); ok {
		c.V = cls
	}
	return cls, nil
}

// Type returns object: cells never reach scripts.
func (*cell) Type() *value.Class { return value.ObjectType }

// raise makes the exception of a raise statement from its operands
// (none: re-raise the handled exception), and tells how it is raised: a
// bare raise re-raises, any other raise sets the context even of an
// exception that has a traceback.
func (th *Thread) raise(ops []value.Value) (raiseHow, error) {
	if len(ops) == 0 {
		if exc := th.handled(); exc != nil {
			return howReraise, exc
		}
		return howRaised, value.Errorf(value.RuntimeError, "No active exception to reraise")
	}
	exc, err := th.makeException(ops[0], "exceptions must derive from BaseException")
	if err != nil {
		return howRaised, err
	}
	if len(ops) == 2 {
		if ops[1] == value.None {
			exc.Cause = nil
		} else {
			cause, err := th.makeException(ops[1], "exception causes must derive from BaseException")
			if err != nil {
				return howRaised, err
			}
			exc.Cause = cause
		}
		exc.SuppressContext = true
	}
	return howExplicit, exc
}

// makeException returns v as an exception, instantiating a class.
func (th *Thread) makeException(v value.Value, msg string) (*value.Exception, error) {
	switch x := v.(type) {
	case *value.Exception:
		return x, nil
	case *value.Class:
		if x.IsSubclass(value.BaseExceptionClass) {
			r, err := value.Call(th, x, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := r.(*value.Exception); ok {
				return e, nil
			}
			return nil, value.Errorf(value.TypeError, "calling %s should have returned an instance of BaseException, not %s", x.Name, r.Type().Name)
		}
	}
	return nil, value.Errorf(value.TypeError, "%s", msg)
}

// excMatches is the test of an except clause.
func excMatches(exc *value.Exception, typ value.Value) (bool, error) {
	switch t := typ.(type) {
	case *value.Class:
		if !t.IsSubclass(value.BaseExceptionClass) {
			break
		}
		return exc.Class.IsSubclass(t), nil
	case value.Tuple:
		for _, x := range t {
			ok, err := excMatches(exc, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, value.Errorf(value.TypeError, "catching classes that do not inherit from BaseException is not allowed")
}

// formatValue is FORMAT_VALUE: conversion 1 str, 2 repr, 3 ascii, then
// format with spec.
func formatValue(th *Thread, v value.Value, conv int, spec string) (value.Value, error) {
	if conv == 0 && spec == "" {
		switch x := v.(type) {
		case value.String:
			return x, nil
		case value.Int:
			return value.IntStr(int64(x)), nil
		}
	}
	if conv != 0 {
		s, err := value.ToString(th, v, rune("sra"[conv-1]))
		if err != nil {
			return nil, err
		}
		v = value.MakeString(s)
	}
	s, err := value.Format(th, v, spec)
	if err != nil {
		return nil, err
	}
	return value.MakeString(s), nil
}

// enterContext starts a with (or async with) block: it returns the exit
// method and the result of __enter__ (for async, the awaitable of
// __aenter__).
func (th *Thread) enterContext(mgr value.Value, async bool) (exit, res value.Value, err error) {
	enterName, exitName, what := "__enter__", "__exit__", "the context manager protocol"
	if async {
		enterName, exitName, what = "__aenter__", "__aexit__", "the asynchronous context manager protocol"
	}
	enter, err := special(th, mgr, enterName)
	if err == nil && enter != nil {
		exit, err = special(th, mgr, exitName)
	}
	if err != nil {
		return nil, nil, err
	}
	if enter == nil || exit == nil {
		return nil, nil, value.Errorf(value.TypeError, "'%s' object does not support %s", mgr.Type().Name, what)
	}
	res, err = value.Call(th, enter, nil, nil)
	return exit, res, err
}
