package value

import "unsafe"

// Set is a script set or frozenset. Its table follows CPython's
// setobject.c (open addressing, linear probes then perturbation, the same
// resize points), so that iteration order, and thus printing, matches
// CPython for ints and other values with deterministic hashes.
type Set struct {
	table  []setEntry
	fill   int // live + dummy
	used   int // live
	finger int
	frozen bool
	ext    *ext // for instances of script subclasses of set
}

type setEntry struct {
	key  Value // nil: empty; dummy: deleted
	hash int64
}

type dummyKey struct{}

func (dummyKey) Type() *Class { return ObjectType }

var dummy Value = dummyKey{}

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

// NewSet returns an empty set.
func NewSet() *Set { return &Set{table: make([]setEntry, setMinSize)} }

// NewFrozenSet returns an empty frozenset.
func NewFrozenSet() *Set {
	s := NewSet()
	s.frozen = true
	return s
}

// Type returns set or frozenset.
func (s *Set) Type() *Class {
	if s.ext != nil {
		return s.ext.cls
	}
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// Len returns the number of elements.
func (s *Set) Len() int { return s.used }

// Elems returns the elements in iteration order.
func (s *Set) Elems() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && e.key != dummy {
			out = append(out, e.key)
		}
	}
	return out
}

func (s *Set) mask() uint64 { return uint64(len(s.table) - 1) }

// lookup returns the index of key's entry, or -1.
func (s *Set) lookup(th Thread, key Value, h int64) (int, error) {
	mask := s.mask()
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &s.table[j]
			if e.key == nil {
				return -1, nil
			}
			if e.hash == h && e.key != dummy {
				eq, err := keyEqual(th, e.key, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(j), nil
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Add inserts key.
func (s *Set) Add(th Thread, key Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return s.addEntry(th, key, h)
}

func (s *Set) addEntry(th Thread, key Value, h int64) error {
	mask := s.mask()
	perturb := uint64(h)
	i := uint64(h) & mask
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &s.table[j]
			if e.key == nil {
				if free >= 0 {
					s.used++
					s.table[free] = setEntry{key, h}
					return nil
				}
				if uint64(s.fill+1)*5 >= mask*3 {
					return s.addResize(th, e, key, h)
				}
				s.fill++
				s.used++
				*e = setEntry{key, h}
				return nil
			}
			if e.hash == h && e.key != dummy {
				eq, err := keyEqual(th, e.key, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
			} else if e.key == dummy {
				free = int(j)
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// addResize puts key in the empty entry e, which fills the table, and
// resizes it, reporting the larger table first: a refused one leaves the
// set as it was.
func (s *Set) addResize(th Thread, e *setEntry, key Value, h int64) error {
	if err := reportTable(th, growFor(s.used+1)); err != nil {
		return err
	}
	s.fill++
	s.used++
	*e = setEntry{key, h}
	s.resize(s.growSize())
	return nil
}

func (s *Set) growSize() int { return growFor(s.used) }

// growFor is the minUsed of the resize of a full table holding used keys.
func growFor(used int) int {
	if used > 50000 {
		return used * 2
	}
	return used * 4
}

// tableLen returns the length of a table for more than minUsed slots.
func tableLen(minUsed int) int {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	return size
}

// reportTable reports to th a table for more than minUsed slots.
func reportTable(th Thread, minUsed int) error {
	return Alloc(th, int64(tableLen(minUsed))*int64(unsafe.Sizeof(setEntry{})))
}

// reserve resizes s for more than minUsed slots if adding n keys would
// fill it, reporting the table to th first.
func (s *Set) reserve(th Thread, n, minUsed int) error {
	if uint64(s.fill+n)*5 < s.mask()*3 {
		return nil
	}
	if err := reportTable(th, minUsed); err != nil {
		return err
	}
	s.resize(minUsed)
	return nil
}

// insertClean inserts a key known to be absent into a table without dummies.
func insertClean(table []setEntry, key Value, h int64) {
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		if table[i].key == nil {
			table[i] = setEntry{key, h}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if table[j].key == nil {
					table[j] = setEntry{key, h}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize rebuilds the table with more than minUsed slots.
func (s *Set) resize(minUsed int) {
	size := tableLen(minUsed)
	if size == setMinSize && len(s.table) == setMinSize && s.fill == s.used {
		return
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if e.key != nil && e.key != dummy {
			insertClean(s.table, e.key, e.hash)
		}
	}
}

// Contains reports whether key is an element.
func (s *Set) Contains(th Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		if f, ok := frozenKey(th, key, err); ok {
			return s.Contains(th, f)
		}
		return false, err
	}
	i, err := s.lookup(th, key, h)
	return i >= 0, err
}

// Discard removes key if present and reports whether it was.
func (s *Set) Discard(th Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		if f, ok := frozenKey(th, key, err); ok {
			return s.Discard(th, f)
		}
		return false, err
	}
	return s.discardEntry(th, key, h)
}

func (s *Set) discardEntry(th Thread, key Value, h int64) (bool, error) {
	i, err := s.lookup(th, key, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{dummy, -1}
	s.used--
	return true, nil
}

// Clear removes all elements.
func (s *Set) Clear() {
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used = 0, 0
}

// merge adds the elements of other (set_merge).
func (s *Set) merge(th Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if err := s.reserve(th, other.used, (s.used+other.used)*2); err != nil {
		return err
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.key != nil && e.key != dummy {
				insertClean(s.table, e.key, e.hash)
			}
		}
		return nil
	}
	for _, e := range other.table {
		if e.key != nil && e.key != dummy {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// Update adds the elements of an iterable (set_update_internal).
func (s *Set) Update(th Thread, iterable Value) error {
	switch o := iterable.(type) {
	case *Set:
		return s.merge(th, o)
	case *Dict:
		if err := s.reserve(th, o.Len(), (s.used+o.Len())*2); err != nil {
			return err
		}
		for _, e := range o.entries {
			if e.key != nil {
				if err := s.addEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return ForEach(th, iterable, func(v Value) error { return s.Add(th, v) })
}

// copySet returns a copy with the same frozenness as s (set_copy). It
// cannot fail: it charges the copy's table to th (see Charge); callers
// that can fail use clone.
func (s *Set) copySet(th Thread) *Set {
	Charge(th, s.bytes())
	return s.copyTable()
}

// clone is copySet for callers that can fail: the copy's table is
// reported to th first, and refused over the memory limit.
func (s *Set) clone(th Thread) (*Set, error) {
	if err := Alloc(th, s.bytes()); err != nil {
		return nil, err
	}
	return s.copyTable(), nil
}

// copyTable returns a copy of s, allocated without a report.
func (s *Set) copyTable() *Set {
	c := NewSet()
	c.frozen = s.frozen
	_ = c.merge(nil, s) // an empty set merges without adding keys one by one
	return c
}

// bytes returns the size of s's table.
func (s *Set) bytes() int64 { return int64(len(s.table)) * int64(unsafe.Sizeof(setEntry{})) }

// frozenKey retries a set operation whose key was an unhashable set with
// an equal frozenset, as CPython's set_contains, remove and discard do.
func frozenKey(th Thread, key Value, err error) (Value, bool) {
	s, ok := key.(*Set)
	if !ok || s.frozen {
		return nil, false
	}
	if e, ok := err.(*Exception); !ok || e.Class != TypeError {
		return nil, false
	}
	f := s.copySet(th)
	f.frozen = true
	return f, true
}
