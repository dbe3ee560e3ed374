package value

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
}

// Frame is one traceback entry.
type Frame struct {
	Filename string
	Func     string // "<module>" for module code
	Line     int
}

// Type returns the exception's class.
func (e *Exception) Type() *Class { return e.Class }
