package value

import (
	"io"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
)

// IsInstance reports whether v is an instance of cls or of a subclass.
func IsInstance(v Value, cls *Class) bool { return v.Type().IsSubclass(cls) }

// builtinFuncs are the builtin functions. They hold no state, so they
// are made once and every interpreter shares them, as it shares the
// builtin classes; none keeps its args.
var builtinFuncs = [...]*Builtin{
	{name: "print", fn: builtinPrint, borrows: true},
	{name: "len", fn: builtinLen, borrows: true},
	{name: "repr", fn: builtinRepr, borrows: true},
	{name: "ascii", fn: builtinASCII, borrows: true},
	{name: "abs", fn: builtinAbs, borrows: true},
	{name: "min", fn: builtinMin, borrows: true},
	{name: "max", fn: builtinMax, borrows: true},
	{name: "sum", fn: builtinSum, borrows: true},
	{name: "sorted", fn: builtinSorted, borrows: true},
	{name: "any", fn: builtinAny, borrows: true},
	{name: "all", fn: builtinAll, borrows: true},
	{name: "isinstance", fn: builtinIsInstance, borrows: true},
	{name: "issubclass", fn: builtinIsSubclass, borrows: true},
	{name: "hasattr", fn: builtinHasAttr, borrows: true},
	{name: "getattr", fn: builtinGetAttr, borrows: true},
	{name: "setattr", fn: builtinSetAttr, borrows: true},
	{name: "delattr", fn: builtinDelAttr, borrows: true},
	{name: "iter", fn: builtinIter, borrows: true},
	{name: "next", fn: builtinNext, borrows: true},
	{name: "round", fn: builtinRound, borrows: true},
	{name: "divmod", fn: builtinDivmod, borrows: true},
	{name: "pow", fn: builtinPow, borrows: true},
	{name: "hash", fn: builtinHash, borrows: true},
	{name: "chr", fn: builtinChr, borrows: true},
	{name: "ord", fn: builtinOrd, borrows: true},
	{name: "hex", fn: intToBase(16), borrows: true},
	{name: "oct", fn: intToBase(8), borrows: true},
	{name: "bin", fn: intToBase(2), borrows: true},
	{name: "callable", fn: builtinCallable, borrows: true},
	{name: "id", fn: builtinID, borrows: true},
	{name: "format", fn: builtinFormat, borrows: true},
}

// builtinClasses are the builtin classes that are not exceptions.
var builtinClasses = [...]*Class{
	ObjectType, TypeType, IntType, BoolType, FloatType, StrType, ListType, TupleType,
	DictType, SetType, FrozenSetType, RangeType, SliceType, PropertyType,
	StaticMethodType, ClassMethodType, enumerateType, zipType, mapType, filterType,
	reversedType,
}

// Builtins returns a new map of the builtin names: functions, types,
// exception classes, NotImplemented and Ellipsis. super, aiter, anext
// and the module machinery come from the VM.
func Builtins() map[string]Value {
	m := make(map[string]Value, len(builtinFuncs)+len(builtinClasses)+len(exceptionClasses)+4)
	for _, b := range builtinFuncs {
		m[b.name] = b
	}
	for _, c := range builtinClasses {
		m[c.Name] = c
	}
	for _, c := range exceptionClasses {
		m[c.Name] = c
	}
	m["IOError"], m["EnvironmentError"] = OSError, OSError
	m["NotImplemented"] = NotImplemented
	m["Ellipsis"] = Ellipsis
	return m
}

