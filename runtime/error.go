package runtime

import (
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Error is a script exception that reached Go. Use errors.As to get it:
//
//	var e *runtime.Error
//	if errors.As(err, &e) { fmt.Print(e.Traceback()) }
//
// When the exception is the CancelledError of a call whose context was
// cancelled, Unwrap returns the context's error, so errors.Is(err,
// context.Canceled) holds.
type Error struct {
	// Type is the exception's class name as CPython prints it, such as
	// "KeyError" or "asyncio.exceptions.CancelledError" (qualified by
	// module outside builtins and __main__).
	Type string
	// Message is str(exception), possibly empty.
	Message string
	// Frames are the traceback entries, outermost first (the order in
	// which CPython prints them).
	Frames []Frame
	// Exception is the script exception value. Touch it only through
	// the Interpreter (Call, Iter), never concurrently with it.
	Exception *value.Exception

	text   string // what CPython prints for it on stderr
	status int    // the exit status of a program it ends
	cause  error  // the context's error for a cancellation
}

// Frame is one traceback entry.
type Frame struct {
	File string
	Line int
	Func string // "<module>" for module code
}

// Error returns the last line of CPython's report, such as
// "KeyError: 'x'".
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Traceback returns the exception as CPython prints an uncaught one:
// chained exceptions, "Traceback (most recent call last):", the frames
// with their source lines, and the Error line. For SystemExit it is what
// CPython prints then: nothing, or the str of a code that is not an int.
func (e *Error) Traceback() string { return e.text }

// ExitStatus returns the exit status of a program the exception ends, as
// CPython's: the code of a SystemExit (0 for None, 1 for a code that is
// not an int), 1 for any other exception.
func (e *Error) ExitStatus() int { return e.status }

// Unwrap returns the context error that caused a cancellation, or nil.
func (e *Error) Unwrap() error { return e.cause }

// LimitError is the error of a script stopped by a resource limit
// (Options.MaxSteps) or by the cancellation of its context (then it
// wraps the context's error: errors.Is(err, context.Canceled)).
type LimitError = vm.LimitError

// newError converts a script exception into an *Error. It runs on the
// script goroutine: a script __str__ may run.
func (in *Interpreter) newError(exc *value.Exception) *Error {
	line := value.ErrorLine(in.th, exc)
	e := &Error{Exception: exc, Type: line}
	if i := strings.Index(line, ": "); i >= 0 {
		e.Type, e.Message = line[:i], line[i+2:]
	}
	for i := len(exc.Traceback) - 1; i >= 0; i-- {
		f := exc.Traceback[i]
		e.Frames = append(e.Frames, Frame{File: f.Filename, Line: f.Line, Func: f.Func})
	}
	var b strings.Builder
	e.status = in.th.Report(&b, exc, in.source)
	e.text = b.String()
	return e
}

// wrap turns an error of the VM into the error the API returns: script
// exceptions become *Error; syntax errors (*lang.Error) and limits
// (*LimitError) pass through.
func (in *Interpreter) wrap(err error) error {
	if exc, ok := err.(*value.Exception); ok {
		return in.newError(exc)
	}
	return err
}
