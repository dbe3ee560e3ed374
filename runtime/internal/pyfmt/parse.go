package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// ParseInt converts s as int(s, base) does: surrounding whitespace, a sign,
// single underscores between digits, the prefixes 0x, 0o, 0b (with base 0
// or the matching base), Unicode decimal digits. base is 0 or 2..36. All
// errors are ValueError: "invalid literal for int() with base 10: 'x'",
// "int() base must be >= 2 and <= 36, or 0", and the digit limit of
// MaxStrDigits for bases that are not powers of two.
func ParseInt(s string, base int) (*big.Int, error) {
	if (base != 0 && base < 2) || base > 36 {
		return nil, errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	x, ok, err := parseInt(toASCII(s), base)
	if err != nil {
		return nil, err
	}
	if !ok {
		msg := fmt.Sprintf("invalid literal for int() with base %d: %s", base, truncate(Quote(s), 200))
		return nil, errorf(ValueError, msg)
	}
	return x, nil
}

// parseInt is CPython's PyLong_FromString on the ASCII form of a string.
func parseInt(b string, base int) (*big.Int, bool, error) {
	at := func(i int) byte { // the C string's bytes, NUL past the end
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	i := skipSpace(b, 0)
	neg := false
	if at(i) == '+' || at(i) == '-' {
		neg = at(i) == '-'
		i++
	}
	oldOctal := false
	p := lower(at(i + 1))
	if base == 0 {
		switch {
		case at(i) != '0':
			base = 10
		case p == 'x':
			base = 16
		case p == 'o':
			base = 8
		case p == 'b':
			base = 2
		default:
			oldOctal, base = true, 10
		}
	}
	if at(i) == '0' && (base == 16 && p == 'x' || base == 8 && p == 'o' || base == 2 && p == 'b') {
		i += 2
		if at(i) == '_' {
			i++
		}
	}
	if at(i) == '_' {
		return nil, false, nil
	}
	start := i
	var digits []byte
	var prev byte
	for ; digitValue(at(i)) < base || at(i) == '_'; i++ {
		if at(i) == '_' {
			if prev == '_' {
				return nil, false, nil
			}
		} else {
			digits = append(digits, at(i))
		}
		prev = at(i)
	}
	if prev == '_' {
		return nil, false, nil
	}
	if base&(base-1) != 0 && len(digits) > MaxStrDigits {
		msg := fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", MaxStrDigits, len(digits))
		return nil, false, errorf(ValueError, msg)
	}
	if i == start {
		return nil, false, nil
	}
	x, _ := new(big.Int).SetString(string(digits), base)
	if oldOctal && x.Sign() != 0 {
		return nil, false, nil
	}
	if skipSpace(b, i) != len(b) {
		return nil, false, nil
	}
	if neg {
		x.Neg(x)
	}
	return x, true, nil
}

// ParseFloat converts s as float(s) does: surrounding whitespace, a sign,
// decimal notation with single underscores between digits, "inf",
// "infinity" and "nan" in any case, Unicode decimal digits. Out-of-range
// values become ±Inf or zero. The error is ValueError
// "could not convert string to float: 'x'".
func ParseFloat(s string) (float64, error) {
	b := toASCII(s)
	if strings.IndexByte(b, '_') >= 0 {
		b = dropUnderscores(b)
	}
	i, j := skipSpace(b, 0), len(b)
	for j > i && isSpace(b[j-1]) {
		j--
	}
	if f, ok := parseFloat(b[i:j]); ok {
		return f, nil
	}
	return 0, errorf(ValueError, "could not convert string to float: "+Quote(s))
}

// dropUnderscores removes the underscores of b if each one sits between
// two digits; otherwise it returns a string that does not parse.
func dropUnderscores(b string) string {
	out := make([]byte, 0, len(b))
	var prev byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '_' {
			if !isDigit(prev) {
				return "_"
			}
		} else {
			if prev == '_' && !isDigit(c) {
				return "_"
			}
			out = append(out, c)
		}
		prev = c
	}
	if prev == '_' {
		return "_"
	}
	return string(out)
}

// parseFloat parses the grammar of CPython's _PyOS_ascii_strtod, which
// unlike strconv takes no hex floats and no underscores.
func parseFloat(b string) (float64, bool) {
	body, sign := b, 1.0
	if body != "" && (body[0] == '+' || body[0] == '-') {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return math.Inf(int(sign)), true
	case "nan":
		return math.Copysign(math.NaN(), sign), true
	}
	i, mant := 0, 0
	for ; i < len(body) && isDigit(body[i]); i++ {
		mant++
	}
	if i < len(body) && body[i] == '.' {
		for i++; i < len(body) && isDigit(body[i]); i++ {
			mant++
		}
	}
	if mant == 0 {
		return 0, false
	}
	if i < len(body) && lower(body[i]) == 'e' {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(body) && isDigit(body[i]); i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	f, err := strconv.ParseFloat(b, 64)
	return f, err == nil || err.(*strconv.NumError).Err == strconv.ErrRange
}

// toASCII is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII
// white space becomes ' ', decimal digits become ASCII digits, and any other
// non-ASCII character ends the string with '?'.
func toASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case unicode.IsSpace(r):
			b = append(b, ' ')
		case isDecimal(r):
			b = append(b, '0'+decimalValue(r))
		default:
			return string(append(b, '?'))
		}
	}
	return string(b)
}

// decimalValue returns the value of a decimal digit (category Nd). Unicode
// encodes decimal digits in runs of ten from zero, so the value is the
// position in the run of consecutive digits, modulo ten.
func decimalValue(r rune) byte {
	n := 0
	for unicode.Is(unicode.Nd, r-rune(n)-1) {
		n++
	}
	return byte(n % 10)
}

// digitValue is CPython's _PyLong_DigitValue: 0-9, a-z and A-Z as 0-35,
// anything else 37.
func digitValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'a' <= lower(c) && lower(c) <= 'z':
		return int(lower(c)-'a') + 10
	}
	return 37
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isSpace is C's isspace in CPython's Py_ISSPACE.
func isSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

func skipSpace(b string, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}
