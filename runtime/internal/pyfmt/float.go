package pyfmt

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr returns repr(f) as CPython 3.11 prints it: the shortest digits
// that round-trip, in exponent form when the decimal exponent is below -4
// or at least 16 ("1e+16", "1e-05", "0.0001", "1.5e+300"), and "inf",
// "-inf", "nan", "-0.0", "1.0".
func FloatRepr(f float64) string {
	var buf [32]byte
	return string(floatShort(buf[:0], f, 'r', 0, floatFlags{addDot0: true}))
}

// floatFlags are the Py_DTSF_* options of PyOS_double_to_string.
type floatFlags struct {
	sign    bool // always write a sign
	addDot0 bool // write "1.0", not "1", for integral values without exponent
	alt     bool // keep the decimal point and trailing zeros ('#')
	noNeg0  bool // drop the sign of a result that rounds to zero ('z')
	upper   bool // 'E', 'F', 'G': "INF", "NAN", "E"
}

// floatShort is CPython's PyOS_double_to_string (format_float_short):
// code is 'e', 'f', 'g' or 'r' (repr), prec the precision of the format.
// It appends the result to buf.
func floatShort(buf []byte, f float64, code byte, prec int, fl floatFlags) []byte {
	neg := math.Signbit(f)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if math.IsNaN(f) {
			neg = false
		}
		buf = appendSign(buf, neg, fl.sign)
		s := "inf"
		if math.IsNaN(f) {
			s = "nan"
		}
		if fl.upper {
			s = strings.ToUpper(s)
		}
		return append(buf, s...)
	}
	a := math.Abs(f)
	var d decimal
	switch code {
	case 'e':
		prec++
		d = significant(a, prec)
	case 'f':
		d = fixed(a, prec)
	case 'g':
		if prec == 0 {
			prec = 1
		}
		d = significant(a, prec)
	case 'r':
		d = shortest(a)
	}
	digits, point := d.digits, d.point
	if fl.noNeg0 && neg && (len(digits) == 0 || len(digits) == 1 && digits[0] == '0') {
		neg = false
	}

	end := len(digits) // vdigits_end
	useExp := false
	switch code {
	case 'e':
		useExp = true
		end = prec
	case 'f':
		end = point + prec
	case 'g':
		limit := prec
		if fl.addDot0 {
			limit--
		}
		useExp = point <= -4 || point > limit
		if fl.alt {
			end = prec
		}
	case 'r':
		useExp = point <= -4 || point > 16
	}
	exp := 0
	if useExp {
		exp = point - 1
		point = 1
	}
	start := 0 // vdigits_start
	if point <= 0 {
		start = point - 1
	}
	if !useExp && fl.addDot0 {
		end = max(end, point+1)
	} else {
		end = max(end, point)
	}

	buf = appendSign(buf, neg, fl.sign)
	if point <= 0 {
		buf = appendZeros(buf, point-start)
		buf = append(buf, '.')
		buf = appendZeros(buf, -point)
	} else {
		buf = appendZeros(buf, -start)
	}
	if 0 < point && point <= len(digits) {
		buf = append(buf, digits[:point]...)
		buf = append(buf, '.')
		buf = append(buf, digits[point:]...)
	} else {
		buf = append(buf, digits...)
	}
	if len(digits) < point {
		buf = appendZeros(buf, point-len(digits))
		buf = append(buf, '.')
		buf = appendZeros(buf, end-point)
	} else {
		buf = appendZeros(buf, end-len(digits))
	}
	if buf[len(buf)-1] == '.' && !fl.alt {
		buf = buf[:len(buf)-1]
	}
	if useExp {
		if fl.upper {
			buf = append(buf, 'E')
		} else {
			buf = append(buf, 'e')
		}
		if exp < 0 {
			buf = append(buf, '-')
			exp = -exp
		} else {
			buf = append(buf, '+')
		}
		if exp < 10 {
			buf = append(buf, '0')
		}
		buf = strconv.AppendInt(buf, int64(exp), 10)
	}
	return buf
}

func appendSign(buf []byte, neg, always bool) []byte {
	if neg {
		return append(buf, '-')
	}
	if always {
		return append(buf, '+')
	}
	return buf
}

func appendZeros(buf []byte, n int) []byte {
	for ; n > 0; n-- {
		buf = append(buf, '0')
	}
	return buf
}
