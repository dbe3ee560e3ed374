package value

import "github.com/asyncgen/asyncgen/lang"

func setReceiver(args []Value) *Set { return args[0].(*Set) }

// setOther converts an argument of a set method to a set.
func setOther(th Thread, v Value) (*Set, error) {
	if s, ok := v.(*Set); ok {
		return s, nil
	}
	s := NewSet()
	return s, s.Update(th, v)
}

// setMulti makes union, intersection and difference: op folded over
// the arguments.
func setMulti(name string, op lang.Op) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("set."+name, kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		result, err := s.clone(th)
		if err != nil {
			return nil, err
		}
		for _, a := range args[1:] {
			switch op {
			case lang.BitOr:
				err = result.Update(th, a)
			case lang.BitAnd:
				result, err = setIntersection(th, result, a)
			case lang.Sub:
				if len(args) == 2 {
					result, err = setDifference(th, s, a)
				} else {
					err = result.differenceUpdate(th, a)
				}
			}
			if err != nil {
				return nil, err
			}
		}
		return result, nil
	}
}

// mutable checks that a set method that modifies is not called on a
// frozenset. Frozensets do not have those methods: GetAttr finds them on
// set only, but unbound calls such as set.add(fs, 1) reach here.
func mutable(name string, s *Set) error {
	if s.frozen {
		return Errorf(TypeError, "descriptor '%s' for 'set' objects doesn't apply to a 'frozenset' object", name)
	}
	return nil
}

// setSharedMethods are the methods of set and frozenset other than their
// operators.
var setSharedMethods = []method{
	{"union", setMulti("union", lang.BitOr)},
	{"intersection", setMulti("intersection", lang.BitAnd)},
	{"difference", setMulti("difference", lang.Sub)},
	{"symmetric_difference", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.symmetric_difference", args, kwargs, 1); err != nil {
			return nil, err
		}
		other, err := setOther(th, args[1])
		if err != nil {
			return nil, err
		}
		r, err := other.clone(th)
		if err != nil {
			return nil, err
		}
		r.frozen = setReceiver(args).frozen
		return r, r.symmetricUpdate(th, setReceiver(args))
	}},
	{"issubset", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.issubset", args, kwargs, 1); err != nil {
			return nil, err
		}
		other, err := setOther(th, args[1])
		if err != nil {
			return nil, err
		}
		ok, err := setReceiver(args).isSubset(th, other)
		return Bool(ok), err
	}},
	{"issuperset", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.issuperset", args, kwargs, 1); err != nil {
			return nil, err
		}
		other, err := setOther(th, args[1])
		if err != nil {
			return nil, err
		}
		ok, err := other.isSubset(th, setReceiver(args))
		return Bool(ok), err
	}},
	{"isdisjoint", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.isdisjoint", args, kwargs, 1); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		disjoint := true
		err := ForEach(th, args[1], func(v Value) error {
			in, err := s.Contains(th, v)
			if in {
				disjoint = false
			}
			return err
		})
		return Bool(disjoint), err
	}},
	{"copy", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("set.copy", args, kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if s.frozen {
			return s, nil
		}
		c, err := s.clone(th)
		if err != nil {
			return nil, err
		}
		return c, nil
	}},
}

// setMethods are the methods of set only.
var setMethods = []method{
	{"add", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.add", args, kwargs, 1); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("add", s); err != nil {
			return nil, err
		}
		return None, s.Add(th, args[1])
	}},
	{"discard", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.discard", args, kwargs, 1); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("discard", s); err != nil {
			return nil, err
		}
		_, err := s.Discard(th, args[1])
		return None, err
	}},
	{"remove", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.remove", args, kwargs, 1); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("remove", s); err != nil {
			return nil, err
		}
		ok, err := s.Discard(th, args[1])
		if err == nil && !ok {
			err = NewException(KeyError, args[1])
		}
		return None, err
	}},
	{"pop", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("set.pop", args, kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("pop", s); err != nil {
			return nil, err
		}
		return s.pop()
	}},
	{"clear", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("set.clear", args, kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("clear", s); err != nil {
			return nil, err
		}
		s.Clear()
		return None, nil
	}},
	{"update", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("set.update", kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("update", s); err != nil {
			return nil, err
		}
		for _, a := range args[1:] {
			if err := s.Update(th, a); err != nil {
				return nil, err
			}
		}
		return None, nil
	}},
	{"difference_update", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("set.difference_update", kwargs); err != nil {
			return nil, err
		}
		s := setReceiver(args)
		if err := mutable("difference_update", s); err != nil {
			return nil, err
		}
		for _, a := range args[1:] {
			if err := s.differenceUpdate(th, a); err != nil {
				return nil, err
			}
		}
		return None, nil
	}},
	{"intersection_update", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		r, err := setMulti("intersection_update", lang.BitAnd)(th, args, kwargs)
		if err != nil {
			return nil, err
		}
		setReceiver(args).swapBodies(r.(*Set))
		return None, nil
	}},
	{"symmetric_difference_update", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("set.symmetric_difference_update", args, kwargs, 1); err != nil {
			return nil, err
		}
		return None, setReceiver(args).symmetricUpdate(th, args[1])
	}},
}

// pop removes and returns an element, as CPython's set_pop.
func (s *Set) pop() (Value, error) {
	if s.used == 0 {
		return nil, NewException(KeyError, MakeString("pop from an empty set"))
	}
	i := s.finger & (len(s.table) - 1)
	for s.table[i].key == nil || s.table[i].key == dummy {
		i++
		if i >= len(s.table) {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{dummy, -1}
	s.used--
	s.finger = i + 1
	return key, nil
}
