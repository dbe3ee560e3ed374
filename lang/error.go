package lang

import "fmt"

// Error is a compile-time error with CPython 3.11's kind, message and
// position: a SyntaxError, IndentationError or TabError, or the
// MemoryError (empty Msg) and RecursionError CPython raises for a program
// nested too deeply for its parser or its compiler.
type Error struct {
	Pos
	Kind string // "SyntaxError", "IndentationError", "TabError", "MemoryError" or "RecursionError"
	Msg  string
	Text string // the source line, without its newline; "" if unknown
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Line, e.Col, e.exception())
}

// exception is the last line CPython prints for e: its kind and message.
func (e *Error) exception() string {
	if e.Msg == "" {
		return e.Kind
	}
	return e.Kind + ": " + e.Msg
}

// located reports whether CPython shows where e is: it does for
// SyntaxError and its subclasses, not for MemoryError and RecursionError.
func (e *Error) located() bool {
	return e.Kind != "MemoryError" && e.Kind != "RecursionError"
}
