package value

import (
	"math"

	"github.com/asyncgen/asyncgen/lang"
)

// The iterator classes enumerate, zip, map, filter and reversed, and the
// iterator of iter(callable, sentinel).
var (
	enumerateType    = newBuiltinClass("enumerate", ObjectType)
	zipType          = newBuiltinClass("zip", ObjectType)
	mapType          = newBuiltinClass("map", ObjectType)
	filterType       = newBuiltinClass("filter", ObjectType)
	callableIterType = newBuiltinClass("callable_iterator", ObjectType)
)

func init() {
	enumerateType.ctor = newEnumerate
	zipType.ctor = newZip
	mapType.ctor = newMap
	filterType.ctor = newFilter
	reversedType.ctor = newReversed
}

type enumerateIter struct {
	it   Iterator
	n    Value
	ints IntBox // the counts, while they fit in an Int
}

func (*enumerateIter) Type() *Class { return enumerateType }

func (e *enumerateIter) Next(th Thread) (Value, bool, error) {
	n, v, ok, err := e.next(th)
	if !ok {
		return nil, false, err
	}
	return pair(n, v), true, nil
}

// next returns the count and the item of the next pair.
func (e *enumerateIter) next(th Thread) (n, v Value, ok bool, err error) {
	v, ok, err = e.it.Next(th)
	if err != nil || !ok {
		return nil, nil, false, err
	}
	n = e.n
	if i, isInt := n.(Int); isInt && i < math.MaxInt64 {
		e.n = e.ints.Make(int64(i) + 1)
	} else if e.n, err = Binary(th, lang.Add, e.n, MakeInt(1)); err != nil {
		return nil, nil, false, err
	}
	return n, v, true, nil
}

func newEnumerate(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("enumerate", args, kwargs, []string{"iterable", "start"}, 1, 0)
	if err != nil {
		return nil, err
	}
	start := a[1]
	if start == nil {
		start = MakeInt(0)
	} else if !isInt(start) {
		return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", start.Type().Name)
	}
	it, err := Iterate(th, a[0])
	if err != nil {
		return nil, err
	}
	return &enumerateIter{it: it, n: intValue(start)}, nil
}

type zipIter struct {
	its    []Iterator
	strict bool
	done   bool
}

func (*zipIter) Type() *Class { return zipType }

func (z *zipIter) Next(th Thread) (Value, bool, error) {
	if z.done || len(z.its) == 0 {
		return nil, false, nil
	}
	tuple, out := newTupleValue(len(z.its))
	if ok, err := z.next(th, out); !ok {
		return nil, false, err
	}
	return tuple, true, nil
}

// next sets out to the next item of each iterable, and reports false at
// the end.
func (z *zipIter) next(th Thread, out []Value) (bool, error) {
	if z.done || len(z.its) == 0 {
		return false, nil
	}
	for i, it := range z.its {
		v, ok, err := it.Next(th)
		if err != nil {
			return false, err
		}
		if !ok {
			z.done = true
			if z.strict {
				return false, z.strictError(th, i)
			}
			return false, nil
		}
		out[i] = v
	}
	return true, nil
}

// strictError reports unequal lengths for zip(strict=True); iterator i
// was exhausted first.
func (z *zipIter) strictError(th Thread, i int) error {
	if i > 0 {
		return Errorf(ValueError, "zip() argument %d is shorter than %s", i+1, argumentsUpTo(i))
	}
	for j := 1; j < len(z.its); j++ {
		_, ok, err := z.its[j].Next(th)
		if err != nil {
			return err
		}
		if ok {
			return Errorf(ValueError, "zip() argument %d is longer than %s", j+1, argumentsUpTo(j))
		}
	}
	return nil
}

// argumentsUpTo returns "argument 1" or "arguments 1-n".
func argumentsUpTo(n int) string {
	if n == 1 {
		return "argument 1"
	}
	return "arguments 1-" + itoa(int64(n))
}

func newZip(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	z := &zipIter{}
	for _, kw := range kwargs {
		if kw.Name != "strict" {
			return nil, Errorf(TypeError, "zip() got an unexpected keyword argument '%s'", kw.Name)
		}
		t, err := Truth(th, kw.Value)
		if err != nil {
			return nil, err
		}
		z.strict = t
	}
	for _, a := range args {
		it, err := Iterate(th, a)
		if err != nil {
			return nil, err
		}
		z.its = append(z.its, it)
	}
	return z, nil
}

