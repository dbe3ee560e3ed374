// Package value defines the script values of asyncgen and the operations on
// them: numbers, strings, containers, classes and instances, exceptions,
// builtin functions, and the protocols (calling, iteration, awaiting) that
// the virtual machine and the event loop drive.
//
// Every operation that may run script code (a user-defined __eq__, __repr__,
// a key function) takes the Thread it runs on. Operations report script
// exceptions as a *Exception, which is both a Value and a Go error.
package value

import "io"

// Value is a script value.
type Value interface {
	// Type returns the value's class: a builtin class such as IntType, or a
	// user-defined class for instances.
	Type() *Class
}

// Thread is the execution context of script code: one per interpreter,
// implemented by the virtual machine. All script code of an interpreter runs
// on one goroutine, so a Thread is never used concurrently.
type Thread interface {
	// Stdout is where print writes.
	Stdout() io.Writer
	// Local returns the value stored under key by SetLocal, or nil.
	Local(key string) any
	// SetLocal stores v under key, for packages layered on the VM (the
	// event loop keeps itself here).
	SetLocal(key string, v any)
}

// Kwarg is one keyword argument of a call.
type Kwarg struct {
	Name  string
	Value Value
}

// Callable is a value that can be called: builtins, script functions, bound
// methods, classes.
type Callable interface {
	Value
	// Name returns the name used in error messages, such as "f" or "list.append".
	Name() string
	// Call calls the value with positional and keyword arguments.
	Call(th Thread, args []Value, kwargs []Kwarg) (Value, error)
}

// Descriptor customises attribute access through a class, like Python's
// __get__. Script functions implement it so that a function stored in a
// class becomes a bound method when read through an instance.
type Descriptor interface {
	Value
	// Get returns the attribute's value for obj (nil when read from the
	// class itself) of class cls.
	Get(th Thread, obj Value, cls *Class) (Value, error)
}

// Iterator produces the items of an iteration.
type Iterator interface {
	Value
	// Next returns the next item and true, or (nil, false, nil) at the end.
	Next(th Thread) (Value, bool, error)
}

// Coroutine is a suspendable computation driven by Send and Throw, with the
// semantics of Python's generator send/throw/close: script generators and
// coroutines, and the await iterators of futures.
type Coroutine interface {
	Value
	// Send resumes the computation with v (None on the first step). It
	// returns (yielded, false, nil) when the computation suspends,
	// (result, true, nil) when it returns, and an error when it raises.
	Send(th Thread, v Value) (Value, bool, error)
	// Throw raises exc at the suspension point and resumes; results are
	// as for Send.
	Throw(th Thread, exc *Exception) (Value, bool, error)
	// Close raises GeneratorExit at the suspension point, as Python's close().
	Close(th Thread) error
}

// Awaitable is a value that `await` accepts. Script coroutines return
// themselves; futures and tasks return an iterator that yields the future
// until it is done and then returns its result.
type Awaitable interface {
	Value
	Await(th Thread) (Coroutine, error)
}
