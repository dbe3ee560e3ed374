package value

// An IntIterator is an iterator of ints that can produce them unboxed, so
// that a loop over a range does not allocate each int.
type IntIterator interface {
	Iterator
	// NextInt is Next for an int item: ok is false at the end.
	NextInt() (i int64, ok bool)
}

// NextInt returns the next int of the range.
func (it *rangeIter) NextInt() (int64, bool) {
	if it.left <= 0 {
		return 0, false
	}
	v := it.next
	it.next += it.step
	it.left--
	return v, true
}
