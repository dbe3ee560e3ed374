package pyfmt

import (
	"math"
	"strings"
	"unicode/utf8"
)

// FormatFloat formats f as format(f, spec) does for a float: presentation
// types e, E, f, F, g, G, n, % and none (like repr, or 'g' keeping a
// decimal point when a precision is given). Errors are ValueError.
func FormatFloat(f float64, spec Spec) (string, error) {
	s, err := spec.resolve("float", 0, '>')
	if err != nil {
		return "", err
	}
	switch s.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return formatFloat(f, s)
	}
	return "", unknownCode(s.Type, s.TypeName)
}

// formatFloat is CPython's format_float_internal, for a resolved spec.
func formatFloat(f float64, s Spec) (string, error) {
	if s.Precision > math.MaxInt32 {
		return "", errorf(ValueError, "precision too big")
	}
	if s.Precision > maxWidth {
		return "", errMemory
	}
	prec := int(s.Precision)
	fl := floatFlags{alt: s.Alt, noNeg0: s.NoNeg0}
	code, defPrec := byte(s.Type), 6
	switch code {
	case 0:
		code, defPrec, fl.addDot0 = 'r', 0, true
	case 'n':
		code = 'g'
	case 'E', 'F', 'G':
		code, fl.upper = code+'a'-'A', true
	}
	pct := code == '%'
	if pct {
		code = 'f'
		f *= 100
	}
	if prec < 0 {
		prec = defPrec
	} else if code == 'r' {
		code = 'g'
	}
	var tmp [40]byte
	buf := floatShort(tmp[:0], f, code, prec, fl)
	if pct {
		buf = append(buf, '%')
	}
	var n number
	if buf[0] == '-' {
		n.neg = true
		buf = buf[1:]
	}
	i := 0
	for i < len(buf) && '0' <= buf[i] && buf[i] <= '9' {
		i++
	}
	n.digits = string(buf[:i])
	if i < len(buf) && buf[i] == '.' {
		n.point = true
		i++
	}
	n.remainder = string(buf[i:])
	return n.layout(s, 3)
}

// FormatString formats str as format(str, spec) does for a str: alignment,
// fill, width and precision count code points. Errors are ValueError.
func FormatString(str string, spec Spec) (string, error) {
	s, err := spec.resolve("str", 's', '<')
	if err != nil {
		return "", err
	}
	switch {
	case s.Type != 's':
		return "", unknownCode(s.Type, s.TypeName)
	case s.Sign == ' ':
		return "", errorf(ValueError, "Space not allowed in string format specifier")
	case s.Sign != 0:
		return "", errorf(ValueError, "Sign not allowed in string format specifier")
	case s.NoNeg0:
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in string format specifier")
	case s.Alt:
		return "", errorf(ValueError, "Alternate form (#) not allowed in string format specifier")
	case s.Align == '=':
		return "", errorf(ValueError, "'=' alignment not allowed in string format specifier")
	case s.Width > maxWidth:
		return "", errMemory
	}
	n := utf8.RuneCountInString(str)
	if s.Precision >= 0 && int64(n) > s.Precision {
		n = int(s.Precision)
		i := 0
		for k := 0; k < n; k++ {
			_, size := utf8.DecodeRuneInString(str[i:])
			i += size
		}
		str = str[:i]
	}
	pad := max(int(s.Width)-n, 0)
	lpad := 0
	switch s.Align {
	case '>':
		lpad = pad
	case '^':
		lpad = pad / 2
	}
	fill := string(s.Fill)
	return strings.Repeat(fill, lpad) + str + strings.Repeat(fill, pad-lpad), nil
}
