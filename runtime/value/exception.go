package value

import "fmt"

// Exception is an instance of BaseException or one of its subclasses. It is
// both a script value and the Go error that operations return when the
// script raises.
type Exception struct {
	Class           *Class
	Args            []Value
	Attrs           map[string]Value // attributes a script set on the instance
	Cause           *Exception       // __cause__, from `raise ... from ...`
	Context         *Exception       // __context__, the exception being handled when this one was raised
	SuppressContext bool             // __suppress_context__
	// Traceback holds the frames the exception passed through, innermost
	// first: the VM appends a frame each time the exception leaves one.
	Traceback []Frame

	group *group // the message and sub-exceptions of an exception group
}

// Frame is one traceback entry.
type Frame struct {
	Filename string
	Func     string // "<module>" for module code
	Line     int
}

// Type returns the exception's class.
func (e *Exception) Type() *Class { return e.Class }

// NewException returns an instance of the exception class cls with args.
func NewException(cls *Class, args ...Value) *Exception {
	return &Exception{Class: cls, Args: args}
}

// Errorf returns an instance of cls whose single argument is the formatted
// message.
func Errorf(cls *Class, format string, a ...any) *Exception {
	return NewException(cls, MakeString(fmt.Sprintf(format, a...)))
}

// Error returns the last line of CPython's traceback for the exception:
// "KeyError: 'x'", or just "ValueError" when str(e) is empty. It does not
// run a script __str__; ErrorLine does.
func (e *Exception) Error() string {
	s, _ := exceptionStr(nil, e)
	return e.line(s)
}

// ErrorLine is Error with a user-defined __str__ honoured.
func ErrorLine(th Thread, e *Exception) string {
	s, err := Str(th, e)
	if err != nil {
		s = "<exception str() failed>"
	}
	return e.line(s)
}

