package value

// Constructor makes an instance of cls, a Go-defined class or a script
// class deriving from it, from the arguments of the call cls(...).
type Constructor func(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error)

// SetConstructor makes fn the constructor of c, a class defined in Go:
// calling c, or a script class deriving from c that no nearer class gives a
// constructor, calls fn with the class called. A constructor that lets
// script classes derive from c returns, for those, a value implementing
// Extensible and runs their __init__ with InitInstance.
func (c *Class) SetConstructor(fn Constructor) { c.ctor = fn }

// Extensible is a value of a Go-defined class that can also be an instance
// of a script class deriving from it. For such an instance Type returns
// the script class and InstanceDict the instance's attribute dictionary;
// for a plain value of the Go class InstanceDict returns nil.
type Extensible interface {
	Value
	InstanceDict() *Dict
}

// InitInstance calls the __init__ of cls found before the builtin classes
// (a script class's, or one that a Go-defined class keeps in its
// dictionary) on obj, as calling cls does after making obj.
func InitInstance(th Thread, cls *Class, obj Value, args []Value, kwargs []Kwarg) error {
	return initInstance(th, cls, obj, args, kwargs)
}
