package pyfmt

import (
	"strings"
	"unicode/utf8"
)

// Quote returns repr(s) for a str: single quotes unless s holds a single
// quote and no double quote, backslash escapes for the quote, backslash,
// \t, \n, \r, and \xhh, \uhhhh or \Uhhhhhhhh for unprintable characters.
func Quote(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < ' ' || r == 0x7f:
			b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
		case r < 0x7f || IsPrintable(r):
			b = utf8.AppendRune(b, r)
		default:
			n := 8
			switch {
			case r <= 0xff:
				b, n = append(b, '\\', 'x'), 2
			case r <= 0xffff:
				b, n = append(b, '\\', 'u'), 4
			default:
				b = append(b, '\\', 'U')
			}
			for i := n - 1; i >= 0; i-- {
				b = append(b, hex[r>>(4*i)&15])
			}
		}
	}
	return string(append(b, q))
}

// truncate returns the first n code points of s, as C's "%.200R" does.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
