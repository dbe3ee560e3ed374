package value

import (
	"math"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
)

// Allocator is implemented by a Thread that bounds the memory scripts
// use (the VM's, under a memory limit).
type Allocator interface {
	// Alloc reports that n bytes are about to be allocated for the
	// script, and returns a MemoryError exception if that would exceed
	// the limit.
	Alloc(n int64) error
}

// Alloc reports to th, if it is an Allocator, that n bytes are about to
// be allocated.
func Alloc(th Thread, n int64) error {
	if a, ok := th.(Allocator); ok {
		return a.Alloc(n)
	}
	return nil
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

// joinSize estimates the bytes of sep.join(items).
func joinSize(sep String, items []Value) int64 {
	n := int64(len(sep.s)) * int64(len(items))
	for _, it := range items {
		n += seqSize(it)
	}
	return n
}

// replaceSize estimates the bytes of s.replace(old, repl, count).
func replaceSize(s String, old, repl string, count int64) int64 {
	n := int64(strings.Count(s.s, old))
	if count >= 0 {
		n = min(n, count)
	}
	return int64(len(s.s)) + mulSize(int64(len(repl)-len(old)), n)
}
