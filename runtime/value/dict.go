package value

import (
	"sync/atomic"
	"unsafe"
)

// Dict is a script dict: a hash table that keeps insertion order.
type Dict struct {
	entries []dictEntry // in insertion order; deleted entries have a nil key
	index   []int32     // open-addressing table of entry indices
	used    int         // live entries
	ext     *ext        // for instances of script subclasses of dict
}

type dictEntry struct {
	hash int64
	key  Value
	val  Value
}

const (
	slotEmpty   = -1
	slotDeleted = -2
)

// NewDict returns an empty dict with room for size entries. A dict for
// up to five is made in one allocation with its arrays (a dict display
// such as {"id": i, "name": s} makes one).
func NewDict(size int) *Dict {
	switch {
	case size <= 0:
		return &Dict{}
	case size <= 2:
		return dictWith[[2]dictEntry](2)
	case size == 3:
		return dictWith[[3]dictEntry](3)
	case size <= 5:
		return dictWith[[5]dictEntry](5)
	}
	return &Dict{entries: make([]dictEntry, 0, size), index: newIndex(tableSize(size))}
}

// dictIn is a Dict followed by room for its entries, A (an array of
// dictEntry), and the index of up to five.
type dictIn[A any] struct {
	d  Dict
	e  A
	ix [8]int32
}

// dictWith allocates a dictIn with room for n entries and returns its
// empty Dict.
func dictWith[A any](n int) *Dict {
	x := new(dictIn[A])
	x.d.use(unsafe.Slice((*dictEntry)(unsafe.Pointer(&x.e)), n)[:0], x.ix[:])
	return &x.d
}

// use makes d an empty dict with the given arrays (nil for none).
func (d *Dict) use(entries []dictEntry, index []int32) {
	for i := range index {
		index[i] = slotEmpty
	}
	d.entries, d.index = entries, index
}

// Type returns dict.
func (d *Dict) Type() *Class { return d.ext.class(DictType) }

// Len returns the number of entries.
func (d *Dict) Len() int { return d.used }

func tableSize(n int) int {
	size := 8
	for size*2 < n*3 {
		size <<= 1
	}
	return size
}

func newIndex(size int) []int32 {
	idx := make([]int32, size)
	for i := range idx {
		idx[i] = slotEmpty
	}
	return idx
}