// builtinPrint is print(*args, sep=' ', end='\n', file=None, flush=False).
// A file other than None receives the text through its write method.
// flush=True calls the file's flush method, or the Flush of a Go stdout
// that has one (the CLI's buffered stdout).
func builtinPrint(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	sep, end := " ", "\n"
	var file Value
	flush := false
	for _, kw := range kwargs {
		switch kw.Name {
		case "sep", "end":
			if kw.Value == None {
				continue
			}
			s, ok := kw.Value.(String)
			if !ok {
				return nil, Errorf(TypeError, "%s must be None or a string, not %s", kw.Name, kw.Value.Type().Name)
			}
			if kw.Name == "sep" {
				sep = s.s
			} else {
				end = s.s
			}
		case "file":
			if kw.Value != None {
				file = kw.Value
			}
		case "flush":
			t, err := Truth(th, kw.Value)
			if err != nil {
				return nil, err
			}
			flush = t
		default:
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for print()", kw.Name)
		}
	}
	if file != nil {
		return None, printToFile(th, file, args, sep, end, flush)
	}
	// Text goes to stdout in one write; what was made before a failing
	// str() is written too, as CPython does piece by piece.
	var b strings.Builder
	var err error
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		var s string
		if s, err = Str(th, a); err != nil {
			break
		}
		b.WriteString(s)
	}
	if err == nil {
		b.WriteString(end)
	}
	out := th.Stdout()
	if _, werr := io.WriteString(out, b.String()); werr != nil {
		return nil, Errorf(OSError, "%s", werr)
	}
	if err != nil {
		return nil, err
	}
	if f, ok := out.(interface{ Flush() error }); ok && flush {
		if err := f.Flush(); err != nil {
			return nil, Errorf(OSError, "%s", err)
		}
	}
	return None, nil
}

// printToFile writes print's pieces to file as CPython does: one write
// call per argument, separator and end, then file.flush() if asked.
func printToFile(th Thread, file Value, args []Value, sep, end string, flush bool) error {
	write := func(s string) error {
		w, err := GetAttr(th, file, "write")
		if err != nil {
			return err
		}
		_, err = Call(th, w, []Value{MakeString(s)}, nil)
		return err
	}
	for i, a := range args {
		if i > 0 {
			if err := write(sep); err != nil {
				return err
			}
		}
		s, err := Str(th, a)
		if err != nil {
			return err
		}
		if err := write(s); err != nil {
			return err
		}
	}
	if err := write(end); err != nil || !flush {
		return err
	}
	fl, err := GetAttr(th, file, "flush")
	if err != nil {
		return err
	}
	_, err = Call(th, fl, nil, nil)
	return err
}

func builtinLen(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("len", args, kwargs, 0); err != nil {
		return nil, err
	}
	n, err := Len(th, args[0])
	return MakeInt(int64(n)), err
}

func builtinRepr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("repr", args, kwargs, 0); err != nil {
		return nil, err
	}
	s, err := Repr(th, args[0])
	return MakeString(s), err
}

func builtinASCII(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("ascii", args, kwargs, 0); err != nil {
		return nil, err
	}
	s, err := ToString(th, args[0], 'a')
	return MakeString(s), err
}

