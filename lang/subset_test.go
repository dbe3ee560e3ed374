package lang

import "testing"

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
