package value

import "github.com/asyncgen/asyncgen/lang"

// setBinary implements | & - ^ on two sets; the result has x's type.
func setBinary(th Thread, op lang.Op, x, y *Set) (Value, error) {
	switch op {
	case lang.BitOr:
		r := x.copySet(th)
		if x != y {
			if err := r.merge(th, y); err != nil {
				return nil, err
			}
		}
		return r, nil
	case lang.BitAnd:
		return setIntersection(th, x, y)
	case lang.Sub:
		return setDifference(th, x, y)
	case lang.BitXor:
		r := y.copySet(th)
		r.frozen = x.frozen
		return r, r.symmetricUpdate(th, x)
	}
	return nil, nil
}

// setInplace implements |= &= -= ^= (isSetOp) on a set.
func setInplace(th Thread, op lang.Op, x, y *Set) error {
	switch op {
	case lang.BitOr:
		return x.merge(th, y)
	case lang.BitAnd:
		r, err := setIntersection(th, x, y)
		if err != nil {
			return err
		}
		x.swapBodies(r)
		return nil
	case lang.Sub:
		return x.differenceUpdate(th, y)
	}
	return x.symmetricUpdate(th, y)
}

// isSetOp reports whether op is one of | & - ^.
func isSetOp(op lang.Op) bool {
	return op == lang.BitOr || op == lang.BitAnd || op == lang.Sub || op == lang.BitXor
}

func (s *Set) swapBodies(o *Set) {
	s.table, s.fill, s.used = o.table, o.fill, o.used
}

// setIntersection is set_intersection.
func setIntersection(th Thread, so *Set, other Value) (*Set, error) {
	if o, ok := other.(*Set); ok && o == so {
		return so.copySet(th), nil
	}
	result := NewSet()
	result.frozen = so.frozen
	if o, ok := other.(*Set); ok {
		big, small := so, o
		if o.used > so.used {
			big, small = o, so
		}
		for _, e := range small.table {
			if e.key == nil || e.key == dummy {
				continue
			}
			i, err := big.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if i >= 0 {
				if err := result.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return result, nil
	}
	it, err := Iterate(th, other)
	if err != nil {
		return nil, err
	}
	for {
		key, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return result, nil
		}
		h, err := Hash(th, key)
		if err != nil {
			return nil, err
		}
		i, err := so.lookup(th, key, h)
		if err != nil {
			return nil, err
		}
		if i >= 0 {
			if err := result.addEntry(th, key, h); err != nil {
				return nil, err
			}
			if result.used >= so.used {
				return result, nil
			}
		}
	}
}

// setDifference is set_difference.
func setDifference(th Thread, so *Set, other Value) (*Set, error) {
	var otherSize int
	switch o := other.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = o.used
	default:
		r := so.copySet(th)
		return r, r.differenceUpdate(th, other)
	}
	if so.used>>2 > otherSize {
		r := so.copySet(th)
		return r, r.differenceUpdate(th, other)
	}
	result := NewSet()
	result.frozen = so.frozen
	for _, e := range so.table {
		if e.key == nil || e.key == dummy {
			continue
		}
		var found bool
		switch o := other.(type) {
		case *Set:
			i, err := o.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = i >= 0
		case *Dict:
			_, j, err := o.find(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = j >= 0
		}
		if !found {
			if err := result.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return result, nil
}

// differenceUpdate is set_difference_update_internal.
func (s *Set) differenceUpdate(th Thread, other Value) error {
	if o, ok := other.(*Set); ok && o == s {
		s.Clear()
		return nil
	}
	if o, ok := other.(*Set); ok {
		if o.used>>3 > s.used {
			var err error
			if o, err = setIntersection(th, s, o); err != nil {
				return err
			}
		}
		for _, e := range o.table {
			if e.key != nil && e.key != dummy {
				if _, err := s.discardEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	} else if err := ForEach(th, other, func(v Value) error {
		_, err := s.Discard(th, v)
		return err
	}); err != nil {
		return err
	}
	if s.fill-s.used <= len(s.table)/4 {
		return nil
	}
	s.resize(s.growSize())
	return nil
}

// symmetricUpdate is set_symmetric_difference_update.
func (s *Set) symmetricUpdate(th Thread, other Value) error {
	if o, ok := other.(*Set); ok && o == s {
		s.Clear()
		return nil
	}
	var entries []setEntry
	switch o := other.(type) {
	case *Dict:
		for _, e := range o.entries {
			if e.key != nil {
				entries = append(entries, setEntry{e.key, e.hash})
			}
		}
	case *Set:
		entries = o.table
	default:
		tmp := NewSet()
		if err := tmp.Update(th, other); err != nil {
			return err
		}
		entries = tmp.table
	}
	for _, e := range entries {
		if e.key == nil || e.key == dummy {
			continue
		}
		found, err := s.discardEntry(th, e.key, e.hash)
		if err != nil {
			return err
		}
		if !found {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// isSubset reports whether every element of s is in o.
func (s *Set) isSubset(th Thread, o *Set) (bool, error) {
	if s.used > o.used {
		return false, nil
	}
	for _, e := range s.table {
		if e.key == nil || e.key == dummy {
			continue
		}
		i, err := o.lookup(th, e.key, e.hash)
		if err != nil || i < 0 {
			return false, err
		}
	}
	return true, nil
}

// setCompare implements == != < <= > >= on sets.
func setCompare(th Thread, op lang.Op, a, b *Set) (Value, error) {
	var r bool
	var err error
	switch op {
	case lang.Eq, lang.NotEq:
		if a.used == b.used {
			r, err = a.isSubset(th, b)
		}
		if op == lang.NotEq {
			r = !r
		}
	case lang.LtE:
		r, err = a.isSubset(th, b)
	case lang.GtE:
		r, err = b.isSubset(th, a)
	case lang.Lt:
		if a.used < b.used {
			r, err = a.isSubset(th, b)
		}
	case lang.Gt:
		if a.used > b.used {
			r, err = b.isSubset(th, a)
		}
	}
	return Bool(r), err
}
