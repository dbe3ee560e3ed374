package vm

import (
	"sync/atomic"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// methodCache remembers, for one name of a code, a class defined in Go
// that LOAD_METHOD met under that name and what methodOf found for it.
// Such a class never changes, so the entry stays true: a hit costs one
// comparison of class pointers. The first class met keeps the entry, so
// that a call site that sees several classes allocates once, not at each
// miss. Codes may be shared by interpreters on other goroutines: the
// entry is replaced whole, atomically.
type methodCache struct{ e atomic.Pointer[methodEntry] }

type methodEntry struct {
	cls *value.Class
	m   value.Value // nil when the name is no method of cls that binds
}

// lookup returns the method cached for cls, and whether there is one.
func (c *methodCache) lookup(cls *value.Class) (value.Value, bool) {
	if e := c.e.Load(); e != nil && e.cls == cls {
		return e.m, true
	}
	return nil, false
}

// fill caches m for cls unless another class has the entry.
func (c *methodCache) fill(cls *value.Class, m value.Value) {
	if c.e.Load() == nil {
		c.e.CompareAndSwap(nil, &methodEntry{cls, m})
	}
}
