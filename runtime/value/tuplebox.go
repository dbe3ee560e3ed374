package value

import "unsafe"

// As for strs (strbox.go), a tuple converted to a Value the usual way is
// two allocations: its array, and the copy of its slice header the
// interface points to. The small tuples that iteration makes at each item
// (dict.items(), enumerate, zip) and displays are made here in one piece,
// and so are the small lists of displays.

// tupleIn is a Tuple's header followed by its array A.
type tupleIn[A any] struct {
	hdr Tuple
	arr A // an array of Value
}

// tupleItab is the interface word of a Tuple held in a Value.
var tupleItab = itabOf(Tuple{})

// newTupleValue returns a tuple Value of n items, and its items, which
// the caller must set before anything reads the Value.
func newTupleValue(n int) (Value, Tuple) {
	var hdr *Tuple
	switch {
	case n == 0:
		return EmptyTuple, nil
	case n == 1:
		hdr = tupleBlock[[1]Value](n)
	case n == 2:
		hdr = tupleBlock[[2]Value](n)
	case n == 3:
		hdr = tupleBlock[[3]Value](n)
	case n == 4:
		hdr = tupleBlock[[4]Value](n)
	default:
		t := make(Tuple, n)
		return t, t
	}
	return makeValue(tupleItab, unsafe.Pointer(hdr)), *hdr
}

// tupleBlock allocates a Tuple of n items with its array A after it.
func tupleBlock[A any](n int) *Tuple {
	x := new(tupleIn[A])
	x.hdr = unsafe.Slice((*Value)(unsafe.Pointer(&x.arr)), n)
	return &x.hdr
}

// TupleOf returns a tuple Value of a copy of items, made in one piece
// with them when they are few.
func TupleOf(items []Value) Value {
	v, t := newTupleValue(len(items))
	copy(t, items)
	return v
}

// ListOf returns a list of a copy of items, made in one piece with room
// for them when they are few (a list display).
func ListOf(items []Value) *List {
	var l *List
	switch n := len(items); {
	case n == 0:
		return &List{}
	case n <= 2:
		l = listBlock[[2]Value](n)
	case n <= 4:
		l = listBlock[[4]Value](n)
	default:
		l = &List{Elems: make([]Value, n)}
	}
	copy(l.Elems, items)
	return l
}

// listIn is a List followed by the array A of its items.
type listIn[A any] struct {
	l   List
	arr A // an array of Value
}

// listBlock allocates a List of n items with its array A after it, the
// room of the list to grow in.
func listBlock[A any](n int) *List {
	x := new(listIn[A])
	room := int(unsafe.Sizeof(x.arr) / unsafe.Sizeof(Value(nil)))
	x.l.Elems = unsafe.Slice((*Value)(unsafe.Pointer(&x.arr)), room)[:n]
	return &x.l
}

// pair returns the tuple (a, b).
func pair(a, b Value) Value {
	v, t := newTupleValue(2)
	t[0], t[1] = a, b
	return v
}
