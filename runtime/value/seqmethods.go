package value

import (
	"math"
	"math/big"
	"math/bits"
)

func listReceiver(args []Value) *List { return args[0].(*List) }

// seqIndexOf implements list.index and tuple.index.
func seqIndexOf(th Thread, name string, elems []Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("index", args[1:], kwargs, 1, 3); err != nil {
		return nil, err
	}
	n := int64(len(elems))
	bound := func(i int, def int64) (int64, error) {
		if i >= len(args) {
			return def, nil
		}
		v, err := sliceInt(args[i], def)
		if err != nil {
			return 0, err
		}
		if v < 0 {
			v += n
			if v < 0 {
				v = 0
			}
		}
		if v > n {
			v = n
		}
		return v, nil
	}
	start, err := bound(2, 0)
	if err != nil {
		return nil, err
	}
	end, err := bound(3, n)
	if err != nil {
		return nil, err
	}
	for i := start; i < end && i < int64(len(elems)); i++ {
		if Is(elems[i], args[1]) {
			return MakeInt(i), nil
		}
		eq, err := Equal(th, elems[i], args[1])
		if err != nil {
			return nil, err
		}
		if eq {
			return MakeInt(i), nil
		}
	}
	if name == "list" || name == "range" {
		s, err := Repr(th, args[1])
		if err != nil {
			return nil, err
		}
		return nil, Errorf(ValueError, "%s is not in list", s)
	}
	return nil, Errorf(ValueError, "tuple.index(x): x not in tuple")
}

// seqCount implements list.count and tuple.count.
func seqCount(th Thread, name string, elems []Value, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		// The name is made only for the error: a string built at each
		// call would be allocated.
		return nil, checkOneArg(name+".count", args, kwargs, 1)
	}
	n := 0
	for i := 0; i < len(elems); i++ {
		eq := Is(elems[i], args[1])
		if !eq {
			var err error
			if eq, err = Equal(th, elems[i], args[1]); err != nil {
				return nil, err
			}
		}
		if eq {
			n++
		}
	}
	return MakeInt(int64(n)), nil
}

// listMethods are the methods of list.
var listMethods = []method{
	{"append", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("list.append", args, kwargs, 1); err != nil {
			return nil, err
		}
		l := listReceiver(args)
		if err := l.Grow(th, 1); err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, args[1])
		return None, nil
	}},
	{"extend", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("list.extend", args, kwargs, 1); err != nil {
			return nil, err
		}
		items, err := Collect(th, args[1])
		if err != nil {
			return nil, err
		}
		l := listReceiver(args)
		if err := l.Grow(th, len(items)); err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, items...)
		return None, nil
	}},
	{"insert", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("insert", args[1:], kwargs, 2, 2); err != nil {
			return nil, err
		}
		i, err := asInt(args[1])
		if err != nil {
			return nil, err
		}
		l := listReceiver(args)
		n := int64(len(l.Elems))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		if err := l.Grow(th, 1); err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, nil)
		copy(l.Elems[i+1:], l.Elems[i:])
		l.Elems[i] = args[2]
		return None, nil
	}},
	{"pop", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("pop", args[1:], kwargs, 0, 1); err != nil {
			return nil, err
		}
		l := listReceiver(args)
		if len(l.Elems) == 0 {
			return nil, Errorf(IndexError, "pop from empty list")
		}
		i := int64(len(l.Elems) - 1)
		if len(args) == 2 {
			var err error
			if i, err = asInt(args[1]); err != nil {
				return nil, err
			}
			if i < 0 {
				i += int64(len(l.Elems))
			}
			if i < 0 || i >= int64(len(l.Elems)) {
				return nil, Errorf(IndexError, "pop index out of range")
			}
		}
		v := l.Elems[i]
		l.Elems = append(l.Elems[:i], l.Elems[i+1:]...)
		return v, nil
	}},
	{"remove", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("list.remove", args, kwargs, 1); err != nil {
			return nil, err
		}
		l := listReceiver(args)
		for i := 0; i < len(l.Elems); i++ {
			eq := Is(l.Elems[i], args[1])
			if !eq {
				var err error
				if eq, err = Equal(th, l.Elems[i], args[1]); err != nil {
					return nil, err
				}
			}
			if eq {
				l.Elems = append(l.Elems[:i], l.Elems[i+1:]...)
				return None, nil
			}
		}
		return nil, Errorf(ValueError, "list.remove(x): x not in list")
	}},
	{"index", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return seqIndexOf(th, "list", listReceiver(args).Elems, args, kwargs)
	}},
	{"count", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return seqCount(th, "list", listReceiver(args).Elems, args, kwargs)
	}},
	{"sort", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) > 1 {
			return nil, Errorf(TypeError, "sort() takes no positional arguments")
		}
		key, reverse, err := sortArgs(th, "sort", kwargs)
		if err != nil {
			return nil, err
		}
		l := listReceiver(args)
		items := l.Elems
		l.Elems = nil // as CPython, the list looks empty while sorting
		err = sortValues(th, items, key, reverse)
		if l.Elems != nil && err == nil {
			err = Errorf(ValueError, "list modified during sort")
		}
		l.Elems = items
		return None, err
	}},
	{"reverse", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("list.reverse", args, kwargs); err != nil {
			return nil, err
		}
		e := listReceiver(args).Elems
		for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
			e[i], e[j] = e[j], e[i]
		}
		return None, nil
	}},
	{"copy", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("list.copy", args, kwargs); err != nil {
			return nil, err
		}
		e, err := clone(th, listReceiver(args).Elems)
		if err != nil {
			return nil, err
		}
		return NewList(e), nil
	}},
	{"clear", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("list.clear", args, kwargs); err != nil {
			return nil, err
		}
		listReceiver(args).Elems = nil
		return None, nil
	}},
}