type mapIter struct {
	fn  Value
	its []Iterator
}

func (*mapIter) Type() *Class { return mapType }

func (m *mapIter) Next(th Thread) (Value, bool, error) {
	args := make([]Value, len(m.its))
	for i, it := range m.its {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return nil, false, err
		}
		args[i] = v
	}
	r, err := Call(th, m.fn, args, nil)
	return r, err == nil, err
}

func newMap(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := noKwargs("map", kwargs); err != nil {
		return nil, err
	}
	if len(args) < 2 {
		return nil, Errorf(TypeError, "map() must have at least two arguments.")
	}
	m := &mapIter{fn: args[0]}
	for _, a := range args[1:] {
		it, err := Iterate(th, a)
		if err != nil {
			return nil, err
		}
		m.its = append(m.its, it)
	}
	return m, nil
}

type filterIter struct {
	fn Value // nil or None: truth of the item
	it Iterator
}

func (*filterIter) Type() *Class { return filterType }

func (f *filterIter) Next(th Thread) (Value, bool, error) {
	for {
		v, ok, err := f.it.Next(th)
		if err != nil || !ok {
			return nil, false, err
		}
		t := v
		if f.fn != None {
			if t, err = Call(th, f.fn, []Value{v}, nil); err != nil {
				return nil, false, err
			}
		}
		keep, err := Truth(th, t)
		if err != nil {
			return nil, false, err
		}
		if keep {
			return v, true, nil
		}
	}
}

func newFilter(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("filter", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	it, err := Iterate(th, args[1])
	if err != nil {
		return nil, err
	}
	return &filterIter{fn: args[0], it: it}, nil
}

// seqReverseIter iterates a tuple, str or range backwards.
type seqReverseIter struct {
	items []Value
	i     int
}

func (*seqReverseIter) Type() *Class { return reversedType }

func (r *seqReverseIter) Next(th Thread) (Value, bool, error) {
	if r.i < 0 {
		return nil, false, nil
	}
	r.i--
	return r.items[r.i+1], true, nil
}

func newReversed(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("reversed", args, kwargs, 1, 1); err != nil {
		return nil, err
	}
	switch v := args[0].(type) {
	case *List:
		return &listRevIter{list: v, i: len(v.Elems) - 1}, nil
	case *Range:
		n := v.Len()
		return &rangeIter{next: v.Start + (n-1)*v.Step, step: -v.Step, left: n}, nil
	case Tuple, String, *Dict, *dictView:
		if view, ok := v.(*dictView); ok && view.kind == dictValues {
			break
		}
		items, err := Collect(th, v)
		if err != nil {
			return nil, err
		}
		return &seqReverseIter{items: items, i: len(items) - 1}, nil
	case *Instance:
		if r, ok, err := callDunder(th, v, "__reversed__"); ok || err != nil {
			return r, err
		}
		if v.Class.lookupUser("__len__") != nil && v.Class.lookupUser("__getitem__") != nil {
			n, err := Len(th, v)
			if err != nil {
				return nil, err
			}
			items := make([]Value, n)
			for i := range items {
				if items[i], err = GetItem(th, v, MakeInt(int64(i))); err != nil {
					return nil, err
				}
			}
			return &seqReverseIter{items: items, i: n - 1}, nil
		}
	}
	return nil, Errorf(TypeError, "'%s' object is not reversible", args[0].Type().Name)
}

type callIter struct {
	fn, sentinel Value
}

func (*callIter) Type() *Class { return callableIterType }

func (c *callIter) Next(th Thread) (Value, bool, error) {
	if c.fn == nil {
		return nil, false, nil
	}
	v, err := Call(th, c.fn, nil, nil)
	if err != nil {
		return nil, false, err
	}
	eq, err := Equal(th, v, c.sentinel)
	if err != nil {
		return nil, false, err
	}
	if eq {
		c.fn = nil
		return nil, false, nil
	}
	return v, true, nil
}
