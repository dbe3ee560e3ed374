package pyfmt

import (
	"fmt"
	"math/big"
)

// MaxStrDigits is CPython's default limit on the decimal digits of an int
// converted to or from a string (sys.get_int_max_str_digits()).
const MaxStrDigits = 4300

// maxStrBits is a bit length whose ints surely have more than MaxStrDigits
// decimal digits: 2**14300 has 4305.
const maxStrBits = 14300

// IntString returns str(x). Like CPython it fails with ValueError for ints
// of more than MaxStrDigits decimal digits.
func IntString(x *big.Int) (string, error) {
	if x.BitLen() > maxStrBits {
		return "", errStrDigits
	}
	s := x.String()
	if digitCount(s) > MaxStrDigits {
		return "", errStrDigits
	}
	return s, nil
}

var errStrDigits = errorf(ValueError, fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", MaxStrDigits))

// digitCount counts the digits of a decimal int string, leaving out a sign.
func digitCount(s string) int {
	if s != "" && s[0] == '-' {
		return len(s) - 1
	}
	return len(s)
}

// IntToBase returns x written in base 2, 8, 10 or 16 as Python's bin(),
// oct(), str() and hex() write it: "-0x1f", "0b0", "0o17". Base 10 has no
// digit limit here; use IntString for str().
func IntToBase(x *big.Int, base int) string {
	var prefix string
	switch base {
	case 2:
		prefix = "0b"
	case 8:
		prefix = "0o"
	case 16:
		prefix = "0x"
	}
	var a big.Int
	s := prefix + a.Abs(x).Text(base)
	if x.Sign() < 0 {
		return "-" + s
	}
	return s
}

// IntToFloat converts x to the nearest float, ties to even, as float(x).
// Ints beyond the float range fail with OverflowError.
func IntToFloat(x *big.Int) (float64, error) {
	f, _ := new(big.Float).SetInt(x).Float64()
	if f > maxFloat || f < -maxFloat {
		return 0, errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

const maxFloat = 1.7976931348623157e308

// FormatInt formats x as format(x, spec) does for an int. The float
// presentation types (e, E, f, F, g, G, %) convert x to float first, as
// CPython does. Errors are ValueError, except OverflowError for 'c' out of
// range and for ints too large for a float.
func FormatInt(x *big.Int, spec Spec) (string, error) {
	s, err := spec.resolve("int", 'd', '>')
	if err != nil {
		return "", err
	}
	switch s.Type {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := IntToFloat(x)
		if err != nil {
			return "", err
		}
		return formatFloat(f, s)
	default:
		return "", unknownCode(s.Type, s.TypeName)
	}
	if s.Precision != -1 {
		return "", errorf(ValueError, "Precision not allowed in integer format specifier")
	}
	if s.NoNeg0 {
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	if s.Type == 'c' {
		return formatChar(x, s)
	}
	base, group, prefix := 10, 3, ""
	switch s.Type {
	case 'b':
		base, group, prefix = 2, 4, "0b"
	case 'o':
		base, group, prefix = 8, 4, "0o"
	case 'x', 'X':
		base, group, prefix = 16, 4, "0x"
	}
	if !s.Alt {
		prefix = ""
	}
	var digits string
	if base == 10 {
		if digits, err = IntString(x); err != nil {
			return "", err
		}
		if x.Sign() < 0 {
			digits = digits[1:]
		}
	} else {
		digits = new(big.Int).Abs(x).Text(base)
	}
	n := number{neg: x.Sign() < 0, prefix: prefix, digits: digits, upper: s.Type == 'X'}
	return n.layout(s, group)
}

// formatChar formats x with presentation type 'c'.
func formatChar(x *big.Int, s Spec) (string, error) {
	if s.Sign != 0 {
		return "", errorf(ValueError, "Sign not allowed with integer format specifier 'c'")
	}
	if s.Alt {
		return "", errorf(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
	}
	if !x.IsInt64() {
		return "", errorf(OverflowError, "Python int too large to convert to C long")
	}
	if c := x.Int64(); c < 0 || c > 0x10ffff {
		return "", errorf(OverflowError, "%c arg not in range(0x110000)")
	}
	return number{remainder: string(rune(x.Int64()))}.layout(s, 0)
}
