package lang

import (
	"strings"
	"testing"
)

// TestOutsideSubset checks the Python 3.11 constructs asyncgen leaves out:
// CPython accepts them, asyncgen reports a SyntaxError at the construct.
func TestOutsideSubset(t *testing.T) {
	for _, tc := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{"x = b'abc'\n", 1, 5, "bytes literals are not supported"},
		{"x = Rb'abc'\n", 1, 5, "bytes literals are not supported"},
		{"if (x := 1):\n    pass\n", 1, 7, "invalid syntax"},
		{"x = a @ b\n", 1, 7, "invalid syntax"},
		{"x @= b\n", 1, 3, "invalid syntax"},
		{"x = 1j\n", 1, 5, "complex literals are not supported"},
		{"x = '\\N{DASH}'\n", 1, 6, `\N{...} escapes are not supported`},
	} {
		_, err := Parse("t.agen", []byte(tc.src))
		e, ok := err.(*Error)
		if !ok || e.Kind != "SyntaxError" || e.Line != tc.line || e.Col != tc.col || e.Msg != tc.msg {
			t.Errorf("%q: got %v, want t.agen:%d:%d: SyntaxError: %s", tc.src, err, tc.line, tc.col, tc.msg)
		}
	}
}

// TestDeepNesting checks that absurdly deep input gives an error, not a
// Go stack overflow or a hang.
func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct {
		src  string
		kind string
		msg  string
	}{
		{"x = " + strings.Repeat("(", 10000) + strings.Repeat(")", 10000) + "\n", "SyntaxError", "too many nested parentheses"},
		{"x = " + strings.Repeat("[", 10000) + "\n", "SyntaxError", "too many nested parentheses"},
		{"x = " + strings.Repeat("-", 10000) + "1\n", "SyntaxError", "too many nested parentheses"},
		{"x = " + strings.Repeat("not ", 10000) + "1\n", "SyntaxError", "too many nested parentheses"},
		{"x = " + strings.Repeat("f'{", 50) + strings.Repeat("}'", 50) + "\n", "SyntaxError", ""},
		{deepBlocks(150), "IndentationError", "too many levels of indentation"},
	} {
		_, err := Parse("t.agen", []byte(tc.src))
		e, ok := err.(*Error)
		if !ok || e.Kind != tc.kind || !strings.Contains(e.Msg, tc.msg) {
			t.Errorf("%.20q...: got %v, want %s: %s", tc.src, err, tc.kind, tc.msg)
		}
	}
	src := "x = " + strings.Repeat("lambda: ", 10000) + "1\n"
	if _, err := Parse("t.agen", []byte(src)); err != nil {
		t.Errorf("10,000 nested lambdas: %v", err)
	}
}

func deepBlocks(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}
