package value

import "unsafe"

// intChunk is the number of ints an IntBox allocates at once: large enough
// to amortise the allocation, small enough that one int kept alive does
// not hold much memory.
const intChunk = 32

// An IntBox makes int Values from a chunk of memory it allocates
// intChunk ints at a time, where converting an Int to a Value allocates
// each one. An IntBox is not safe for concurrent use; its zero value is
// ready to use.
type IntBox struct {
	chunk *[intChunk]int64
	used  int // slots of chunk handed out; an int, so no write barrier
}

// intItab is the interface word of an Int held in a Value.
var intItab = itabOf(Int(0))

// Make returns i as a Value, equal to MakeInt(i).
func (b *IntBox) Make(i int64) Value {
	if i >= smallMin && i <= smallMax {
		return smallInts[i-smallMin]
	}
	if b.chunk == nil || b.used == intChunk {
		b.chunk, b.used = new([intChunk]int64), 0
	}
	p := &b.chunk[b.used]
	b.used++
	*p = i
	// An interface holding a non-pointer type points to an immutable
	// copy of the value; here the copy is a slot of the chunk, never
	// written again.
	return makeValue(intItab, unsafe.Pointer(p))
}

// Fresh is Make for an int the caller means to own: when it reports
// true, the Value is a box that nothing else references, which Reuse may
// overwrite while that stays true. It reports false for the ints that
// Make does not box (their Values are shared).
func (b *IntBox) Fresh(i int64) (Value, bool) {
	if i >= smallMin && i <= smallMax {
		return smallInts[i-smallMin], false
	}
	return b.Make(i), true
}

// Reuse stores i in the box of v, a Value that Fresh returned as owned
// and that still nothing else references, so that v now holds i.
func Reuse(v Value, i int64) {
	*(*int64)(dataOf(v)) = i
}
