package value

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

// sampleValues returns values of every builtin kind, with edge cases.
func sampleValues(th Thread) []Value {
	big1, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	d := NewDict(0)
	d.SetString("a", MakeInt(1))
	s := NewSet()
	_ = s.Add(th, MakeInt(3))
	fs := NewFrozenSet()
	_ = fs.Add(th, MakeString("x"))
	c, _ := NewClass(th, "C", nil, nil)
	inst, _ := c.Call(th, nil, nil)
	return []Value{
		None, True, False, MakeInt(0), MakeInt(-1), MakeInt(7), MakeInt(math.MaxInt64), MakeInt(math.MinInt64),
		MakeBigInt(big1), MakeBigInt(new(big.Int).Neg(big1)), Float(0), Float(math.Copysign(0, -1)), Float(2.5),
		Float(math.Inf(1)), Float(math.NaN()), MakeString(""), MakeString("abc"), MakeString("é日"),
		NewList(nil), NewList([]Value{MakeInt(1), MakeString("a")}), EmptyTuple, Tuple{MakeInt(1)},
		d, NewDict(0), s, NewSet(), fs, &Range{0, 5, 1}, &Range{5, 0, -2}, &Slice{None, MakeInt(2), None},
		&Slice{MakeString("a"), None, MakeInt(0)}, Ellipsis, NotImplemented, IntType, c, inst,
		NewException(ValueError, MakeString("v")), NewException(KeyError), NewBuiltin("len", builtinLen),
		&Property{}, &Module{Name: "m", Globals: NewDict(0)}, NewSuper(c, inst),
		&dictView{d, dictItems}, &listIter{list: NewList([]Value{MakeInt(1)})},
	}
}

// noPanic runs f and fails the test if it panics.
func noPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", what, r)
		}
	}()
	f()
}

// TestNoPanics applies every operation, builtin and method to every pair
// of sample values: errors are fine, Go panics are bugs.
func TestNoPanics(t *testing.T) {
	th := newTestThread()
	vals := sampleValues(th)
	b := Builtins()
	names := make([]string, 0, len(b))
	for n := range b {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, x := range vals {
		what := func(op string, args ...Value) string { return fmt.Sprintf("%s %T %v", op, x, args) }
		noPanic(t, what("repr"), func() { _, _ = Repr(th, x); _, _ = Str(th, x); _, _ = ToString(th, x, 'a') })
		noPanic(t, what("misc"), func() {
			_, _ = Hash(th, x)
			_, _ = Len(th, x)
			_, _ = Truth(th, x)
			_, _ = Iterate(th, x)
			_, _ = Format(th, x, "")
			_, _ = Format(th, x, ">10")
			_, _ = Call(th, x, nil, nil)
			for _, op := range []lang.Op{lang.USub, lang.UAdd, lang.Invert, lang.Not} {
				_, _ = Unary(th, op, x)
			}
		})
		for _, y := range vals {
			for op := lang.Add; op <= lang.BitAnd; op++ {
				noPanic(t, what(op.String(), y), func() {
					_, _ = Binary(th, op, x, y)
					_, _ = InplaceBinary(th, op, copyValue(th, x), y)
				})
			}
			for op := lang.Eq; op <= lang.NotIn; op++ {
				noPanic(t, what(op.String(), y), func() { _, _ = Compare(th, op, x, y) })
			}
			noPanic(t, what("item", y), func() {
				_, _ = GetItem(th, x, y)
				_ = SetItem(th, copyValue(th, x), y, y)
				_ = DelItem(th, copyValue(th, x), y)
			})
		}
		// Every attribute of the value's class, called with 0..2 sample args.
		cls := x.Type()
		for k := cls; k != nil; k = k.Base {
			for _, name := range k.Dict.Keys() {
				n := name.(String).s
				for _, args := range [][]Value{nil, {vals[(i+3)%len(vals)]}, {vals[(i+5)%len(vals)], vals[(i+7)%len(vals)]}, {MakeInt(1)}, {MakeString("a"), MakeInt(1)}} {
					noPanic(t, what("method "+n, args...), func() {
						m, err := GetAttr(th, copyValue(th, x), n)
						if err == nil {
							_, _ = Call(th, m, args, nil)
						}
						_, _ = Call(th, cls.Lookup(n), append([]Value{x}, args...), nil)
						_, _ = Call(th, cls.Lookup(n), args, nil)
					})
				}
			}
		}
		for _, n := range names {
			for _, args := range [][]Value{{x}, {x, vals[(i+1)%len(vals)]}, {x, MakeInt(2)}, {vals[(i+4)%len(vals)], x, x}} {
				if n == "print" {
					continue
				}
				noPanic(t, fmt.Sprintf("%s%v", n, args), func() { _, _ = Call(th, b[n], args, nil) })
			}
		}
		for _, attr := range []string{"x", "__class__", "__name__", "args", "real", "__dict__", "start", "fget", "__mro__"} {
			noPanic(t, what("attr "+attr), func() {
				_, _ = GetAttr(th, x, attr)
				_ = SetAttr(th, copyValue(th, x), attr, MakeInt(1))
				_ = DelAttr(th, copyValue(th, x), attr)
			})
		}
	}
}

// copyValue returns a shallow copy of mutable containers, so that
// mutating operations do not change the samples.
func copyValue(th Thread, v Value) Value {
	switch v := v.(type) {
	case *List:
		return NewList(append([]Value(nil), v.Elems...))
	case *Dict:
		return v.Copy()
	case *Set:
		return v.copySet(th)
	}
	return v
}

// TestDeepNesting checks that operations recursing through 5000 nested
// lists fail with RecursionError, as CPython's do, instead of succeeding
// or exhausting the Go stack.
func TestDeepNesting(t *testing.T) {
	th := newTestThread()
	nest := func() *List {
		outer := NewList(nil)
		cur := outer
		for i := 0; i < 5000; i++ {
			next := NewList(nil)
			cur.Append(next)
			cur = next
		}
		return outer
	}
	a, b := nest(), nest()
	isRecursion := func(err error) bool {
		e, ok := err.(*Exception)
		return ok && e.Class == RecursionError
	}
	if _, err := Repr(th, a); !isRecursion(err) {
		t.Errorf("repr: got %v, want RecursionError", err)
	}
	if _, err := Equal(th, a, b); !isRecursion(err) {
		t.Errorf("==: got %v, want RecursionError", err)
	}
	if s, err := Repr(th, NewList([]Value{NewList(nil)})); err != nil || s != "[[]]" {
		t.Errorf("after the errors, repr([[]]) = %q, %v", s, err)
	}
}
