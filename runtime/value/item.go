package value

import "math"

// GetItem returns x[key].
func GetItem(th Thread, x, key Value) (Value, error) {
	if userClass(x) != nil {
		if r, ok, err := callDunder(th, x, "__getitem__", key); ok || err != nil {
			return r, err
		}
	}
	return baseGetItem(th, x, key)
}

// seqKey converts a sequence subscript that is an instance of a script
// class with __index__ to an int.
func seqKey(th Thread, x, key Value) (Value, error) {
	switch x.(type) {
	case *List, Tuple, String, *Range, *bigRange:
		if hasDunder(key, "__index__") {
			r, _, err := callDunder(th, key, "__index__")
			if err == nil && !isInt(r) {
				err = Errorf(TypeError, "__index__ returned non-int (type %s)", r.Type().Name)
			}
			return r, err
		}
	}
	return key, nil
}

// baseGetItem is GetItem ignoring script __getitem__ methods.
func baseGetItem(th Thread, x, key Value) (Value, error) {
	key, err := seqKey(th, x, key)
	if err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case *List:
		if i, ok := key.(Int); ok && i >= 0 && int64(i) < int64(len(c.Elems)) {
			return c.Elems[i], nil
		}
		return seqGetItem(th, c.Elems, key, "list", func(e []Value) Value { return NewList(e) })
	case Tuple:
		return seqGetItem(th, c, key, "tuple", func(e []Value) Value { return Tuple(e) })
	case String:
		return strGetItem(th, c, key)
	case *Dict:
		v, ok, err := c.Get(th, key)
		if err != nil {
			return nil, err
		}
		if !ok {
			if c.ext != nil {
				if r, ok, err := callDunder(th, c, "__missing__", key); ok || err != nil {
					return r, err
				}
			}
			return nil, NewException(KeyError, key)
		}
		return v, nil
	case *Range:
		return rangeGetItem(c, key)
	case *bigRange:
		return c.item(key)
	case *Class:
		if subscriptable(c) {
			return &GenericAlias{Origin: c, Args: key}, nil
		}
		if fn := c.Lookup("__class_getitem__"); fn != nil {
			if cm, ok := fn.(*ClassMethod); ok {
				fn = cm.Func
			}
			return Call(th, fn, []Value{c, key}, nil)
		}
		return nil, Errorf(TypeError, "type '%s' is not subscriptable", c.Name)
	}
	return nil, Errorf(TypeError, "'%s' object is not subscriptable", x.Type().Name)
}

// index converts an index to an int, or reports ok=false for a non-int.
// Ints beyond the int64 range fail with IndexError.
func index(key Value) (int64, bool, error) {
	if i, ok := AsInt64(key); ok {
		return i, true, nil
	}
	if _, ok := key.(*BigInt); ok {
		return 0, true, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	return 0, false, nil
}

// seqIndex resolves a possibly negative index of a kind ("list") of
// sequence into [0, n); what names the sequence in the IndexError ("list",
// "list assignment").
func seqIndex(key Value, n int, kind, what string) (int, error) {
	i, ok, err := index(key)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "%s indices must be integers or slices, not %s", kind, key.Type().Name)
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, Errorf(IndexError, "%s index out of range", what)
	}
	return int(i), nil
}

// seqGetItem returns elems[key] for a list or a tuple; mk makes a slice's
// result from its new items, reported to th first.
func seqGetItem(th Thread, elems []Value, key Value, kind string, mk func([]Value) Value) (Value, error) {
	if s, ok := key.(*Slice); ok {
		start, _, step, n, err := s.Indices(len(elems))
		if err != nil {
			return nil, err
		}
		if err := Alloc(th, int64(n)*wordSize); err != nil {
			return nil, err
		}
		out := make([]Value, n)
		if step == 1 {
			copy(out, elems[start:])
		} else {
			for k := range out {
				out[k] = elems[start+k*step]
			}
		}
		return mk(out), nil
	}
	i, err := seqIndex(key, len(elems), kind, kind)
	if err != nil {
		return nil, err
	}
	return elems[i], nil
}

func strGetItem(th Thread, s String, key Value) (Value, error) {
	if sl, ok := key.(*Slice); ok {
		start, stop, step, n, err := sl.Indices(s.n)
		if err != nil {
			return nil, err
		}
		if step == 1 {
			return s.sub(start, stop), nil
		}
		// The code points of s, those of the result, and its UTF-8.
		if err := Alloc(th, int64(s.n)*4+int64(n)*8); err != nil {
			return nil, err
		}
		runes := s.runes()
		out := make([]rune, n)
		for k := range out {
			out[k] = runes[start+k*step]
		}
		return String{string(out), n}, nil
	}
	i, ok, err := index(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(TypeError, "string indices must be integers, not '%s'", key.Type().Name)
	}
	if i < 0 {
		i += int64(s.n)
	}
	if i < 0 || i >= int64(s.n) {
		return nil, Errorf(IndexError, "string index out of range")
	}
	return s.at(int(i)), nil
}

func rangeGetItem(r *Range, key Value) (Value, error) {
	n := r.Len()
	if _, ok := key.(*BigInt); ok {
		return nil, Errorf(IndexError, "range object index out of range")
	}
	if sl, ok := key.(*Slice); ok {
		start, stop, step, _, err := sl.Indices(int(n))
		if err != nil {
			return nil, err
		}
		s := int64(step) * r.Step
		return &Range{Start: r.Start + int64(start)*r.Step, Stop: r.Start + int64(stop)*r.Step, Step: s}, nil
	}
	i, ok, err := index(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(TypeError, "range indices must be integers or slices, not %s", key.Type().Name)
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return nil, Errorf(IndexError, "range object index out of range")
	}
	return MakeInt(r.Start + i*r.Step), nil
}