// find returns the slot in the index holding key, or where it would go,
// and the entry index (-1 if absent).
func (d *Dict) find(th Thread, key Value, h int64) (slot, entry int, err error) {
	if d.index == nil {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	free := -1
	for {
		ix := d.index[i]
		switch {
		case ix == slotEmpty:
			if free >= 0 {
				return free, -1, nil
			}
			return int(i), -1, nil
		case ix == slotDeleted:
			if free < 0 {
				free = int(i)
			}
		default:
			e := &d.entries[ix]
			if e.hash == h {
				eq, err := keyEqual(th, e.key, key)
				if err != nil {
					return 0, 0, err
				}
				if eq {
					return int(i), int(ix), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// keyEqual compares dict or set keys: identity, then ==.
func keyEqual(th Thread, a, b Value) (bool, error) {
	switch a := a.(type) {
	case String:
		if b, ok := b.(String); ok {
			return a.s == b.s, nil
		}
	case Int:
		if b, ok := b.(Int); ok {
			return a == b, nil
		}
	}
	if Is(a, b) {
		return true, nil
	}
	return Equal(th, a, b)
}

// Get returns the value stored under key.
func (d *Dict) Get(th Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return nil, false, err
	}
	_, e, err := d.find(th, key, h)
	if err != nil || e < 0 {
		return nil, false, err
	}
	return d.entries[e].val, true, nil
}

// SetItem stores v under key.
func (d *Dict) SetItem(th Thread, key, v Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return d.set(th, key, h, v)
}

func (d *Dict) set(th Thread, key Value, h int64, v Value) error {
	slot, e, err := d.find(th, key, h)
	if err != nil {
		return err
	}
	if e >= 0 {
		d.entries[e].val = v
		return nil
	}
	if d.index == nil || (len(d.entries)+1)*3 > len(d.index)*2 {
		if err := d.rebuild(th, d.used+1); err != nil {
			return err
		}
		slot = d.emptySlot(h)
	}
	if len(d.entries) == cap(d.entries) {
		if d.entries, err = grow(th, d.entries, 1); err != nil {
			return err
		}
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{h, key, v})
	d.used++
	return nil
}

// rebuild compacts the entries and makes an index for at least n entries,
// reporting the new arrays to th first.
func (d *Dict) rebuild(th Thread, n int) error {
	size := tableSize(n * 2)
	bytes := int64(size) * int64(unsafe.Sizeof(int32(0)))
	compact := d.used != len(d.entries)
	if compact {
		bytes += int64(n) * int64(unsafe.Sizeof(dictEntry{}))
	}
	if err := Alloc(th, bytes); err != nil {
		return err
	}
	live := d.entries[:0]
	if compact {
		live = make([]dictEntry, 0, n)
	}
	for _, e := range d.entries {
		if e.key != nil {
			live = append(live, e)
		}
	}
	d.entries = live
	d.index = newIndex(size)
	for ix, e := range d.entries {
		d.index[d.emptySlot(e.hash)] = int32(ix)
	}
	return nil
}

// emptySlot returns the first empty slot on h's probe sequence.
func (d *Dict) emptySlot(h int64) int {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] != slotEmpty {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// Delete removes key, returning its value and whether it was present.
func (d *Dict) Delete(th Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return nil, false, err
	}
	slot, e, err := d.find(th, key, h)
	if err != nil || e < 0 {
		return nil, false, err
	}
	v := d.entries[e].val
	d.index[slot] = slotDeleted
	d.entries[e] = dictEntry{}
	d.used--
	if d.used == 0 {
		d.entries = d.entries[:0]
		d.index = newIndex(len(d.index))
	}
	return v, true, nil
}

// GetString returns the value under a str key; it never runs script code.
func (d *Dict) GetString(name string) (Value, bool) {
	v := d.getStr(name)
	return v, v != nil
}

func (d *Dict) getStr(name string) Value { return d.getStrHash(name, strHash(name)) }

// getStrHash is getStr with the hash of name computed by the caller.
func (d *Dict) getStrHash(name string, h int64) Value {
	if e := d.strEntry(name, h); e >= 0 {
		return d.entries[e].val
	}
	return nil
}

// strEntry returns the index in entries of the str key name, whose hash is
// h, or -1.
func (d *Dict) strEntry(name string, h int64) int {
	if d.index == nil {
		return -1
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		ix := d.index[i]
		if ix == slotEmpty {
			return -1
		}
		if ix >= 0 && d.hasStr(int(ix), name, h) {
			return int(ix)
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// hasStr reports whether entry e holds the str key name, whose hash is h.
func (d *Dict) hasStr(e int, name string, h int64) bool {
	en := &d.entries[e]
	if en.hash != h {
		return false
	}
	k, ok := en.key.(String)
	return ok && sameStr(k.s, name)
}

// sameStr is a == b, with no call when both hold the same bytes, as the
// names of compiled code (Intern) and those stored from them do.
func sameStr(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// SetName is SetString for an identifier in the table of a class or
// module defined in Go: the key's bytes are the one copy of name that
// compiled code's names are too (Intern), so that a lookup by the code's
// key and hint matches by pointer.
func (d *Dict) SetName(name string, v Value) { d.SetString(goName(name), v) }

// SetString stores v under a str key; it never runs script code. It
// allocates only to add a new key.
func (d *Dict) SetString(name string, v Value) {
	h := strHash(name)
	if e := d.strEntry(name, h); e >= 0 {
		d.entries[e].val = v
		return
	}
	_ = d.set(nil, MakeString(name), h, v)
}

// A Key is a str key made once for many lookups, as the names of compiled
// code are: its str value and hash are computed by MakeKey.
type Key struct {
	name string
	v    Value
	h    int64
}

// MakeKey returns name as a Key.
func MakeKey(name string) Key { return Key{name, MakeString(name), strHash(name)} }

// Name returns the key as a Go string.
func (k Key) Name() string { return k.name }

// A Hint caches where a Key was last found in a dict, so that looking it
// up again costs one comparison. Its zero value is ready to use; any value
// is safe, with any dict.
type Hint struct{ e atomic.Int32 }

// keyEntry returns the index in entries of k, or -1, trying hint first.
func (d *Dict) keyEntry(k *Key, hint *Hint) int {
	if e := int(hint.e.Load()); uint(e) < uint(len(d.entries)) && d.hasStr(e, k.name, k.h) {
		return e
	}
	e := d.strEntry(k.name, k.h)
	if e >= 0 {
		hint.e.Store(int32(e))
	}
	return e
}

// GetKey is GetString for a Key, with a hint. k is a pointer so that a
// lookup copies no Key.
func (d *Dict) GetKey(k *Key, hint *Hint) (Value, bool) {
	if e := d.keyEntry(k, hint); e >= 0 {
		return d.entries[e].val, true
	}
	return nil, false
}

// SetKey is SetItem for a Key, with a hint: it neither hashes nor
// allocates a str.
func (d *Dict) SetKey(th Thread, k Key, hint *Hint, v Value) error {
	if e := d.keyEntry(&k, hint); e >= 0 {
		d.entries[e].val = v
		return nil
	}
	return d.set(th, k.v, k.h, v)
}

// Items returns the (key, value) pairs in insertion order.
func (d *Dict) Items() []Tuple {
	items := make([]Tuple, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			items = append(items, Tuple{e.key, e.val})
		}
	}
	return items
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	keys := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			keys = append(keys, e.key)
		}
	}
	return keys
}

// Values returns the values in insertion order.
func (d *Dict) Values() []Value {
	vals := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			vals = append(vals, e.val)
		}
	}
	return vals
}

// each calls fn with the key and value of each entry in insertion order,
// until fn fails. Entries that fn adds are visited too; unlike Items,
// each allocates nothing.
func (d *Dict) each(fn func(k, v Value) error) error {
	for i := 0; i < len(d.entries); i++ {
		if e := d.entries[i]; e.key != nil {
			if err := fn(e.key, e.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// Clear removes all entries.
func (d *Dict) Clear() {
	d.entries, d.index, d.used = nil, nil, 0
}

// bytes returns the size of d's arrays.
func (d *Dict) bytes() int64 {
	return int64(len(d.entries))*int64(unsafe.Sizeof(dictEntry{})) + int64(len(d.index))*int64(unsafe.Sizeof(int32(0)))
}

// copyFor returns a shallow copy of d, its arrays reported to th first
// (see Alloc).
func (d *Dict) copyFor(th Thread) (*Dict, error) {
	if err := Alloc(th, d.bytes()); err != nil {
		return nil, err
	}
	return d.Copy(), nil
}

// Copy returns a shallow copy. Script code calls copyFor, which reports
// the copy to the memory limit first.
func (d *Dict) Copy() *Dict {
	c := &Dict{used: d.used}
	c.entries = append([]dictEntry(nil), d.entries...)
	c.index = append([]int32(nil), d.index...)
	return c
}
