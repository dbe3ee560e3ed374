package vm

import (
	"sync/atomic"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// methodCache remembers, for one name of a code, a class defined in Go
// that LOAD_METHOD met under that name and what it found there.
// Such a class never changes, so the entry stays true: a hit costs one
// comparison of class pointers. The first class met keeps the entry, so
// that a call site that sees several classes allocates once, not at each
// miss. Codes may be shared by interpreters on other goroutines: the
// entry is replaced whole, atomically.
type methodCache struct{ e atomic.Pointer[goMethod] }

// goMethod is a method of a class defined in Go that takes its receiver
// first (value.MethodDescriptor), as LOAD_METHOD pushes it for
// CALL_METHOD: the callable with what a call needs to know of it, so
// that the call asks nothing of it again. It never reaches scripts.
type goMethod struct {
	cls     *value.Class
	fn      value.Callable // nil when the name is no such method of cls
	borrows bool           // fn keeps no reference to its args (value.Borrower)
}

// Type returns object: a goMethod lives only on the value stack.
func (*goMethod) Type() *value.Class { return value.ObjectType }

// method returns m as LOAD_METHOD pushes it, or nil when cls has no such
// method.
func (m *goMethod) method() value.Value {
	if m.fn == nil {
		return nil
	}
	return m
}

// call calls the method with args, its receiver first, a slice of the
// value stack.
func (m *goMethod) call(th *Thread, args []value.Value) (value.Value, error) {
	return m.fn.Call(th, borrowed(m.borrows, args), nil)
}

// lookup returns the method cached for cls, and whether there is one.
func (c *methodCache) lookup(cls *value.Class) (*goMethod, bool) {
	if m := c.e.Load(); m != nil && m.cls == cls {
		return m, true
	}
	return nil, false
}

// fill caches v, found as a name of cls, unless another class has the
// entry. It returns the entry made, or nil when another class has it.
func (c *methodCache) fill(cls *value.Class, v value.Value) *goMethod {
	if c.e.Load() != nil {
		return nil
	}
	m := &goMethod{cls: cls}
	if takesReceiver(v) {
		if fn, ok := v.(value.Callable); ok {
			b, ok := v.(value.Borrower)
			m.fn, m.borrows = fn, ok && b.Borrows()
		}
	}
	if !c.e.CompareAndSwap(nil, m) {
		return nil
	}
	return m
}

// takesReceiver reports whether v, found in the dictionary of a class
// defined in Go, is a method that takes its receiver first; other
// builtins in a class dictionary do not bind.
func takesReceiver(v value.Value) bool {
	d, ok := v.(value.MethodDescriptor)
	return ok && d.Unbound()
}
