package vm

import (
	"math/bits"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// binary computes x op y for the instruction op (BINARY or INPLACE), with
// ints that fit in an int64 computed inline and boxed by the thread.
func (th *Thread) binary(op compile.Opcode, bop lang.Op, x, y value.Value) (value.Value, error) {
	if a, ok := x.(value.Int); ok {
		if b, ok := y.(value.Int); ok {
			if r, ok := intBinary(bop, a, b); ok {
				return th.ints.Make(r), nil
			}
		}
	}
	if op == compile.INPLACE {
		return value.InplaceBinary(th, bop, x, y)
	}
	return value.Binary(th, bop, x, y)
}

// intBinary computes the common operators on two ints that fit in an
// int64 without going through value.Binary or boxing the result. ok is false when the result needs the general path
// (overflow, division by zero, operators not handled here).
func intBinary(op lang.Op, a, b value.Int) (int64, bool) {
	x, y := int64(a), int64(b)
	switch op {
	case lang.Add:
		r := x + y
		if (r > x) == (y > 0) {
			return r, true
		}
	case lang.Sub:
		r := x - y
		if (r < x) == (y > 0) {
			return r, true
		}
	case lang.Mul:
		hi, lo := bits.Mul64(uint64(absInt(x)), uint64(absInt(y)))
		if hi == 0 && lo <= 1<<62 && x != minInt && y != minInt {
			r := int64(lo)
			if (x < 0) != (y < 0) {
				r = -r
			}
			return r, true
		}
	case lang.FloorDiv:
		if y != 0 && !(x == minInt && y == -1) {
			q := x / y
			if (x%y != 0) && ((x < 0) != (y < 0)) {
				q--
			}
			return q, true
		}
	case lang.Mod:
		if y != 0 && !(x == minInt && y == -1) {
			m := x % y
			if m != 0 && ((m < 0) != (y < 0)) {
				m += y
			}
			return m, true
		}
	case lang.RShift:
		if y >= 0 {
			return x >> min(y, 63), true
		}
	case lang.LShift:
		if y >= 0 && y < 63 {
			if r := x << y; r>>y == x {
				return r, true
			}
		}
	case lang.BitAnd:
		return x & y, true
	case lang.BitOr:
		return x | y, true
	case lang.BitXor:
		return x ^ y, true
	}
	return 0, false
}

const minInt = -1 << 63

func absInt(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// intCompare compares two small ints.
func intCompare(op lang.Op, a, b value.Int) (bool, bool) {
	switch op {
	case lang.Lt:
		return a < b, true
	case lang.LtE:
		return a <= b, true
	case lang.Gt:
		return a > b, true
	case lang.GtE:
		return a >= b, true
	case lang.Eq, lang.Is:
		return a == b, op == lang.Eq
	case lang.NotEq:
		return a != b, true
	}
	return false, false
}
