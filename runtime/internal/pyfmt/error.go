// Package pyfmt implements CPython 3.11's number and string algorithms on
// plain Go types: float repr, the format-spec mini-language of format() and
// str.format, int() and float() parsing, round(), hex()/oct()/bin(), and
// float floor division and modulo. Results and error messages are those of
// CPython, byte for byte.
package pyfmt

// Kind says which Python exception class an Error stands for.
type Kind int

// The exception classes that pyfmt's errors map to.
const (
	ValueError Kind = iota
	TypeError
	OverflowError
	ZeroDivisionError
	IndexError
	MemoryError
)

var kindNames = [...]string{"ValueError", "TypeError", "OverflowError", "ZeroDivisionError", "IndexError", "MemoryError"}

// String returns the Python name of the exception class, such as "ValueError".
func (k Kind) String() string { return kindNames[k] }

// Error is a failure that CPython reports as an exception of class Kind
// with message Msg. Error() returns Msg alone, exactly as CPython words it.
type Error struct {
	Kind Kind
	Msg  string
}

// Error returns the message, exactly as CPython words it.
func (e *Error) Error() string { return e.Msg }

func errorf(k Kind, msg string) error { return &Error{Kind: k, Msg: msg} }
