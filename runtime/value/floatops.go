package value

import (
	"math"
	"math/big"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// floatBinaryMixed applies op to two numbers, at least one a float.
func floatBinaryMixed(op lang.Op, x, y Value) (Value, error) {
	a, err := toFloat(x)
	if err != nil {
		return nil, err
	}
	b, err := toFloat(y)
	if err != nil {
		return nil, err
	}
	switch op {
	case lang.Add:
		return Float(a + b), nil
	case lang.Sub:
		return Float(a - b), nil
	case lang.Mul:
		return Float(a * b), nil
	case lang.Div:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "float division by zero")
		}
		return Float(a / b), nil
	case lang.FloorDiv:
		q, err := pyfmt.FloorDiv(a, b)
		return Float(q), PyfmtError(err)
	case lang.Mod:
		m, err := pyfmt.Mod(a, b)
		return Float(m), PyfmtError(err)
	case lang.Pow:
		return floatPow(a, b)
	}
	return nil, nil
}

// toFloat converts an int, bool or float to float64.
func toFloat(v Value) (float64, error) {
	if f, ok := v.(Float); ok {
		return float64(f), nil
	}
	return intToFloat(v)
}

// floatPow is CPython's float_pow for real results.
func floatPow(a, b float64) (Value, error) {
	if b == 0 {
		return Float(1), nil
	}
	if math.IsNaN(a) {
		return Float(a), nil
	}
	if a == 0 && b < 0 && !math.IsInf(b, 0) {
		return nil, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Floor(b) && !math.IsInf(b, 0) {
		return nil, Errorf(ValueError, "complex numbers are not supported")
	}
	r, ok := exactPow(a, b)
	if !ok {
		r = math.Pow(a, b)
	}
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, Errorf(OverflowError, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}

// maxExactPow bounds the exponents exactPow handles.
const maxExactPow = 1024

// exactPow computes a**b correctly rounded when 2*b is a small integer,
// as the C library's pow that CPython uses does (Go's math.Pow may be off
// by an ulp).
func exactPow(a, b float64) (float64, bool) {
	twice := 2 * b
	if a == 0 || math.IsInf(a, 0) || math.IsInf(b, 0) || twice != math.Trunc(twice) || math.Abs(b) > maxExactPow {
		return 0, false
	}
	half := twice != 2*math.Trunc(b)
	if half && a < 0 {
		return 0, false
	}
	n := int64(math.Floor(b)) // b = n or n + 1/2
	neg := n < 0
	if neg {
		n = -n
	}
	prec := uint(53*n + 128)
	x := new(big.Float).SetPrec(prec).SetFloat64(a)
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, x)
		}
		x.Mul(x, x)
	}
	if neg {
		r.Quo(new(big.Float).SetPrec(prec).SetInt64(1), r)
	}
	if half {
		root := new(big.Float).SetPrec(prec).SetFloat64(a)
		r.Mul(r, root.Sqrt(root))
	}
	f, _ := r.Float64()
	return f, true
}
