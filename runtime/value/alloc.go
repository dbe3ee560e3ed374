package value

import (
	"math"
	"slices"
	"strings"
	"unsafe"

	"github.com/asyncgen/asyncgen/lang"
)

// Allocator is implemented by a Thread that bounds the memory scripts
// use (the VM's, under a memory limit).
type Allocator interface {
	// Alloc reports that n bytes are about to be allocated for the
	// script, and returns a MemoryError exception if that would exceed
	// the limit.
	Alloc(n int64) error
	// Charge reports n bytes allocated for the script by code that
	// cannot fail; if they took it over the limit, MemoryError is raised
	// at the script's next step.
	Charge(n int64)
}

// Alloc reports to th, if it is an Allocator, that n bytes are about to
// be allocated.
func Alloc(th Thread, n int64) error {
	if a, ok := th.(Allocator); ok {
		return a.Alloc(n)
	}
	return nil
}

// Charge reports to th, if it is an Allocator, n bytes allocated by code
// that cannot fail. Code that can returns the error of Alloc instead.
func Charge(th Thread, n int64) {
	if a, ok := th.(Allocator); ok {
		a.Charge(n)
	}
}

// Grow returns s with room for n more items. When that takes a larger
// array, it first reports the array's bytes to th (see Alloc), so that a
// memory limit refuses the array before Go allocates it; s is returned
// unchanged with the error. Only growth pays for the report.
func Grow[E any](th Thread, s []E, n int) ([]E, error) {
	if cap(s)-len(s) >= n {
		return s, nil
	}
	return grow(th, s, n)
}

// grow is the slow path of Grow.
func grow[E any](th Thread, s []E, n int) ([]E, error) {
	c := growCap(cap(s), len(s)+n)
	var e E
	if err := Alloc(th, mulSize(int64(unsafe.Sizeof(e)), int64(c))); err != nil {
		return s, err
	}
	return slices.Grow(s, c-len(s)), nil
}

// growCap returns the capacity Go's append gives a slice of capacity c
// that must hold need items, before rounding up to a size class: need if
// that is more than twice c, else twice c for a small slice and about a
// quarter more for a large one (runtime.growslice).
func growCap(c, need int) int {
	const small = 256
	switch {
	case need > 2*c:
		return need
	case c < small:
		return 2 * c
	}
	for c < need {
		c += (c + 3*small) >> 2
	}
	return c
}

// clone returns a copy of s, its bytes reported to th first.
func clone[E any](th Thread, s []E) ([]E, error) {
	var e E
	if err := Alloc(th, int64(len(s))*int64(unsafe.Sizeof(e))); err != nil {
		return nil, err
	}
	return append([]E(nil), s...), nil
}

// wordSize is the size of a Value held by a list, a tuple or a dict.
const wordSize = 16

// allocBinary reports the result of x op y where that is a sequence
// sized by its operands (concatenation and repetition).
func allocBinary(th Thread, op lang.Op, x, y Value) error {
	switch op {
	case lang.Add:
		return Alloc(th, seqSize(x)+seqSize(y))
	case lang.Mul:
		if n, ok := AsInt64(y); ok {
			return Alloc(th, mulSize(seqSize(x), n))
		}
		if n, ok := AsInt64(x); ok {
			return Alloc(th, mulSize(seqSize(y), n))
		}
	}
	return nil
}

// mulSize returns size*n, at most math.MaxInt64, and 0 for n < 0.
func mulSize(size, n int64) int64 {
	switch {
	case size <= 0 || n <= 0:
		return 0
	case n > math.MaxInt64/size:
		return math.MaxInt64
	}
	return size * n
}

// seqSize estimates the bytes of a str, list or tuple; 0 for other
// values.
func seqSize(v Value) int64 {
	switch v := v.(type) {
	case String:
		return int64(len(v.s))
	case *List:
		return int64(len(v.Elems)) * wordSize
	case Tuple:
		return int64(len(v)) * wordSize
	}
	return 0
}

// replaceSize estimates the bytes of s.replace(old, repl, count).
func replaceSize(s String, old, repl string, count int64) int64 {
	n := int64(strings.Count(s.s, old))
	if count >= 0 {
		n = min(n, count)
	}
	return int64(len(s.s)) + mulSize(int64(len(repl)-len(old)), n)
}
