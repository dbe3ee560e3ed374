package lang

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Report renders e as CPython 3.11 prints an uncaught SyntaxError:
//
//	  File "prog.agen", line 3
//	    x = = 1
//	        ^
//	SyntaxError: invalid syntax
//
// The source line is shown without its indentation, with a caret under
// column Col (none when Col falls in the indentation). Like CPython 3.11,
// it indents the caret by the UTF-8 length of the text before Col, so it
// drifts right after non-ASCII characters. CPython underlines a whole
// range for some errors; Error has no end column, so Report always prints a
// single caret. A MemoryError or RecursionError is one line, as CPython
// prints it.
func (e *Error) Report() string {
	if !e.located() {
		return e.exception() + "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.Filename, e.Line)
	if e.Text != "" {
		text := strings.TrimLeft(e.Text, " \t\f")
		offset := e.Col - 1 - (utf8.RuneCountInString(e.Text) - utf8.RuneCountInString(text))
		text = strings.TrimRight(text, "\r\n")
		if n := utf8.RuneCountInString(text); offset > n {
			offset = n
		}
		fmt.Fprintf(&b, "    %s\n", text)
		if offset >= 0 {
			fmt.Fprintf(&b, "    %s^\n", strings.Repeat(" ", len(prefixRunes(text, offset))))
		}
	}
	fmt.Fprintf(&b, "%s\n", e.exception())
	return b.String()
}

// prefixRunes returns the first n code points of s.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
