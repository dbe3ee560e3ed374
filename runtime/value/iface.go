package value

import "unsafe"

// A Value is an interface: a word for its dynamic type (the itab) and a
// pointer to the value. The boxes of this package (IntBox, newStrValue,
// newTupleValue) make Values that point into memory they allocated
// together with other things, which Go's conversions cannot.

// itabOf returns the type word of v.
func itabOf(v Value) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[0] }

// dataOf returns the pointer word of v.
func dataOf(v Value) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] }

// makeValue returns the Value of type word itab pointing to p, which must
// point to a value of that type that never changes.
func makeValue(itab, p unsafe.Pointer) Value {
	var v Value
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	w[0], w[1] = itab, p
	return v
}
