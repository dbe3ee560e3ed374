package value

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/asyncgen/asyncgen/lang"
)

// smallIntBinary is the fast path of Binary for two Ints.
func smallIntBinary(op lang.Op, a, b int64) (Value, error) {
	switch op {
	case lang.Add:
		s := a + b
		if (s > a) == (b > 0) {
			return MakeInt(s), nil
		}
	case lang.Sub:
		s := a - b
		if (s < a) == (b > 0) {
			return MakeInt(s), nil
		}
	case lang.Mul:
		if p, ok := mul64(a, b); ok {
			return MakeInt(p), nil
		}
	case lang.FloorDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		if !(a == math.MinInt64 && b == -1) {
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return MakeInt(q), nil
		}
	case lang.Mod:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "integer modulo by zero")
		}
		if b == -1 {
			return MakeInt(0), nil
		}
		m := a % b
		if m != 0 && (m < 0) != (b < 0) {
			m += b
		}
		return MakeInt(m), nil
	case lang.Div:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "division by zero")
		}
		if a >= -1<<53 && a <= 1<<53 && b >= -1<<53 && b <= 1<<53 {
			return Float(float64(a) / float64(b)), nil
		}
	case lang.Pow:
		if b < 0 {
			return floatPow(float64(a), float64(b))
		}
		if r, ok := pow64(a, b); ok {
			return MakeInt(r), nil
		}
	case lang.LShift:
		if b < 0 {
			return nil, Errorf(ValueError, "negative shift count")
		}
		if b < 63 && a == (a<<b)>>b {
			return MakeInt(a << b), nil
		}
	case lang.RShift:
		if b < 0 {
			return nil, Errorf(ValueError, "negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return MakeInt(a >> b), nil
	case lang.BitOr:
		return MakeInt(a | b), nil
	case lang.BitXor:
		return MakeInt(a ^ b), nil
	case lang.BitAnd:
		return MakeInt(a & b), nil
	default:
		return nil, binaryTypeError(op, Int(a), Int(b), "")
	}
	return bigBinary(op, big.NewInt(a), big.NewInt(b))
}

func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	ua, ub := absU(a), absU(b)
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo), true
	}
	if lo >= 1<<63 {
		return 0, false
	}
	return int64(lo), true
}

func absU(a int64) uint64 {
	if a < 0 {
		return -uint64(a)
	}
	return uint64(a)
}

// pow64 computes a**b (b >= 0) if it fits in an int64.
func pow64(a, b int64) (int64, bool) {
	r := int64(1)
	for b > 0 {
		if b&1 == 1 {
			var ok bool
			if r, ok = mul64(r, a); !ok {
				return 0, false
			}
		}
		b >>= 1
		if b > 0 {
			var ok bool
			if a, ok = mul64(a, a); !ok {
				return 0, false
			}
		}
	}
	return r, true
}

// intBinary applies op to two ints, at least one of them a BigInt or Bool.
func intBinary(op lang.Op, x, y Value) (Value, error) {
	a, aok := AsInt64(x)
	b, bok := AsInt64(y)
	if aok && bok {
		return smallIntBinary(op, a, b)
	}
	return bigBinary(op, toBig(x), toBig(y))
}

// maxIntBits bounds the size of the results of ** and <<: larger ones
// fail with MemoryError instead of exhausting time and memory.
const maxIntBits = 1 << 24

// bigBinary applies op to two ints as big.Ints (it may modify them).
func bigBinary(op lang.Op, a, b *big.Int) (Value, error) {
	r := new(big.Int)
	switch op {
	case lang.Add:
		r.Add(a, b)
	case lang.Sub:
		r.Sub(a, b)
	case lang.Mul:
		r.Mul(a, b)
	case lang.FloorDiv, lang.Mod:
		if b.Sign() == 0 {
			if op == lang.Mod {
				return nil, Errorf(ZeroDivisionError, "integer modulo by zero")
			}
			return nil, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, m := floorDivMod(a, b)
		if op == lang.Mod {
			return MakeBigInt(m), nil
		}
		return MakeBigInt(q), nil
	case lang.Div:
		if b.Sign() == 0 {
			return nil, Errorf(ZeroDivisionError, "division by zero")
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowError, "integer division result too large for a float")
		}
		return Float(f), nil
	case lang.Pow:
		if b.Sign() < 0 {
			fa, err := intToFloat(MakeBigInt(a))
			if err != nil {
				return nil, err
			}
			fb, err := intToFloat(MakeBigInt(b))
			if err != nil {
				return nil, err
			}
			return floatPow(fa, fb)
		}
		if a.CmpAbs(big.NewInt(1)) <= 0 || !b.IsInt64() {
			if a.CmpAbs(big.NewInt(1)) > 0 {
				return nil, NewException(MemoryError)
			}
			if a.Sign() < 0 && b.Bit(0) == 0 {
				return MakeInt(1), nil
			}
			if b.Sign() == 0 {
				return MakeInt(1), nil
			}
			return MakeBigInt(a), nil
		}
		if b.Int64() > maxIntBits/int64(a.BitLen()) {
			return nil, NewException(MemoryError)
		}
		r.Exp(a, b, nil)
	case lang.LShift, lang.RShift:
		if b.Sign() < 0 {
			return nil, Errorf(ValueError, "negative shift count")
		}
		if op == lang.RShift {
			if !b.IsInt64() || b.Int64() > int64(a.BitLen()) {
				if a.Sign() < 0 {
					return MakeInt(-1), nil
				}
				return MakeInt(0), nil
			}
			r.Rsh(a, uint(b.Int64()))
		} else {
			if a.Sign() == 0 {
				return MakeInt(0), nil
			}
			if !b.IsInt64() || b.Int64() > maxIntBits {
				return nil, NewException(MemoryError)
			}
			r.Lsh(a, uint(b.Int64()))
		}
	case lang.BitOr:
		r.Or(a, b)
	case lang.BitXor:
		r.Xor(a, b)
	case lang.BitAnd:
		r.And(a, b)
	default:
		return nil, binaryTypeError(op, MakeBigInt(a), MakeBigInt(b), "")
	}
	return MakeBigInt(r), nil
}

// floorDivMod returns Python's a // b and a % b.
func floorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

func intUnary(op lang.Op, x Value) (Value, error) {
	if i, ok := x.(Int); ok {
		switch op {
		case lang.UAdd:
			return x, nil
		case lang.USub:
			if i != math.MinInt64 {
				return MakeInt(-int64(i)), nil
			}
		case lang.Invert:
			return MakeInt(^int64(i)), nil
		}
	}
	b := toBig(x)
	switch op {
	case lang.UAdd:
		return x, nil
	case lang.USub:
		return MakeBigInt(b.Neg(b)), nil
	case lang.Invert:
		return MakeBigInt(b.Not(b)), nil
	}
	return nil, Errorf(TypeError, "bad operand type for unary %s: 'int'", op)
}
