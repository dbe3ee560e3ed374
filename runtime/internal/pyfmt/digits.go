package pyfmt

import (
	"strconv"
)

// decimal is the digit string of a finite non-negative float as David Gay's
// dtoa returns it: value = 0.digits × 10**point, with no leading or trailing
// zeros, except that zero itself is "0" with point 1. When rounding leaves
// no digits, digits is empty.
type decimal struct {
	digits []byte
	point  int
}

// shortest returns the shortest digit string that round-trips to f (dtoa mode 0).
func shortest(f float64) decimal {
	var buf [32]byte
	return fromE(strconv.AppendFloat(buf[:0], f, 'e', -1, 64))
}

// significant returns f rounded to n significant digits (dtoa mode 2).
func significant(f float64, n int) decimal {
	var buf [32]byte
	return fromE(strconv.AppendFloat(buf[:0], f, 'e', max(n, 1)-1, 64))
}

// fixed returns f rounded to n digits after the decimal point (dtoa mode
// 3); n may be negative.
func fixed(f float64, n int) decimal {
	if f == 0 {
		return decimal{[]byte("0"), 1}
	}
	if n < 0 {
		// Round the exact expansion by hand: strconv takes no negative precision.
		d := fromE(strconv.AppendFloat(nil, f, 'e', 800, 64))
		return d.round(d.point + n)
	}
	b := strconv.AppendFloat(nil, f, 'f', n, 64)
	d := decimal{point: len(b)}
	for i, c := range b {
		if c == '.' {
			d.point = i
		} else {
			d.digits = append(d.digits, c)
		}
	}
	lead := 0
	for lead < len(d.digits) && d.digits[lead] == '0' {
		lead++
	}
	d.digits = d.digits[lead:]
	d.point -= lead
	d.trim()
	if len(d.digits) == 0 {
		d.point = -n
	}
	return d
}

// fromE converts strconv's 'e' format ("d.ddde±XX") to a decimal, reusing b.
func fromE(b []byte) decimal {
	e := len(b) - 1
	for b[e] != 'e' {
		e--
	}
	exp := 0
	for _, c := range b[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if b[e+1] == '-' {
		exp = -exp
	}
	if b[0] == '0' {
		return decimal{[]byte("0"), 1}
	}
	digits := b[:1]
	if e > 1 { // drop the point
		digits = append(digits, b[2:e]...)
	}
	d := decimal{digits: digits, point: exp + 1}
	d.trim()
	return d
}

// trim drops trailing zeros.
func (d *decimal) trim() { d.digits = trimZeros(d.digits) }

// round keeps the first n digits of an exact digit string, rounding half to
// even, with dtoa's conventions for results that lose every digit.
func (d decimal) round(n int) decimal {
	if n >= len(d.digits) {
		return d
	}
	if n < 0 {
		return decimal{point: d.point - n}
	}
	up := d.digits[n] > '5'
	if d.digits[n] == '5' {
		rest := d.digits[n+1:]
		up = len(trimZeros(rest)) > 0 || (n > 0 && (d.digits[n-1]-'0')%2 == 1)
	}
	out := decimal{digits: append([]byte(nil), d.digits[:n]...), point: d.point}
	if up {
		i := n - 1
		for i >= 0 && out.digits[i] == '9' {
			i--
		}
		if i < 0 {
			return decimal{[]byte("1"), d.point + 1}
		}
		out.digits[i]++
		out.digits = out.digits[:i+1]
	}
	out.trim()
	if len(out.digits) == 0 {
		out.point = d.point - n
	}
	return out
}

// trimZeros returns b without its trailing zeros.
func trimZeros(b []byte) []byte {
	n := len(b)
	for n > 0 && b[n-1] == '0' {
		n--
	}
	return b[:n]
}
