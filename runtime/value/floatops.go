package value

import (
	"math"

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
		return Float(q), pyErr(err)
	case lang.Mod:
		m, err := pyfmt.Mod(a, b)
		return Float(m), pyErr(err)
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
	r := math.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, Errorf(OverflowError, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}
