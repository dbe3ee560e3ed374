package value

import (
	"math"
	"math/big"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
)

// Compare returns x op y for the comparison operators Eq..NotIn.
func Compare(th Thread, op lang.Op, x, y Value) (Value, error) {
	switch op {
	case lang.Is:
		return Bool(Is(x, y)), nil
	case lang.IsNot:
		return Bool(!Is(x, y)), nil
	case lang.In, lang.NotIn:
		ok, err := Contains(th, y, x)
		return Bool(ok == (op == lang.In)), err
	case lang.Eq, lang.NotEq, lang.Lt, lang.LtE, lang.Gt, lang.GtE:
		return richCompare(th, op, x, y)
	}
	return nil, Errorf(SystemError, "bad comparison operator %v", op)
}

// Equal reports whether x == y.
func Equal(th Thread, x, y Value) (bool, error) {
	switch a := x.(type) {
	case Int:
		if b, ok := y.(Int); ok {
			return a == b, nil
		}
	case String:
		if b, ok := y.(String); ok {
			return a.s == b.s, nil
		}
	}
	r, err := richCompare(th, lang.Eq, x, y)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// Less reports whether x < y, for sorting, min and max.
func Less(th Thread, x, y Value) (bool, error) {
	switch a := x.(type) {
	case Int:
		if b, ok := y.(Int); ok {
			return a < b, nil
		}
	case String:
		if b, ok := y.(String); ok {
			return a.s < b.s, nil
		}
	case Float:
		if b, ok := y.(Float); ok {
			return a < b, nil
		}
	}
	r, err := richCompare(th, lang.Lt, x, y)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

var compareDunders = map[lang.Op]string{
	lang.Eq: "__eq__", lang.NotEq: "__ne__", lang.Lt: "__lt__",
	lang.LtE: "__le__", lang.Gt: "__gt__", lang.GtE: "__ge__",
}

// swapped returns the reflected comparison: x < y is y > x.
func swapped(op lang.Op) lang.Op {
	switch op {
	case lang.Lt:
		return lang.Gt
	case lang.LtE:
		return lang.GtE
	case lang.Gt:
		return lang.Lt
	case lang.GtE:
		return lang.LtE
	}
	return op
}

// richCompare is PyObject_RichCompare.
func richCompare(th Thread, op lang.Op, x, y Value) (Value, error) {
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			return Bool(cmpResult(op, cmp3(int64(a), int64(b)))), nil
		}
	}
	ux, uy := userClass(x), userClass(y)
	if ux == nil && uy == nil {
		r, err := builtinCompare(th, op, x, y)
		if r != nil || err != nil {
			return r, err
		}
	} else {
		tx, ty := x.Type(), y.Type()
		reflectedFirst := uy != nil && ty != tx && ty.IsSubclass(tx)
		if reflectedFirst {
			if r, err := compareSide(th, swapped(op), y, x); r != nil || err != nil {
				return r, err
			}
		}
		if r, err := compareSide(th, op, x, y); r != nil || err != nil {
			return r, err
		}
		if !reflectedFirst {
			if r, err := compareSide(th, swapped(op), y, x); r != nil || err != nil {
				return r, err
			}
		}
	}
	switch op {
	case lang.Eq:
		return Bool(Is(x, y)), nil
	case lang.NotEq:
		return Bool(!Is(x, y)), nil
	}
	return nil, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'",
		op, x.Type().Name, y.Type().Name)
}

// compareSide tries x's own comparison method; nil means NotImplemented.
func compareSide(th Thread, op lang.Op, x, y Value) (Value, error) {
	if userClass(x) == nil {
		return builtinCompare(th, op, x, y)
	}
	r, ok, err := callDunder(th, x, compareDunders[op], y)
	if err != nil {
		return nil, err
	}
	if !ok && op == lang.NotEq {
		// object.__ne__ inverts __eq__.
		r, ok, err = callDunder(th, x, "__eq__", y)
		if err != nil || !ok || r == NotImplemented {
			return nil, err
		}
		t, err := Truth(th, r)
		return Bool(!t), err
	}
	if !ok {
		return builtinCompare(th, op, x, y)
	}
	if r == NotImplemented {
		return nil, nil
	}
	return r, nil
}