// minMax implements min (op Lt) and max (op Gt).
func minMax(th Thread, name string, op lang.Op, args []Value, kwargs []Kwarg) (Value, error) {
	var key, def Value
	for _, kw := range kwargs {
		switch kw.Name {
		case "key":
			key = kw.Value
		case "default":
			def = kw.Value
		default:
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", kw.Name, name)
		}
	}
	if key == None {
		key = nil
	}
	var items []Value
	switch len(args) {
	case 0:
		return nil, Errorf(TypeError, "%s expected at least 1 argument, got 0", name)
	case 1:
		var err error
		if items, err = Collect(th, args[0]); err != nil {
			return nil, err
		}
	default:
		if def != nil {
			return nil, Errorf(TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args
	}
	if len(items) == 0 {
		if def != nil {
			return def, nil
		}
		return nil, Errorf(ValueError, "%s() arg is an empty sequence", name)
	}
	var best, bestKey Value
	for _, item := range items {
		k := item
		if key != nil {
			var err error
			if k, err = Call(th, key, []Value{item}, nil); err != nil {
				return nil, err
			}
		}
		if best == nil {
			best, bestKey = item, k
			continue
		}
		r, err := richCompare(th, op, k, bestKey)
		if err != nil {
			return nil, err
		}
		better, err := Truth(th, r)
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = item, k
		}
	}
	return best, nil
}

func builtinMin(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return minMax(th, "min", lang.Lt, args, kwargs)
}

func builtinMax(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return minMax(th, "max", lang.Gt, args, kwargs)
}

func builtinSum(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("sum", args, kwargs, []string{"iterable", "start"}, 1, 1)
	if err != nil {
		return nil, err
	}
	acc := a[1]
	if acc == nil {
		acc = MakeInt(0)
	}
	switch acc.(type) {
	case String:
		return nil, Errorf(TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	err = ForEach(th, a[0], func(v Value) error {
		var err error
		acc, err = Binary(th, lang.Add, acc, v)
		return err
	})
	return acc, err
}

// sortValues sorts items in place, stably, by key (if not nil) and
// optionally reversed, comparing with <.
func sortValues(th Thread, items []Value, key Value, reverse bool) error {
	keys := items
	if key != nil && key != None {
		keys = make([]Value, len(items))
		for i, item := range items {
			k, err := Call(th, key, []Value{item}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	perm := make([]int, len(items))
	for i := range perm {
		perm[i] = i
	}
	var sortErr error
	sort.SliceStable(perm, func(i, j int) bool {
		if sortErr != nil {
			return false
		}
		a, b := keys[perm[i]], keys[perm[j]]
		if reverse {
			a, b = b, a
		}
		less, err := Less(th, a, b)
		if err != nil {
			sortErr = err
		}
		return less
	})
	if sortErr != nil {
		return sortErr
	}
	sorted := make([]Value, len(items))
	for i, p := range perm {
		sorted[i] = items[p]
	}
	copy(items, sorted)
	return nil
}

// sortArgs reads the key= and reverse= keywords of sort and sorted.
func sortArgs(th Thread, fname string, kwargs []Kwarg) (key Value, reverse bool, err error) {
	for _, kw := range kwargs {
		switch kw.Name {
		case "key":
			key = kw.Value
		case "reverse":
			if reverse, err = Truth(th, kw.Value); err != nil {
				return
			}
		default:
			err = Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", kw.Name, fname)
			return
		}
	}
	return
}

func builtinSorted(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) != 1 {
		return nil, Errorf(TypeError, "sorted expected 1 argument, got %d", len(args))
	}
	key, reverse, err := sortArgs(th, "sort", kwargs)
	if err != nil {
		return nil, err
	}
	items, err := Collect(th, args[0])
	if err != nil {
		return nil, err
	}
	return NewList(items), sortValues(th, items, key, reverse)
}

func anyAll(th Thread, name string, args []Value, kwargs []Kwarg, want bool) (Value, error) {
	if err := checkOneArg(name, args, kwargs, 0); err != nil {
		return nil, err
	}
	it, err := Iterate(th, args[0])
	if err != nil {
		return nil, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return Bool(!want), err
		}
		t, err := Truth(th, v)
		if err != nil {
			return nil, err
		}
		if t == want {
			return Bool(want), nil
		}
	}
}

func builtinAny(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return anyAll(th, "any", args, kwargs, true)
}

func builtinAll(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return anyAll(th, "all", args, kwargs, false)
}

func builtinIter(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("iter", args, kwargs, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 2 {
		if !IsCallable(args[0]) {
			return nil, Errorf(TypeError, "iter(v, w): v must be callable")
		}
		return &callIter{fn: args[0], sentinel: args[1]}, nil
	}
	if inst, ok := args[0].(*Instance); ok {
		r, ok, err := callDunder(th, inst, "__iter__")
		if err != nil {
			return nil, err
		}
		if ok {
			if _, err := asIterator(th, r); err != nil {
				return nil, err
			}
			return r, nil
		}
	}
	return Iterate(th, args[0])
}

func builtinNext(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("next", args, kwargs, 1, 2); err != nil {
		return nil, err
	}
	v, ok, err := next(th, args[0])
	if err != nil {
		return nil, err
	}
	if !ok {
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, NewException(StopIteration)
	}
	return v, nil
}

func builtinFormat(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("format", args, kwargs, 1, 2); err != nil {
		return nil, err
	}
	spec := ""
	if len(args) == 2 {
		s, ok := args[1].(String)
		if !ok {
			return nil, Errorf(TypeError, "format() argument 2 must be str, not %s", args[1].Type().Name)
		}
		spec = s.s
	}
	s, err := Format(th, args[0], spec)
	return MakeString(s), err
}
