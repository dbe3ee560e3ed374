package lang

import "fmt"

// Error is a compile-time error: a SyntaxError, IndentationError or TabError
// with CPython 3.11's message, at the position CPython reports.
type Error struct {
	Pos
	Kind string // "SyntaxError", "IndentationError" or "TabError"
	Msg  string
	Text string // the source line, without its newline; "" if unknown
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}
