package value

// A PairIterator is an iterator of pairs that can hand out the two items
// of its next pair without making the tuple, for a loop that unpacks it
// at once (`for k, v in d.items()`, `for i, x in enumerate(xs)`, `for a,
// b in zip(xs, ys)`): the VM's FOR_ITER followed by UNPACK_SEQUENCE 2.
type PairIterator interface {
	Iterator
	// NextPair is Next, with the two items of the pair it would return.
	// It reports pair false, consuming nothing, when this iterator's
	// items are not made as pairs (a dict's keys, a zip of three).
	NextPair(th Thread) (a, b Value, ok, pair bool, err error)
}

// NextPair implements PairIterator for the items of a dict.
func (it *dictIter) NextPair(th Thread) (a, b Value, ok, pair bool, err error) {
	if it.kind != dictItems {
		return nil, nil, false, false, nil
	}
	e, ok, err := it.next()
	if !ok {
		return nil, nil, false, true, err
	}
	return e.key, e.val, true, true, nil
}

// NextPair implements PairIterator.
func (e *enumerateIter) NextPair(th Thread) (a, b Value, ok, pair bool, err error) {
	n, v, ok, err := e.next(th)
	return n, v, ok, true, err
}

// NextPair implements PairIterator for a zip of two iterables.
func (z *zipIter) NextPair(th Thread) (a, b Value, ok, pair bool, err error) {
	if len(z.its) != 2 {
		return nil, nil, false, false, nil
	}
	var out [2]Value
	ok, err = z.next(th, out[:])
	return out[0], out[1], ok, true, err
}
