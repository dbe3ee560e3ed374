package vm

import (
	"math/bits"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// chain goes on from r, the int result of a binary operation that is on
// top of the stack (not yet stored), through the binary operations that
// follow it, as long as their other operand is an int and their result
// fits in an int64: their intermediate results are never boxed. It
// returns the last result and the pc and sp after the operations it did.
// Int operations have no effects, so it is the same as running them one
// by one; any other case is left to the instruction itself.
func (fr *frame) chain(r int64, pc, sp int) (int64, int, int) {
	instrs, s := fr.p.code.Instrs, fr.slots
	for {
		var n int64
		var ok bool
		switch in := instrs[pc]; in.Op {
		case compile.BINARY_CONST:
			if c, isInt := fr.p.consts[in.Arg].(value.Int); isInt {
				n, ok = intBinary(lang.Op(in.Sub), value.Int(r), c)
			}
		case compile.BINARY, compile.INPLACE:
			if a, isInt := s[sp-2].(value.Int); isInt {
				if n, ok = intBinary(lang.Op(in.Arg), a, value.Int(r)); ok {
					// The left operand is consumed; r takes its slot.
					sp--
					s[sp] = nil
				}
			}
		}
		if !ok {
			return r, pc, sp
		}
		r = n
		pc++
	}
}

// inplaceFast is INPLACE_FAST: local k op= y. An int result is stored in
// the box the local owns, if any, else in a new box the local then owns.
func (th *Thread) inplaceFast(fr *frame, k int32, op lang.Op, y value.Value) error {
	// The common case first, without calls: total += x, where total
	// owns its box.
	x := fr.slots[k]
	if a, ok := x.(value.Int); ok && op == lang.Add && fr.owned&(1<<(k&63)) != 0 && k < 64 {
		if b, ok := y.(value.Int); ok {
			if r := int64(a) + int64(b); (r > int64(a)) == (b > 0) {
				value.Reuse(x, r)
				return nil
			}
		}
	}
	return th.inplace(fr, k, op, y)
}

// inplace is inplaceFast's general case.
func (th *Thread) inplace(fr *frame, k int32, op lang.Op, y value.Value) error {
	x := fr.slots[k]
	if x == nil {
		return unbound(fr.p.code.Locals[k])
	}
	bit := uint64(1) << (k & 63)
	if k >= 64 {
		bit = 0
	}
	if a, ok := x.(value.Int); ok {
		if b, ok := y.(value.Int); ok {
			if r, ok := intBinary(op, a, b); ok {
				if fr.owned&bit != 0 {
					value.Reuse(x, r)
					return nil
				}
				v, owned := th.ints.Fresh(r)
				fr.slots[k] = v
				if owned {
					fr.owned |= bit
				}
				return nil
			}
		}
	}
	// x may reach script code (y's __radd__) and be kept there.
	fr.owned &^= bit
	v, err := value.InplaceBinary(th, op, x, y)
	if err == nil {
		fr.slots[k] = v
	}
	return err
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