// Indices resolves the slice against a sequence of length n, as CPython's
// PySlice_GetIndicesEx: it returns start, stop, step and the slice length.
func (s *Slice) Indices(n int) (start, stop, step, length int, err error) {
	st, err := sliceInt(s.Step, 1)
	if err != nil {
		return
	}
	if st == 0 {
		err = Errorf(ValueError, "slice step cannot be zero")
		return
	}
	lower, upper := int64(0), int64(n)
	if st < 0 {
		lower, upper = -1, int64(n)-1
	}
	defStart, defStop := lower, upper
	if st < 0 {
		defStart, defStop = upper, lower
	}
	clamp := func(v Value, def int64) (int64, error) {
		if v == nil || v == None {
			return def, nil
		}
		i, err := sliceInt(v, 0)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += int64(n)
			if i < lower {
				i = lower
			}
		} else if i > upper {
			i = upper
		}
		return i, nil
	}
	a, err := clamp(s.Start, defStart)
	if err != nil {
		return
	}
	b, err := clamp(s.Stop, defStop)
	if err != nil {
		return
	}
	start, stop, step = int(a), int(b), int(st)
	switch {
	case step > 0 && stop > start:
		length = (stop-start-1)/step + 1
	case step < 0 && stop < start:
		length = (start-stop-1)/(-step) + 1
	default:
		length = 0
		if step > 0 {
			stop = start
		}
	}
	return
}

// sliceInt converts a slice component (int or None) to an int64, clamping
// big ints.
func sliceInt(v Value, def int64) (int64, error) {
	if v == nil || v == None {
		return def, nil
	}
	if i, ok := AsInt64(v); ok {
		return i, nil
	}
	if b, ok := v.(*BigInt); ok {
		if b.v.Sign() < 0 {
			return math.MinInt64 / 2, nil
		}
		return math.MaxInt64 / 2, nil
	}
	return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
}

// SetItem performs x[key] = v.
func SetItem(th Thread, x, key, v Value) error {
	if userClass(x) != nil {
		if _, ok, err := callDunder(th, x, "__setitem__", key, v); ok || err != nil {
			return err
		}
	}
	return baseSetItem(th, x, key, v)
}

// baseSetItem is SetItem ignoring script __setitem__ methods.
func baseSetItem(th Thread, x, key, v Value) error {
	key, err := seqKey(th, x, key)
	if err != nil {
		return err
	}
	switch c := x.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			return listSetSlice(th, c, s, v)
		}
		i, err := listIndex(c, key)
		if err != nil {
			return err
		}
		c.Elems[i] = v
		return nil
	case *Dict:
		return c.SetItem(th, key, v)
	}
	return Errorf(TypeError, "'%s' object does not support item assignment", x.Type().Name)
}

func hasGetItem(x Value) bool {
	switch x.(type) {
	case *List, Tuple, String, *Dict, *Range:
		return true
	}
	return false
}

func listIndex(l *List, key Value) (int, error) {
	return seqIndex(key, len(l.Elems), "list", "list assignment")
}

func listSetSlice(th Thread, l *List, s *Slice, v Value) error {
	var items []Value
	if vl, ok := v.(*List); ok && vl == l {
		var err error
		if items, err = clone(th, l.Elems); err != nil {
			return err
		}
	} else {
		var err error
		if items, err = Collect(th, v); err != nil {
			if e, ok := err.(*Exception); ok && e.Class == TypeError {
				return Errorf(TypeError, "can only assign an iterable")
			}
			return err
		}
	}
	start, stop, step, n, err := s.Indices(len(l.Elems))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail, err := clone(th, l.Elems[stop:])
		if err != nil {
			return err
		}
		if err := l.Grow(th, len(items)-(stop-start)); err != nil {
			return err
		}
		l.Elems = append(append(l.Elems[:start], items...), tail...)
		return nil
	}
	if len(items) != n {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for k, item := range items {
		l.Elems[start+k*step] = item
	}
	return nil
}

// DelItem performs del x[key].
func DelItem(th Thread, x, key Value) error {
	if userClass(x) != nil {
		if _, ok, err := callDunder(th, x, "__delitem__", key); ok || err != nil {
			return err
		}
	}
	return baseDelItem(th, x, key)
}

// baseDelItem is DelItem ignoring script __delitem__ methods.
func baseDelItem(th Thread, x, key Value) error {
	key, err := seqKey(th, x, key)
	if err != nil {
		return err
	}
	switch c := x.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			start, _, step, n, err := s.Indices(len(c.Elems))
			if err != nil {
				return err
			}
			if step < 0 {
				start, step = start+(n-1)*step, -step
			}
			del := make(map[int]bool, n)
			for k := 0; k < n; k++ {
				del[start+k*step] = true
			}
			kept := c.Elems[:0]
			for i, e := range c.Elems {
				if !del[i] {
					kept = append(kept, e)
				}
			}
			clear(c.Elems[len(kept):])
			c.Elems = kept
			return nil
		}
		i, err := listIndex(c, key)
		if err != nil {
			return err
		}
		c.Elems = append(c.Elems[:i], c.Elems[i+1:]...)
		return nil
	case *Dict:
		_, ok, err := c.Delete(th, key)
		if err == nil && !ok {
			err = NewException(KeyError, key)
		}
		return err
	}
	if _, _, err := index(key); hasGetItem(x) && err == nil && isInt(key) {
		return Errorf(TypeError, "'%s' object doesn't support item deletion", x.Type().Name)
	}
	return Errorf(TypeError, "'%s' object does not support item deletion", x.Type().Name)
}