func cmp3[T int64 | float64 | string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpResult turns a three-way comparison into op's result.
func cmpResult(op lang.Op, c int) bool {
	switch op {
	case lang.Eq:
		return c == 0
	case lang.NotEq:
		return c != 0
	case lang.Lt:
		return c < 0
	case lang.LtE:
		return c <= 0
	case lang.Gt:
		return c > 0
	}
	return c >= 0
}

// builtinCompare compares builtin values; nil means NotImplemented.
func builtinCompare(th Thread, op lang.Op, x, y Value) (Value, error) {
	switch a := x.(type) {
	case Int, Bool, *BigInt:
		switch b := y.(type) {
		case Int, Bool, *BigInt:
			return Bool(cmpResult(op, toBig(a).Cmp(toBig(b)))), nil
		case Float:
			return compareIntFloat(op, a, float64(b)), nil
		}
	case Float:
		switch b := y.(type) {
		case Float:
			return compareFloats(op, float64(a), float64(b)), nil
		case Int, Bool, *BigInt:
			return compareIntFloat(swapped(op), b, float64(a)), nil
		}
	case String:
		if b, ok := y.(String); ok {
			return Bool(cmpResult(op, strings.Compare(a.s, b.s))), nil
		}
	case *List:
		if b, ok := y.(*List); ok {
			return compareSeqs(th, op, a.Elems, b.Elems)
		}
	case Tuple:
		if b, ok := y.(Tuple); ok {
			return compareSeqs(th, op, a, b)
		}
	case *Dict:
		if b, ok := y.(*Dict); ok && (op == lang.Eq || op == lang.NotEq) {
			eq, err := dictEqual(th, a, b)
			return Bool(eq == (op == lang.Eq)), err
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			return setCompare(th, op, a, b)
		}
	case *Range:
		if b, ok := y.(*Range); ok && (op == lang.Eq || op == lang.NotEq) {
			return Bool(rangeEqual(a, b) == (op == lang.Eq)), nil
		}
	case *BoundMethod:
		if b, ok := y.(*BoundMethod); ok && (op == lang.Eq || op == lang.NotEq) {
			return Bool((Is(a.Self, b.Self) && Is(a.Func, b.Func)) == (op == lang.Eq)), nil
		}
	}
	return nil, nil
}

func compareFloats(op lang.Op, a, b float64) Value {
	if math.IsNaN(a) || math.IsNaN(b) {
		return Bool(op == lang.NotEq)
	}
	return Bool(cmpResult(op, cmp3(a, b)))
}

// compareIntFloat compares an int with a float exactly.
func compareIntFloat(op lang.Op, i Value, f float64) Value {
	if math.IsNaN(f) {
		return Bool(op == lang.NotEq)
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return Bool(cmpResult(op, -1))
		}
		return Bool(cmpResult(op, 1))
	}
	r, _ := new(big.Float).SetFloat64(f).Rat(nil)
	c := new(big.Rat).SetInt(toBig(i)).Cmp(r)
	return Bool(cmpResult(op, c))
}

func compareSeqs(th Thread, op lang.Op, a, b []Value) (Value, error) {
	if (op == lang.Eq || op == lang.NotEq) && len(a) != len(b) {
		return Bool(op == lang.NotEq), nil
	}
	st := stateOf(th)
	if err := st.enter(" in comparison"); err != nil {
		return nil, err
	}
	defer st.leave()
	for i := 0; i < len(a) && i < len(b); i++ {
		if Is(a[i], b[i]) {
			continue
		}
		eq, err := Equal(th, a[i], b[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			switch op {
			case lang.Eq:
				return False, nil
			case lang.NotEq:
				return True, nil
			}
			return richCompare(th, op, a[i], b[i])
		}
	}
	return Bool(cmpResult(op, cmp3(int64(len(a)), int64(len(b))))), nil
}

func dictEqual(th Thread, a, b *Dict) (bool, error) {
	if a.Len() != b.Len() {
		return false, nil
	}
	st := stateOf(th)
	if err := st.enter(" in comparison"); err != nil {
		return false, err
	}
	defer st.leave()
	for _, e := range a.entries {
		if e.key == nil {
			continue
		}
		_, j, err := b.find(th, e.key, e.hash)
		if err != nil || j < 0 {
			return false, err
		}
		bv := b.entries[j].val
		if Is(e.val, bv) {
			continue
		}
		eq, err := Equal(th, e.val, bv)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func rangeEqual(a, b *Range) bool {
	n := a.Len()
	if n != b.Len() {
		return false
	}
	if n == 0 {
		return true
	}
	if a.Start != b.Start {
		return false
	}
	return n == 1 || a.Step == b.Step
}

// Contains reports whether x in container.
func Contains(th Thread, container, x Value) (bool, error) {
	if userClass(container) != nil {
		if r, ok, err := callDunder(th, container, "__contains__", x); ok || err != nil {
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	}
	return baseContains(th, container, x)
}

// baseContains is Contains ignoring script __contains__ methods.
func baseContains(th Thread, container, x Value) (bool, error) {
	switch c := container.(type) {
	case *List:
		return seqContains(th, c.Elems, x)
	case Tuple:
		return seqContains(th, c, x)
	case String:
		s, ok := x.(String)
		if !ok {
			return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", x.Type().Name)
		}
		return strings.Contains(c.s, s.s), nil
	case *Dict:
		_, ok, err := c.Get(th, x)
		return ok, err
	case *Set:
		return c.Contains(th, x)
	case *Range:
		if i, ok := AsInt64(x); ok {
			return rangeIndex(c, i) >= 0, nil
		}
	case *bigRange:
		if isInt(x) {
			return c.contains(x), nil
		}
	case *dictView:
		return c.contains(th, x)
	}
	it, err := Iterate(th, container)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == TypeError {
			return false, Errorf(TypeError, "argument of type '%s' is not iterable", container.Type().Name)
		}
		return false, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		if Is(v, x) {
			return true, nil
		}
		eq, err := Equal(th, v, x)
		if err != nil || eq {
			return eq, err
		}
	}
}

func seqContains(th Thread, elems []Value, x Value) (bool, error) {
	for i := 0; i < len(elems); i++ {
		if Is(elems[i], x) {
			return true, nil
		}
		eq, err := Equal(th, elems[i], x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// rangeIndex returns the position of i in r, or -1.
func rangeIndex(r *Range, i int64) int64 {
	if r.Step > 0 && (i < r.Start || i >= r.Stop) || r.Step < 0 && (i > r.Start || i <= r.Stop) {
		return -1
	}
	d := i - r.Start
	if d%r.Step != 0 {
		return -1
	}
	return d / r.Step
}
