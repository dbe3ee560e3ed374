package value

import (
	"sync"
	"unique"
)

// goNames holds one copy of each name that a table of a class or module
// defined in Go was given (Dict.SetName): a set fixed by the Go code, so
// a plain map, cheaper to add to than unique.Make (a few microseconds a
// new name, half a millisecond of start-up for the builtin tables).
var goNames struct {
	sync.RWMutex
	m map[string]string
}

// heldGoName returns the copy of name that goNames holds, if it does.
func heldGoName(name string) (string, bool) {
	goNames.RLock()
	defer goNames.RUnlock()
	s, ok := goNames.m[name]
	return s, ok
}

// goName returns the copy of name that goNames holds, adding it.
func goName(name string) string {
	if s, ok := heldGoName(name); ok {
		return s
	}
	goNames.Lock()
	defer goNames.Unlock()
	if s, ok := goNames.m[name]; ok {
		return s
	}
	if goNames.m == nil {
		goNames.m = make(map[string]string, 512)
	}
	goNames.m[name] = name
	return name
}

// Intern returns the copy of a name of compiled code that lookups compare
// by pointer (see sameStr): the copy the tables of Go classes and modules
// use when they have the name, else the unique one (unique.Make), which
// the process drops once no code holds it.
func Intern(name string) string {
	if s, ok := heldGoName(name); ok {
		return s
	}
	return unique.Make(name).Value()
}
