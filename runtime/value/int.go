package value

import (
	"math"
	"math/big"
	"strconv"
)

// Int is a script int that fits in an int64. Larger values are *BigInt;
// MakeInt and MakeBigInt choose the representation, so an int that fits in
// an int64 is always an Int.
type Int int64

// Type returns int.
func (Int) Type() *Class { return IntType }

// BigInt is a script int outside the int64 range.
type BigInt struct{ v big.Int }

// Type returns int.
func (*BigInt) Type() *Class { return IntType }

// Big returns the value; the caller must not modify it.
func (b *BigInt) Big() *big.Int { return &b.v }

const (
	smallMin = -5
	smallMax = 1024
)

var smallInts [smallMax - smallMin + 1]Value

func init() {
	for i := range smallInts {
		smallInts[i] = Int(i + smallMin)
	}
}

// MakeInt returns i as a Value, without allocating for -5..1024.
func MakeInt(i int64) Value {
	if i >= smallMin && i <= smallMax {
		return smallInts[i-smallMin]
	}
	return Int(i)
}

// MakeBigInt returns x as a Value: an Int when it fits in an int64. It
// takes ownership of x.
func MakeBigInt(x *big.Int) Value {
	if x.IsInt64() {
		return MakeInt(x.Int64())
	}
	b := &BigInt{}
	b.v.Set(x)
	return b
}

// AsInt64 returns the value of an int or bool that fits in an int64.
func AsInt64(v Value) (int64, bool) {
	switch v := v.(type) {
	case Int:
		return int64(v), true
	case Bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// isInt reports whether v is an int (or bool).
func isInt(v Value) bool {
	switch v.(type) {
	case Int, *BigInt, Bool:
		return true
	}
	return false
}

// toBig returns an int or bool as a new *big.Int, or nil.
func toBig(v Value) *big.Int {
	switch v := v.(type) {
	case Int:
		return big.NewInt(int64(v))
	case Bool:
		if v {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	case *BigInt:
		return new(big.Int).Set(&v.v)
	}
	return nil
}

// intToFloat converts an int to float, with CPython's OverflowError.
func intToFloat(v Value) (float64, error) {
	if i, ok := AsInt64(v); ok {
		return float64(i), nil
	}
	f, _ := new(big.Float).SetInt(&v.(*BigInt).v).Float64()
	if math.IsInf(f, 0) {
		return 0, Errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// intSign returns -1, 0 or 1.
func intSign(v Value) int {
	if i, ok := AsInt64(v); ok {
		switch {
		case i < 0:
			return -1
		case i > 0:
			return 1
		}
		return 0
	}
	return v.(*BigInt).v.Sign()
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
