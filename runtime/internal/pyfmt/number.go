package pyfmt

import (
	"strings"
	"unicode/utf8"
)

// maxWidth bounds the width of a formatted field. CPython would try to
// allocate wider fields (and may fail with MemoryError); we refuse them.
const maxWidth = 1 << 26

var errMemory = errorf(MemoryError, "")

// number is a formatted number split as CPython's fill_number sees it:
// <sign><prefix><digits>[.]<remainder>.
type number struct {
	neg       bool
	prefix    string // "0x" and the like
	digits    string // the digits that grouping and zero padding apply to
	point     bool   // a decimal point follows the digits
	remainder string // fraction, exponent, "%", "inf", or the character of 'c'
	upper     bool   // upper-case the prefix and digits ('X')
}

// layout pads and groups n according to s (CPython's calc_number_widths
// and fill_number). group is the grouping size: 3 for decimal, 4 for '_'
// with b, o, x, X, 0 for none.
func (n number) layout(s Spec, group int) (string, error) {
	if s.Width > maxWidth {
		return "", errMemory
	}
	width := int(s.Width)
	var sign byte
	switch {
	case n.neg:
		sign = '-'
	case s.Sign == '+' || s.Sign == ' ':
		sign = s.Sign
	}
	nonDigits := len(n.prefix) + utf8.RuneCountInString(n.remainder)
	if sign != 0 {
		nonDigits++
	}
	if n.point {
		nonDigits++
	}
	minWidth := 0
	if s.Fill == '0' && s.Align == '=' {
		minWidth = width - nonDigits
	}
	var digits string
	if n.digits != "" {
		digits = groupDigits(n.digits, minWidth, s.Grouping, group)
	}
	var lpad, spad, rpad int
	if pad := width - nonDigits - len(digits); pad > 0 {
		switch s.Align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	prefix := n.prefix
	if n.upper {
		prefix, digits = strings.ToUpper(prefix), strings.ToUpper(digits)
	}
	var b strings.Builder
	fill := string(s.Fill)
	b.WriteString(strings.Repeat(fill, lpad))
	if sign != 0 {
		b.WriteByte(sign)
	}
	b.WriteString(prefix)
	b.WriteString(strings.Repeat(fill, spad))
	b.WriteString(digits)
	if n.point {
		b.WriteByte('.')
	}
	b.WriteString(n.remainder)
	b.WriteString(strings.Repeat(fill, rpad))
	return b.String(), nil
}

// groupDigits inserts sep between groups of size digits, counting from the
// right, and pads with zeros (grouped too) to at least minWidth characters:
// CPython's _PyUnicode_InsertThousandsGrouping. size 0 means no grouping.
func groupDigits(digits string, minWidth int, sep byte, size int) string {
	if sep == 0 {
		size = 0
	}
	minWidth = max(minWidth, 0)
	rev := make([]byte, 0, max(len(digits)+len(digits)/3, minWidth))
	remaining := len(digits)
	useSep := false
	put := func(n int) { // n characters: digits, then zeros on the left
		if useSep {
			rev = append(rev, sep)
		}
		chars := min(remaining, n)
		for i := 0; i < chars; i++ {
			rev = append(rev, digits[remaining-1-i])
		}
		remaining -= chars
		for i := chars; i < n; i++ {
			rev = append(rev, '0')
		}
		useSep = true
	}
	if size == 0 {
		put(max(remaining, minWidth, 1))
	} else {
		for {
			n := min(size, max(remaining, minWidth, 1))
			put(n)
			minWidth -= n
			if remaining <= 0 && minWidth <= 0 {
				break
			}
			minWidth--
		}
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return string(rev)
}