// tupleMethods are the methods of tuple.
var tupleMethods = []method{
	{"index", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return seqIndexOf(th, "tuple", args[0].(Tuple), args, kwargs)
	}},
	{"count", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return seqCount(th, "tuple", args[0].(Tuple), args, kwargs)
	}},
}

// intMethods are the methods of int other than its operators.
var intMethods = []method{
	{"bit_length", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("int.bit_length", args, kwargs); err != nil {
			return nil, err
		}
		if i, ok := AsInt64(args[0]); ok {
			return MakeInt(int64(bits.Len64(absU(i)))), nil
		}
		return MakeInt(int64(args[0].(*BigInt).v.BitLen())), nil
	}},
	{"as_integer_ratio", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return Tuple{intValue(args[0]), MakeInt(1)}, checkNoArgs("int.as_integer_ratio", args, kwargs)
	}},
	{"conjugate", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return intValue(args[0]), checkNoArgs("int.conjugate", args, kwargs)
	}},
}

// rangeMethods are the methods of range.
var rangeMethods = []method{
	{"index", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("range.index", args, kwargs, 1); err != nil {
			return nil, err
		}
		if i, ok := AsInt64(args[1]); ok {
			if k := rangeIndex(args[0].(*Range), i); k >= 0 {
				return MakeInt(k), nil
			}
			return nil, Errorf(ValueError, "%d is not in range", i)
		}
		items, _ := Collect(th, args[0])
		return seqIndexOf(th, "range", items, args, nil)
	}},
	{"count", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("range.count", args, kwargs, 1); err != nil {
			return nil, err
		}
		if i, ok := AsInt64(args[1]); ok {
			if rangeIndex(args[0].(*Range), i) >= 0 {
				return MakeInt(1), nil
			}
			return MakeInt(0), nil
		}
		items, _ := Collect(th, args[0])
		return seqCount(th, "range", items, args, kwargs)
	}},
}

// floatMethods are the methods of float other than its operators.
var floatMethods = []method{
	{"as_integer_ratio", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("float.as_integer_ratio", args, kwargs); err != nil {
			return nil, err
		}
		f := float64(args[0].(Float))
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return nil, Errorf(ValueError, "cannot convert NaN to integer ratio")
		}
		r, _ := new(big.Float).SetFloat64(f).Rat(nil)
		return Tuple{MakeBigInt(r.Num()), MakeBigInt(r.Denom())}, nil
	}},
	{"is_integer", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("float.is_integer", args, kwargs); err != nil {
			return nil, err
		}
		f := float64(args[0].(Float))
		return Bool(!math.IsInf(f, 0) && math.Trunc(f) == f), nil
	}},
}
