package value

import (
	"math"
	"math/big"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

func init() {
	IntType.ctor = newInt
	BoolType.ctor = newBool
	FloatType.ctor = newFloat
	StrType.ctor = newStr
	ListType.ctor = newListValue
	TupleType.ctor = newTuple
	DictType.ctor = newDictValue
	SetType.ctor = newSetValue
	FrozenSetType.ctor = newSetValue
	RangeType.ctor = newRange
	// These ctors keep no reference to their args slice.
	for _, c := range []*Class{IntType, BoolType, FloatType, StrType, TupleType, RangeType, enumerateType} {
		c.borrows = true
	}
	SliceType.ctor = newSlice
	TypeType.ctor = newType
	PropertyType.ctor = newProperty
	StaticMethodType.ctor = func(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("staticmethod", args, kwargs, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{Func: args[0]}, nil
	}
	ClassMethodType.ctor = func(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("classmethod", args, kwargs, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{Func: args[0]}, nil
	}
	SuperType.ctor = func(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("super", args, kwargs, 2, 2); err != nil {
			return nil, Errorf(RuntimeError, "super(): no arguments")
		}
		c, ok := args[0].(*Class)
		if !ok {
			return nil, Errorf(TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		return NewSuper(c, args[1]), nil
	}
}

func newInt(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("int", args, kwargs, []string{"x", "base"}, 0, 1)
	if err != nil {
		return nil, err
	}
	x, base := a[0], a[1]
	if x == nil {
		if base != nil {
			return nil, Errorf(TypeError, "int() missing string argument")
		}
		return MakeInt(0), nil
	}
	if base != nil {
		b, err := asInt(base)
		if err != nil {
			return nil, err
		}
		s, ok := x.(String)
		if !ok {
			return nil, Errorf(TypeError, "int() can't convert non-string with explicit base")
		}
		if b != 0 && (b < 2 || b > 36) {
			return nil, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
		}
		n, err := pyfmt.ParseInt(s.s, int(b))
		if err != nil {
			return nil, PyfmtError(err)
		}
		return MakeBigInt(n), nil
	}
	return toInt(th, x)
}

// toInt is int(x) with one argument.
func toInt(th Thread, x Value) (Value, error) {
	switch v := x.(type) {
	case Int, *BigInt:
		return v, nil
	case Bool:
		return intValue(v), nil
	case Float:
		if f := float64(v); f >= -1<<62 && f <= 1<<62 {
			return MakeInt(int64(f)), nil
		}
		n, err := pyfmt.FloatToInt(float64(v))
		if err != nil {
			return nil, PyfmtError(err)
		}
		return MakeBigInt(n), nil
	case String:
		n, err := pyfmt.ParseInt(v.s, 10)
		if err != nil {
			return nil, PyfmtError(err)
		}
		return MakeBigInt(n), nil
	case *Instance:
		for _, name := range []string{"__int__", "__index__"} {
			if r, ok, err := callDunder(th, v, name); ok || err != nil {
				if err == nil && !isInt(r) {
					err = Errorf(TypeError, "%s returned non-int (type %s)", name, r.Type().Name)
				}
				return r, err
			}
		}
	}
	return nil, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
}

func newBool(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := noKwargs("bool", kwargs); err != nil {
		return nil, err
	}
	if len(args) > 1 {
		return nil, Errorf(TypeError, "bool expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return False, nil
	}
	t, err := Truth(th, args[0])
	return Bool(t), err
}

func newFloat(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("float", args, kwargs, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Float(0), nil
	}
	switch v := args[0].(type) {
	case Float:
		return v, nil
	case Int, *BigInt, Bool:
		f, err := intToFloat(v)
		return Float(f), err
	case String:
		f, err := pyfmt.ParseFloat(v.s)
		if err != nil {
			return nil, PyfmtError(err)
		}
		return Float(f), nil
	case *Instance:
		if r, ok, err := callDunder(th, v, "__float__"); ok || err != nil {
			if err == nil {
				if _, isFloat := r.(Float); !isFloat {
					err = Errorf(TypeError, "%s.__float__ returned non-float (type %s)", v.Class.Name, r.Type().Name)
				}
			}
			return r, err
		}
	}
	return nil, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", args[0].Type().Name)
}

func newStr(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) == 1 && len(kwargs) == 0 && cls == StrType {
		// The common str(x), without binding.
		switch x := args[0].(type) {
		case String:
			return x, nil
		case Int:
			return IntStr(int64(x)), nil
		}
	}
	a, err := bindArgs("str", args, kwargs, []string{"object", "encoding", "errors"}, 0, 0)
	if err != nil {
		return nil, err
	}
	if a[0] == nil {
		return MakeString(""), nil
	}
	if a[1] != nil || a[2] != nil {
		return nil, Errorf(TypeError, "decoding str is not supported")
	}
	s, err := Str(th, a[0])
	return MakeString(s), err
}

func newListValue(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	l := NewList(nil)
	if cls != ListType {
		l.ext = newExt(cls)
	}
	return l, initDerived(th, cls, l, args, kwargs, func() error { return listInit(th, l, args, kwargs) })
}

// listInit is list.__init__.
func listInit(th Thread, l *List, args []Value, kwargs []Kwarg) error {
	if err := checkArgs("list", args, kwargs, 0, 1); err != nil {
		return err
	}
	l.Elems = nil
	if len(args) == 0 {
		return nil
	}
	items, err := Collect(th, args[0])
	l.Elems = items
	return err
}

func newTuple(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("tuple", args, kwargs, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return EmptyTuple, nil
	}
	if t, ok := args[0].(Tuple); ok {
		return t, nil
	}
	items, err := Collect(th, args[0])
	return Tuple(items), err
}

func newDictValue(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	d := NewDict(0)
	if cls != DictType {
		d.ext = newExt(cls)
	}
	return d, initDerived(th, cls, d, args, kwargs, func() error { return dictInit(th, d, args, kwargs) })
}

// dictInit is dict.__init__.
func dictInit(th Thread, d *Dict, args []Value, kwargs []Kwarg) error {
	if len(args) > 1 {
		return Errorf(TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	var arg Value
	if len(args) == 1 {
		arg = args[0]
	}
	return dictUpdate(th, d, arg, kwargs)
}

func newSetValue(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	s := NewSet()
	switch cls {
	case FrozenSetType:
		s.frozen = true
		if len(args) == 1 {
			if f, ok := args[0].(*Set); ok && f.frozen && f.ext == nil {
				return f, nil
			}
		}
	case SetType:
	default:
		s.ext = newExt(cls)
	}
	return s, initDerived(th, cls, s, args, kwargs, func() error { return setInit(th, s, args, kwargs) })
}

// setInit is set.__init__.
func setInit(th Thread, s *Set, args []Value, kwargs []Kwarg) error {
	if err := checkArgs(s.Type().Name, args, kwargs, 0, 1); err != nil {
		return err
	}
	s.Clear()
	if len(args) == 0 {
		return nil
	}
	return s.Update(th, args[0])
}

func newRange(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := noKwargs("range", kwargs); err != nil {
		return nil, err
	}
	if len(args) == 0 || len(args) > 3 {
		if len(args) == 0 {
			return nil, Errorf(TypeError, "range expected at least 1 argument, got 0")
		}
		return nil, Errorf(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	if r, ok := smallRange(args); ok {
		return r, nil
	}
	n := []*big.Int{big.NewInt(0), nil, big.NewInt(1)}
	for i, a := range args {
		if !isInt(a) {
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", a.Type().Name)
		}
		if len(args) == 1 {
			i = 1
		}
		n[i] = toBig(a)
	}
	if n[2].Sign() == 0 {
		return nil, Errorf(ValueError, "range() arg 3 must not be zero")
	}
	return makeRange(n[0], n[1], n[2]), nil
}

// smallRange returns range(*args) when the arguments (one to three) are
// Ints, the step is not 0 and the length fits in an int64: the common
// case, without big ints.
func smallRange(args []Value) (*Range, bool) {
	n := [3]int64{0, 0, 1}
	for i, a := range args {
		v, ok := a.(Int)
		if !ok {
			return nil, false
		}
		if len(args) == 1 {
			i = 1
		}
		n[i] = int64(v)
	}
	start, stop, step := n[0], n[1], n[2]
	var span, stride uint64 // the distance to cover and the step, unsigned
	switch {
	case step > 0 && start < stop:
		span, stride = uint64(stop)-uint64(start), uint64(step)
	case step < 0 && start > stop:
		span, stride = uint64(start)-uint64(stop), -uint64(step)
	case step == 0:
		return nil, false
	}
	if span > 0 && (span-1)/stride >= math.MaxInt64 {
		return nil, false
	}
	return &Range{start, stop, step}, true
}

func newSlice(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("slice", args, kwargs, 1, 3); err != nil {
		return nil, err
	}
	switch len(args) {
	case 1:
		return &Slice{None, args[0], None}, nil
	case 2:
		return &Slice{args[0], args[1], None}, nil
	}
	return &Slice{args[0], args[1], args[2]}, nil
}

func newType(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	switch len(args) {
	case 1:
		return args[0].Type(), nil
	case 3:
		name, ok := args[0].(String)
		bases, ok2 := args[1].(Tuple)
		dict, ok3 := args[2].(*Dict)
		if !ok || !ok2 || !ok3 {
			return nil, Errorf(TypeError, "type.__new__() argument types are wrong")
		}
		return NewClass(th, name.s, bases, dict.Copy())
	}
	return nil, Errorf(TypeError, "type() takes 1 or 3 arguments")
}

func newProperty(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("property", args, kwargs, []string{"fget", "fset", "fdel", "doc"}, 0, 0)
	if err != nil {
		return nil, err
	}
	p := &Property{}
	for i, f := range []*Value{&p.Fget, &p.Fset, &p.Fdel} {
		if a[i] != nil && a[i] != None {
			*f = a[i]
		}
	}
	return p, nil
}

// propertyMethods are property's getter, setter and deleter.
var propertyMethods = []method{
	{"getter", propertyCopy(0)},
	{"setter", propertyCopy(1)},
	{"deleter", propertyCopy(2)},
}

// propertyCopy returns the method that copies a property with one of its
// functions replaced: Fget, Fset or Fdel by slot.
func propertyCopy(slot int) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("property.setter", args, kwargs, 1); err != nil {
			return nil, err
		}
		p := *args[0].(*Property)
		*[]*Value{&p.Fget, &p.Fset, &p.Fdel}[slot] = args[1]
		return &p, nil
	}
}
