package value

import (
	"io"
	"math"
	"math/big"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// IsInstance reports whether v is an instance of cls or of a subclass.
func IsInstance(v Value, cls *Class) bool { return v.Type().IsSubclass(cls) }

var builtinFuncs = map[string]BuiltinFunc{
	"print": builtinPrint, "len": builtinLen, "repr": builtinRepr, "ascii": builtinASCII,
	"abs": builtinAbs, "min": builtinMin, "max": builtinMax, "sum": builtinSum,
	"sorted": builtinSorted, "any": builtinAny, "all": builtinAll,
	"isinstance": builtinIsInstance, "issubclass": builtinIsSubclass,
	"hasattr": builtinHasAttr, "getattr": builtinGetAttr, "setattr": builtinSetAttr,
	"delattr": builtinDelAttr, "iter": builtinIter, "next": builtinNext,
	"round": builtinRound, "divmod": builtinDivmod, "pow": builtinPow, "hash": builtinHash,
	"chr": builtinChr, "ord": builtinOrd, "hex": intToBase(16), "oct": intToBase(8),
	"bin": intToBase(2), "callable": builtinCallable, "id": builtinID, "format": builtinFormat,
}

// Builtins returns a new map of the builtin names: functions, types,
// exception classes, NotImplemented and Ellipsis. super, aiter, anext
// and the module machinery come from the VM.
func Builtins() map[string]Value {
	m := make(map[string]Value, len(builtinFuncs)+64)
	for name, fn := range builtinFuncs {
		m[name] = NewBuiltin(name, fn)
	}
	for _, c := range []*Class{
		ObjectType, TypeType, IntType, BoolType, FloatType, StrType, ListType, TupleType,
		DictType, SetType, FrozenSetType, RangeType, SliceType, PropertyType,
		StaticMethodType, ClassMethodType, enumerateType, zipType, mapType, filterType,
		reversedType,
	} {
		m[c.Name] = c
	}
	for _, c := range exceptionClasses {
		m[c.Name] = c
	}
	m["NotImplemented"] = NotImplemented
	m["Ellipsis"] = Ellipsis
	return m
}

func builtinPrint(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	sep, end := " ", "\n"
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
		case "file", "flush":
		default:
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for print()", kw.Name)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := Str(th, a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if _, err := io.WriteString(th.Stdout(), b.String()); err != nil {
		return nil, Errorf(OSError, "%s", err)
	}
	return None, nil
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

func builtinAbs(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("abs", args, kwargs, 0); err != nil {
		return nil, err
	}
	switch v := args[0].(type) {
	case Int, *BigInt, Bool:
		if intSign(v) < 0 {
			return intUnary(lang.USub, v)
		}
		return intValue(v), nil
	case Float:
		return Float(math.Abs(float64(v))), nil
	case *Instance:
		if r, ok, err := callDunder(th, v, "__abs__"); ok || err != nil {
			return r, err
		}
	}
	return nil, Errorf(TypeError, "bad operand type for abs(): '%s'", args[0].Type().Name)
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
		if items, err = collect(th, args[0]); err != nil {
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
	err = forEach(th, a[0], func(v Value) error {
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
func sortArgs(fname string, kwargs []Kwarg) (key Value, reverse bool, err error) {
	for _, kw := range kwargs {
		switch kw.Name {
		case "key":
			key = kw.Value
		case "reverse":
			if reverse, err = Truth(nil, kw.Value); err != nil {
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
	key, reverse, err := sortArgs("sort", kwargs)
	if err != nil {
		return nil, err
	}
	items, err := collect(th, args[0])
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

// classInfo checks the second argument of isinstance and issubclass and
// reports whether c matches it.
func classInfo(fname string, c *Class, info Value) (bool, error) {
	switch i := info.(type) {
	case *Class:
		return c.IsSubclass(i), nil
	case Tuple:
		for _, x := range i {
			ok, err := classInfo(fname, c, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname)
}

func builtinIsInstance(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("isinstance", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	ok, err := classInfo("isinstance", args[0].Type(), args[1])
	return Bool(ok), err
}

func builtinIsSubclass(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("issubclass", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	c, ok := args[0].(*Class)
	if !ok {
		return nil, Errorf(TypeError, "issubclass() arg 1 must be a class")
	}
	ok, err := classInfo("issubclass", c, args[1])
	return Bool(ok), err
}

// isAttributeError reports whether err is an AttributeError.
func isAttributeError(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.Class.IsSubclass(AttributeError)
}

func attrName(fname string, v Value) (string, error) {
	s, ok := v.(String)
	if !ok {
		return "", Errorf(TypeError, "attribute name must be string, not '%s'", v.Type().Name)
	}
	return s.s, nil
}

func builtinHasAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("hasattr", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName("hasattr", args[1])
	if err != nil {
		return nil, err
	}
	if _, err := GetAttr(th, args[0], name); err != nil {
		if isAttributeError(err) {
			return False, nil
		}
		return nil, err
	}
	return True, nil
}

func builtinGetAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("getattr", args, kwargs, 2, 3); err != nil {
		return nil, err
	}
	name, err := attrName("getattr", args[1])
	if err != nil {
		return nil, err
	}
	v, err := GetAttr(th, args[0], name)
	if err != nil && len(args) == 3 && isAttributeError(err) {
		return args[2], nil
	}
	return v, err
}

func builtinSetAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("setattr", args, kwargs, 3, 3); err != nil {
		return nil, err
	}
	name, err := attrName("setattr", args[1])
	if err != nil {
		return nil, err
	}
	return None, SetAttr(th, args[0], name, args[2])
}

func builtinDelAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("delattr", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName("delattr", args[1])
	if err != nil {
		return nil, err
	}
	return None, DelAttr(th, args[0], name)
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

func builtinRound(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("round", args, kwargs, []string{"number", "ndigits"}, 1, 0)
	if err != nil {
		return nil, err
	}
	x, nd := a[0], a[1]
	if nd == None {
		nd = nil
	}
	var n int64
	if nd != nil {
		if n, err = asInt(nd); err != nil {
			return nil, err
		}
	}
	switch v := x.(type) {
	case Float:
		if nd == nil {
			r := pyfmt.RoundHalfEven(float64(v))
			return toInt(th, Float(r))
		}
		return Float(pyfmt.Round(float64(v), int(n))), nil
	case Int, *BigInt, Bool:
		if nd == nil || n >= 0 {
			return intValue(v), nil
		}
		return roundInt(toBig(v), -n), nil
	case *Instance:
		var extra []Value
		if nd != nil {
			extra = []Value{nd}
		}
		if r, ok, err := callDunder(th, v, "__round__", extra...); ok || err != nil {
			return r, err
		}
	}
	return nil, Errorf(TypeError, "type %s doesn't define __round__ method", x.Type().Name)
}

// roundInt rounds x to a multiple of 10**digits, halves to even.
func roundInt(x *big.Int, digits int64) Value {
	if digits > 4300 {
		return MakeInt(0)
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(digits), nil)
	q, r := floorDivMod(x, pow)
	twice := new(big.Int).Lsh(r, 1)
	if c := twice.Cmp(pow); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return MakeBigInt(q.Mul(q, pow))
}

func builtinDivmod(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("divmod", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	x, y := args[0], args[1]
	if isInt(x) && isInt(y) {
		q, err := Binary(th, lang.FloorDiv, x, y)
		if err != nil {
			return nil, err
		}
		m, err := Binary(th, lang.Mod, x, y)
		return Tuple{q, m}, err
	}
	_, fx := x.(Float)
	_, fy := y.(Float)
	if (fx || isInt(x)) && (fy || isInt(y)) {
		a, err := toFloat(x)
		if err != nil {
			return nil, err
		}
		b, err := toFloat(y)
		if err != nil {
			return nil, err
		}
		q, m, err := pyfmt.DivMod(a, b)
		if err != nil {
			return nil, pyErr(err)
		}
		return Tuple{Float(q), Float(m)}, nil
	}
	if r, ok, err := callDunder(th, x, "__divmod__", y); ok || err != nil {
		return r, err
	}
	return nil, Errorf(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", x.Type().Name, y.Type().Name)
}

func builtinPow(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("pow", args, kwargs, []string{"base", "exp", "mod"}, 2, 0)
	if err != nil {
		return nil, err
	}
	if a[2] == nil || a[2] == None {
		return Binary(th, lang.Pow, a[0], a[1])
	}
	if !isInt(a[0]) || !isInt(a[1]) || !isInt(a[2]) {
		return nil, Errorf(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
	}
	base, exp, mod := toBig(a[0]), toBig(a[1]), toBig(a[2])
	if mod.Sign() == 0 {
		return nil, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	m := new(big.Int).Abs(mod)
	if exp.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(base, m), m)
		if inv == nil {
			return nil, Errorf(ValueError, "base is not invertible for the given modulus")
		}
		base, exp = inv, exp.Neg(exp)
	}
	r := new(big.Int).Exp(base, exp, m)
	if mod.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, mod)
	}
	return MakeBigInt(r), nil
}

func builtinHash(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("hash", args, kwargs, 0); err != nil {
		return nil, err
	}
	h, err := Hash(th, args[0])
	return MakeInt(h), err
}

func builtinChr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("chr", args, kwargs, 0); err != nil {
		return nil, err
	}
	n, err := asInt(args[0])
	if err != nil {
		if _, big := args[0].(*BigInt); big {
			return nil, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return nil, err
	}
	if n < 0 || n > 0x10ffff {
		return nil, Errorf(ValueError, "chr() arg not in range(0x110000)")
	}
	return runeString(rune(n)), nil
}

func builtinOrd(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("ord", args, kwargs, 0); err != nil {
		return nil, err
	}
	s, ok := args[0].(String)
	if !ok {
		return nil, Errorf(TypeError, "ord() expected string of length 1, but %s found", args[0].Type().Name)
	}
	if s.n != 1 {
		return nil, Errorf(TypeError, "ord() expected a character, but string of length %d found", s.n)
	}
	r, _ := decodeRune(s.s)
	return MakeInt(int64(r)), nil
}

func intToBase(base int) BuiltinFunc {
	name := map[int]string{2: "bin", 8: "oct", 16: "hex"}[base]
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(name, args, kwargs, 0); err != nil {
			return nil, err
		}
		if !isInt(args[0]) {
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
		return MakeString(pyfmt.IntToBase(toBig(args[0]), base)), nil
	}
}

func builtinCallable(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("callable", args, kwargs, 0); err != nil {
		return nil, err
	}
	return Bool(IsCallable(args[0])), nil
}

func builtinID(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("id", args, kwargs, 0); err != nil {
		return nil, err
	}
	if p := identity(args[0]); p != 0 {
		return MakeInt(int64(p)), nil
	}
	h, err := Hash(th, args[0])
	return MakeInt(h), err
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
