package value

// Iterate returns an iterator over v (iter(v)).
func Iterate(th Thread, v Value) (Iterator, error) {
	if c := userClass(v); c != nil {
		r, ok, err := callDunder(th, v, "__iter__")
		if err != nil {
			return nil, err
		}
		if ok {
			return asIterator(th, r)
		}
		if _, isInst := v.(*Instance); isInst && c.lookupUser("__getitem__") != nil {
			return &seqIter{seq: v}, nil
		}
	}
	return baseIterate(v)
}

// baseIterate is Iterate ignoring script __iter__ methods.
func baseIterate(v Value) (Iterator, error) {
	switch v := v.(type) {
	case *List:
		return &listIter{list: v}, nil
	case Tuple:
		return &tupleIter{elems: v}, nil
	case String:
		if v.ascii() {
			return &strIter{s: v, cls: strASCIIIterType}, nil
		}
		return &strIter{s: v, cls: strIterType}, nil
	case *Dict:
		return newDictIter(v, dictKeys), nil
	case *dictView:
		return newDictIter(v.d, v.kind), nil
	case *Set:
		return &setIter{set: v, used: v.used}, nil
	case *Range:
		return &rangeIter{next: v.Start, step: v.Step, left: v.Len()}, nil
	case *bigRange:
		return &bigRangeIter{next: v.start, step: v.step, left: v.length()}, nil
	case Iterator:
		return v, nil
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", v.Type().Name)
}

// asIterator checks the result of an __iter__.
func asIterator(th Thread, r Value) (Iterator, error) {
	switch r := r.(type) {
	case Iterator:
		return r, nil
	case *Instance:
		if fn := r.Class.lookupUser("__next__"); fn != nil {
			return &userIter{obj: r, next: fn}, nil
		}
	}
	return nil, Errorf(TypeError, "iter() returned non-iterator of type '%s'", r.Type().Name)
}

// next advances an iterator: an Iterator or an instance with __next__
// (next(v)).
func next(th Thread, v Value) (Value, bool, error) {
	switch it := v.(type) {
	case Iterator:
		return it.Next(th)
	case *Instance:
		if fn := it.Class.lookupUser("__next__"); fn != nil {
			return (&userIter{obj: it, next: fn}).Next(th)
		}
	}
	return nil, false, Errorf(TypeError, "'%s' object is not an iterator", v.Type().Name)
}

// ForEach calls fn for each item of iterable, stopping at the first error.
func ForEach(th Thread, iterable Value, fn func(Value) error) error {
	switch v := iterable.(type) {
	case *List:
		for i := 0; i < len(v.Elems); i++ {
			if err := fn(v.Elems[i]); err != nil {
				return err
			}
		}
		return nil
	case Tuple:
		for _, e := range v {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iterate(th, iterable)
	if err != nil {
		return err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := Alloc(th, wordSize); err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
}

// Collect returns the items of iterable in a new slice.
func Collect(th Thread, iterable Value) ([]Value, error) {
	switch v := iterable.(type) {
	case *List:
		return clone(th, v.Elems)
	case Tuple:
		return clone(th, v)
	}
	var out []Value
	err := ForEach(th, iterable, func(v Value) error {
		var err error
		if out, err = Grow(th, out, 1); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// Len returns len(v).
func Len(th Thread, v Value) (int, error) {
	if userClass(v) != nil {
		if r, ok, err := callDunder(th, v, "__len__"); ok || err != nil {
			if err != nil {
				return 0, err
			}
			return lenResult(r)
		}
	}
	return baseLen(v)
}

// baseLen is Len ignoring script __len__ methods.
func baseLen(v Value) (int, error) {
	switch v := v.(type) {
	case String:
		return v.n, nil
	case *List:
		return len(v.Elems), nil
	case Tuple:
		return len(v), nil
	case *Dict:
		return v.used, nil
	case *Set:
		return v.used, nil
	case *Range:
		return int(v.Len()), nil
	case *dictView:
		return v.d.used, nil
	case *bigRange:
		if n := v.length(); n.IsInt64() {
			return int(n.Int64()), nil
		}
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", v.Type().Name)
}

// Iterator classes.
var (
	listIterType      = newBuiltinClass("list_iterator", ObjectType)
	listRevIterType   = newBuiltinClass("list_reverseiterator", ObjectType)
	tupleIterType     = newBuiltinClass("tuple_iterator", ObjectType)
	strIterType       = newBuiltinClass("str_iterator", ObjectType)
	strASCIIIterType  = newBuiltinClass("str_ascii_iterator", ObjectType)
	dictKeyIterType   = newBuiltinClass("dict_keyiterator", ObjectType)
	dictValueIterType = newBuiltinClass("dict_valueiterator", ObjectType)
	dictItemIterType  = newBuiltinClass("dict_itemiterator", ObjectType)
	setIterType       = newBuiltinClass("set_iterator", ObjectType)
	rangeIterType     = newBuiltinClass("range_iterator", ObjectType)
	seqIterType       = newBuiltinClass("iterator", ObjectType)
	reversedType      = newBuiltinClass("reversed", ObjectType)
)

type listIter struct {
	list *List
	i    int
}

func (*listIter) Type() *Class { return listIterType }

func (it *listIter) Next(th Thread) (Value, bool, error) {
	if it.list == nil || it.i >= len(it.list.Elems) {
		it.list = nil
		return nil, false, nil
	}
	it.i++
	return it.list.Elems[it.i-1], true, nil
}

type listRevIter struct {
	list *List
	i    int // next index, counting down
}

func (*listRevIter) Type() *Class { return listRevIterType }

func (it *listRevIter) Next(th Thread) (Value, bool, error) {
	if it.i < 0 || it.i >= len(it.list.Elems) {
		it.i = -1
		return nil, false, nil
	}
	it.i--
	return it.list.Elems[it.i+1], true, nil
}

type tupleIter struct {
	elems []Value
	i     int
}

func (*tupleIter) Type() *Class { return tupleIterType }

func (it *tupleIter) Next(th Thread) (Value, bool, error) {
	if it.i >= len(it.elems) {
		return nil, false, nil
	}
	it.i++
	return it.elems[it.i-1], true, nil
}

type strIter struct {
	s   String
	off int // byte offset
	cls *Class
}

func (it *strIter) Type() *Class { return it.cls }

func (it *strIter) Next(th Thread) (Value, bool, error) {
	if it.off >= len(it.s.s) {
		return nil, false, nil
	}
	if it.s.ascii() {
		it.off++
		return asciiChar(it.s.s[it.off-1]), true, nil
	}
	r, size := decodeRune(it.s.s[it.off:])
	it.off += size
	return runeString(r), true, nil
}

type rangeIter struct {
	next, step, left int64
}

func (*rangeIter) Type() *Class { return rangeIterType }

func (it *rangeIter) Next(th Thread) (Value, bool, error) {
	v, ok := it.NextInt()
	if !ok {
		return nil, false, nil
	}
	return MakeInt(v), true, nil
}

type dictIterKind int

const (
	dictKeys dictIterKind = iota
	dictValues
	dictItems
)

type dictIter struct {
	d    *Dict
	kind dictIterKind
	i    int
	used int
}

func newDictIter(d *Dict, kind dictIterKind) *dictIter {
	return &dictIter{d: d, kind: kind, used: d.used}
}

func (it *dictIter) Type() *Class {
	return [...]*Class{dictKeyIterType, dictValueIterType, dictItemIterType}[it.kind]
}

func (it *dictIter) Next(th Thread) (Value, bool, error) {
	e, ok, err := it.next()
	if !ok {
		return nil, false, err
	}
	switch it.kind {
	case dictKeys:
		return e.key, true, nil
	case dictValues:
		return e.val, true, nil
	}
	return pair(e.key, e.val), true, nil
}

// next returns the next entry.
func (it *dictIter) next() (dictEntry, bool, error) {
	if it.d == nil {
		return dictEntry{}, false, nil
	}
	if it.d.used != it.used {
		it.used = -1
		return dictEntry{}, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	for it.i < len(it.d.entries) {
		e := it.d.entries[it.i]
		it.i++
		if e.key != nil {
			return e, true, nil
		}
	}
	it.d = nil
	return dictEntry{}, false, nil
}

type setIter struct {
	set  *Set
	i    int
	used int
}

func (*setIter) Type() *Class { return setIterType }

func (it *setIter) Next(th Thread) (Value, bool, error) {
	if it.set == nil {
		return nil, false, nil
	}
	if it.set.used != it.used {
		it.used = -1
		return nil, false, Errorf(RuntimeError, "Set changed size during iteration")
	}
	for it.i < len(it.set.table) {
		e := it.set.table[it.i]
		it.i++
		if e.key != nil && e.key != dummy {
			return e.key, true, nil
		}
	}
	it.set = nil
	return nil, false, nil
}

// userIter iterates with a script __next__.
type userIter struct {
	obj  *Instance
	next Value
}

func (it *userIter) Type() *Class { return it.obj.Class }

func (it *userIter) Next(th Thread) (Value, bool, error) {
	v, err := callMethod(th, it.obj, it.next, nil, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class.IsSubclass(StopIteration) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// seqIter iterates with __getitem__ until IndexError.
type seqIter struct {
	seq Value
	i   int64
}

func (*seqIter) Type() *Class { return seqIterType }

func (it *seqIter) Next(th Thread) (Value, bool, error) {
	if it.seq == nil {
		return nil, false, nil
	}
	v, err := GetItem(th, it.seq, MakeInt(it.i))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.Class.IsSubclass(IndexError) || e.Class.IsSubclass(StopIteration)) {
			it.seq = nil
			return nil, false, nil
		}
		return nil, false, err
	}
	it.i++
	return v, true, nil
}
