package value

import "github.com/asyncgen/asyncgen/lang"

// The dunder methods of the builtin classes, so that scripts can call
// them explicitly ((5).__add__(1), super().__getitem__(i) in a subclass of
// list). Operations do not go through them: they implement the builtin
// behaviour directly and consult only script-defined dunders.

// binaryDunder makes __op__ (or __rop__ when reflected) for a builtin
// class: NotImplemented when the operand types are not supported.
func binaryDunder(op lang.Op, reflected bool) BuiltinFunc {
	name := binaryDunders[op][0]
	if reflected {
		name = binaryDunders[op][1]
	}
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(name, args, kwargs, 1); err != nil {
			return nil, err
		}
		x, y := args[0], args[1]
		if reflected {
			x, y = y, x
		}
		r, err := builtinBinary(th, op, x, y)
		if r == nil && err == nil {
			return NotImplemented, nil
		}
		return r, err
	}
}

func inplaceDunder(op lang.Op) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(inplaceDunders[op], args, kwargs, 1); err != nil {
			return nil, err
		}
		return baseInplace(th, op, args[0], args[1])
	}
}

func compareDunder(op lang.Op) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(compareDunders[op], args, kwargs, 1); err != nil {
			return nil, err
		}
		r, err := builtinCompare(th, op, args[0], args[1])
		if r == nil && err == nil {
			return NotImplemented, nil
		}
		return r, err
	}
}

func unaryDunder(op lang.Op) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs(unaryDunders[op], args, kwargs); err != nil {
			return nil, err
		}
		return Unary(th, op, args[0])
	}
}

// binaryMethods returns __op__ and __rop__ for each op.
func binaryMethods(ops ...lang.Op) []method {
	m := make([]method, 0, 2*len(ops))
	for _, op := range ops {
		m = append(m, method{binaryDunders[op][0], binaryDunder(op, false)}, method{binaryDunders[op][1], binaryDunder(op, true)})
	}
	return m
}

// dunderMethods appends to groups the operator methods of the builtin
// classes (__add__, __eq__, __len__, ...) and their __init__ methods.
func dunderMethods(groups []methodGroup) []methodGroup {
	add := func(c *Class, methods []method) { groups = append(groups, methodGroup{cls: c, methods: methods}) }
	arith := []lang.Op{lang.Add, lang.Sub, lang.Mul, lang.Div, lang.FloorDiv, lang.Mod, lang.Pow}
	bits := []lang.Op{lang.LShift, lang.RShift, lang.BitOr, lang.BitXor, lang.BitAnd}
	setOps := []lang.Op{lang.BitOr, lang.BitAnd, lang.Sub, lang.BitXor}
	add(IntType, binaryMethods(append(arith, bits...)...))
	add(FloatType, binaryMethods(arith...))
	add(StrType, binaryMethods(lang.Add, lang.Mul, lang.Mod))
	add(ListType, binaryMethods(lang.Add, lang.Mul))
	add(TupleType, binaryMethods(lang.Add, lang.Mul))
	add(DictType, binaryMethods(lang.BitOr))
	add(SetType, binaryMethods(setOps...))
	add(FrozenSetType, binaryMethods(setOps...))
	add(ListType, []method{{"__iadd__", inplaceDunder(lang.Add)}, {"__imul__", inplaceDunder(lang.Mul)}})
	add(DictType, []method{{"__ior__", inplaceDunder(lang.BitOr)}})
	for _, op := range setOps {
		add(SetType, []method{{inplaceDunders[op], inplaceDunder(op)}})
	}
	for _, c := range []*Class{IntType, FloatType} {
		add(c, []method{
			{"__neg__", unaryDunder(lang.USub)}, {"__pos__", unaryDunder(lang.UAdd)},
			{"__abs__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				return builtinAbs(th, args, kwargs)
			}},
		})
	}
	add(IntType, []method{{"__invert__", unaryDunder(lang.Invert)}})

	var compares []method
	for op, name := range compareDunders {
		compares = append(compares, method{name, compareDunder(op)})
	}
	containers := []*Class{StrType, ListType, TupleType, DictType, SetType, FrozenSetType, RangeType}
	for _, c := range append([]*Class{IntType, FloatType}, containers...) {
		add(c, compares)
		add(c, []method{
			{"__bool__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				return Bool(baseTruth(args[0])), checkNoArgs("__bool__", args, kwargs)
			}},
		})
	}
	for _, c := range containers {
		add(c, []method{
			{"__len__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkNoArgs("__len__", args, kwargs); err != nil {
					return nil, err
				}
				n, err := baseLen(args[0])
				return MakeInt(int64(n)), err
			}},
			{"__iter__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkNoArgs("__iter__", args, kwargs); err != nil {
					return nil, err
				}
				return baseIterate(args[0])
			}},
			{"__contains__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkOneArg("__contains__", args, kwargs, 1); err != nil {
					return nil, err
				}
				ok, err := baseContains(th, args[0], args[1])
				return Bool(ok), err
			}},
			{"__getitem__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkOneArg("__getitem__", args, kwargs, 1); err != nil {
					return nil, err
				}
				return baseGetItem(th, args[0], args[1])
			}},
		})
	}
	for _, c := range []*Class{ListType, DictType} {
		add(c, []method{
			{"__setitem__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkArgs("__setitem__", args[1:], kwargs, 2, 2); err != nil {
					return nil, err
				}
				return None, baseSetItem(th, args[0], args[1], args[2])
			}},
			{"__delitem__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
				if err := checkOneArg("__delitem__", args, kwargs, 1); err != nil {
					return nil, err
				}
				return None, baseDelItem(th, args[0], args[1])
			}},
		})
	}
	add(ListType, []method{{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return None, listInit(th, args[0].(*List), args[1:], kwargs)
	}}})
	add(DictType, []method{{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return None, dictInit(th, args[0].(*Dict), args[1:], kwargs)
	}}})
	add(SetType, []method{{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return None, setInit(th, args[0].(*Set), args[1:], kwargs)
	}}})
	return groups
}
