package pyfmt

import (
	"math"
	"math/big"
	"strconv"
)

// Round returns round(f, ndigits), correctly rounded as CPython does it
// (through the exact decimal value, so round(2.675, 2) == 2.67). NaN and
// infinities round to themselves. When a finite f rounds to a value beyond
// the float range the result is ±Inf, where CPython raises OverflowError
// "rounded value too large to represent"; the caller reports it. Callers
// clip ndigits to the int range as CPython clips it to Py_ssize_t.
func Round(f float64, ndigits int) float64 {
	const maxDigits = 323  // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
	const minDigits = -308 // -(DBL_MAX_EXP + 1) * log10(2)
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0) || ndigits > maxDigits:
		return f
	case ndigits < minDigits:
		return math.Copysign(0, f)
	}
	d := fixed(math.Abs(f), ndigits)
	s := "0" + string(d.digits) + "e" + strconv.Itoa(d.point-len(d.digits))
	r, _ := strconv.ParseFloat(s, 64)
	return math.Copysign(r, f)
}

// RoundHalfEven returns round(f) as a float: the nearest integer, ties to
// even. The caller converts it with FloatToInt.
func RoundHalfEven(f float64) float64 { return math.RoundToEven(f) }

// FloatToInt returns int(f), truncating toward zero. NaN fails with
// ValueError, infinities with OverflowError, as in CPython.
func FloatToInt(f float64) (*big.Int, error) {
	switch {
	case math.IsNaN(f):
		return nil, errorf(ValueError, "cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return nil, errorf(OverflowError, "cannot convert float infinity to integer")
	}
	x, _ := big.NewFloat(math.Trunc(f)).Int(nil)
	return x, nil
}

// FloorDiv returns x // y for floats. y == 0 fails with ZeroDivisionError
// "float floor division by zero".
func FloorDiv(x, y float64) (float64, error) {
	if y == 0 {
		return 0, errorf(ZeroDivisionError, "float floor division by zero")
	}
	q, _ := divMod(x, y)
	return q, nil
}

// Mod returns x % y for floats: the result has the sign of y. y == 0 fails
// with ZeroDivisionError "float modulo".
func Mod(x, y float64) (float64, error) {
	if y == 0 {
		return 0, errorf(ZeroDivisionError, "float modulo")
	}
	return mod(x, y), nil
}

// DivMod returns divmod(x, y) for floats. y == 0 fails with
// ZeroDivisionError "float divmod()".
func DivMod(x, y float64) (float64, float64, error) {
	if y == 0 {
		return 0, 0, errorf(ZeroDivisionError, "float divmod()")
	}
	q, m := divMod(x, y)
	return q, m, nil
}

// mod is CPython's float_rem.
func mod(x, y float64) float64 {
	m := math.Mod(x, y)
	if m == 0 {
		return math.Copysign(0, y)
	}
	if (y < 0) != (m < 0) {
		m += y
	}
	return m
}

// divMod is CPython's _float_div_mod.
func divMod(x, y float64) (float64, float64) {
	m := math.Mod(x, y)
	div := (x - m) / y
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
			div -= 1
		}
	} else {
		m = math.Copysign(0, y)
	}
	if div == 0 {
		return math.Copysign(0, x/y), m
	}
	q := math.Floor(div)
	if div-q > 0.5 {
		q++
	}
	return q, m
}
