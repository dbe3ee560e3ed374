package value

// NextRangeInt advances v when it is the iterator of a range: it returns
// the next int (ok false at the end) and isRange true. For any other
// value it returns isRange false and leaves v alone. It is
// IntIterator.NextInt without the interface conversion, for the VM's
// FOR_ITER.
func NextRangeInt(v Value) (i int64, ok, isRange bool) {
	it, isRange := v.(*rangeIter)
	if !isRange {
		return 0, false, false
	}
	i, ok = it.NextInt()
	return i, ok, true
}