func (e *Exception) line(msg string) string {
	name := e.Class.Name
	if m := e.Class.Module; m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// exceptionStr returns str(e) for the builtin exception classes.
func exceptionStr(th Thread, e *Exception) (string, error) {
	if e.group != nil {
		return groupStr(e.group), nil
	}
	if hasOSErrorAttrs(e) {
		return osErrorStr(th, e)
	}
	switch len(e.Args) {
	case 0:
		return "", nil
	case 1:
		if e.Class.IsSubclass(KeyError) {
			return Repr(th, e.Args[0])
		}
		return Str(th, e.Args[0])
	case 2:
		if e.Class.IsSubclass(OSError) {
			return osErrorStr(th, e)
		}
	}
	return Repr(th, Tuple(e.Args))
}

// exceptionRepr returns repr(e) for the builtin exception classes.
func exceptionRepr(th Thread, e *Exception) (string, error) {
	if len(e.Args) == 1 {
		s, err := Repr(th, e.Args[0])
		return e.Class.Name + "(" + s + ")", err
	}
	s, err := Repr(th, Tuple(e.Args))
	return e.Class.Name + s, err
}

// Exception classes, with CPython's hierarchy.
var (
	BaseExceptionClass  = newBuiltinClass("BaseException", ObjectType)
	ExceptionClass      = newBuiltinClass("Exception", BaseExceptionClass)
	GeneratorExit       = newBuiltinClass("GeneratorExit", BaseExceptionClass)
	KeyboardInterrupt   = newBuiltinClass("KeyboardInterrupt", BaseExceptionClass)
	SystemExit          = newBuiltinClass("SystemExit", BaseExceptionClass)
	ArithmeticError     = newBuiltinClass("ArithmeticError", ExceptionClass)
	OverflowError       = newBuiltinClass("OverflowError", ArithmeticError)
	ZeroDivisionError   = newBuiltinClass("ZeroDivisionError", ArithmeticError)
	AssertionError      = newBuiltinClass("AssertionError", ExceptionClass)
	AttributeError      = newBuiltinClass("AttributeError", ExceptionClass)
	ImportError         = newBuiltinClass("ImportError", ExceptionClass)
	ModuleNotFoundError = newBuiltinClass("ModuleNotFoundError", ImportError)
	LookupError         = newBuiltinClass("LookupError", ExceptionClass)
	IndexError          = newBuiltinClass("IndexError", LookupError)
	KeyError            = newBuiltinClass("KeyError", LookupError)
	MemoryError         = newBuiltinClass("MemoryError", ExceptionClass)
	NameError           = newBuiltinClass("NameError", ExceptionClass)
	UnboundLocalError   = newBuiltinClass("UnboundLocalError", NameError)
	OSError             = newBuiltinClass("OSError", ExceptionClass)
	TimeoutError        = newBuiltinClass("TimeoutError", OSError)
	RuntimeError        = newBuiltinClass("RuntimeError", ExceptionClass)
	NotImplementedError = newBuiltinClass("NotImplementedError", RuntimeError)
	RecursionError      = newBuiltinClass("RecursionError", RuntimeError)
	StopAsyncIteration  = newBuiltinClass("StopAsyncIteration", ExceptionClass)
	StopIteration       = newBuiltinClass("StopIteration", ExceptionClass)
	SyntaxError         = newBuiltinClass("SyntaxError", ExceptionClass)
	IndentationError    = newBuiltinClass("IndentationError", SyntaxError)
	TabError            = newBuiltinClass("TabError", IndentationError)
	SystemError         = newBuiltinClass("SystemError", ExceptionClass)
	TypeError           = newBuiltinClass("TypeError", ExceptionClass)
	ValueError          = newBuiltinClass("ValueError", ExceptionClass)
	UnicodeError        = newBuiltinClass("UnicodeError", ValueError)
	EOFError            = newBuiltinClass("EOFError", ExceptionClass)
	FloatingPointError  = newBuiltinClass("FloatingPointError", ArithmeticError)
	ReferenceError      = newBuiltinClass("ReferenceError", ExceptionClass)
	BufferError         = newBuiltinClass("BufferError", ExceptionClass)
	ConnectionError     = newBuiltinClass("ConnectionError", OSError)
	Warning             = newBuiltinClass("Warning", ExceptionClass)
	// CancelledError is asyncio.CancelledError (asyncio.exceptions in 3.11).
	CancelledError = &Class{Name: "CancelledError", Module: "asyncio.exceptions", Base: BaseExceptionClass, Dict: NewDict(0)}
)

// exceptionClasses lists the exception classes that Builtins exposes.
var exceptionClasses = []*Class{
	BaseExceptionClass, ExceptionClass, GeneratorExit, KeyboardInterrupt, SystemExit,
	ArithmeticError, OverflowError, ZeroDivisionError, AssertionError, AttributeError,
	ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError,
	NameError, UnboundLocalError, OSError, TimeoutError, RuntimeError,
	NotImplementedError, RecursionError, StopAsyncIteration, StopIteration,
	SyntaxError, IndentationError, TabError, SystemError, TypeError, ValueError,
	UnicodeError, EOFError, FloatingPointError, ReferenceError, BufferError,
	ConnectionError, Warning,
}

// More builtin exception classes, with no Go name.
func init() {
	for _, c := range []struct {
		name string
		base *Class
	}{
		{"BlockingIOError", OSError}, {"ChildProcessError", OSError},
		{"BrokenPipeError", ConnectionError}, {"ConnectionAbortedError", ConnectionError},
		{"ConnectionRefusedError", ConnectionError}, {"ConnectionResetError", ConnectionError},
		{"FileExistsError", OSError}, {"FileNotFoundError", OSError},
		{"InterruptedError", OSError}, {"IsADirectoryError", OSError},
		{"NotADirectoryError", OSError}, {"PermissionError", OSError},
		{"ProcessLookupError", OSError}, {"UserWarning", Warning},
		{"DeprecationWarning", Warning}, {"RuntimeWarning", Warning},
		{"FutureWarning", Warning}, {"SyntaxWarning", Warning},
		{"PendingDeprecationWarning", Warning}, {"ImportWarning", Warning},
		{"UnicodeWarning", Warning}, {"BytesWarning", Warning},
		{"ResourceWarning", Warning}, {"EncodingWarning", Warning},
	} {
		exceptionClasses = append(exceptionClasses, newBuiltinClass(c.name, c.base))
	}
}
