package value

// List is a script list.
type List struct {
	Elems []Value
	ext   *ext // for instances of script subclasses of list
}

// NewList returns a list holding elems (not copied).
func NewList(elems []Value) *List { return &List{Elems: elems} }

// Type returns list.
func (l *List) Type() *Class { return l.ext.class(ListType) }

// Append adds v at the end. It does not report a larger array to a
// memory limit: call Grow first.
func (l *List) Append(v Value) { l.Elems = append(l.Elems, v) }

// Grow makes room for n more items, reporting a larger array to th
// before allocating it (see Grow); it fails with MemoryError over the
// memory limit, leaving l as it was. With room already, it costs one
// comparison.
func (l *List) Grow(th Thread, n int) error {
	if cap(l.Elems)-len(l.Elems) >= n {
		return nil
	}
	return l.grow(th, n)
}

// grow is the slow path of Grow, kept out of line so that Grow inlines.
//
//go:noinline
func (l *List) grow(th Thread, n int) error {
	e, err := grow(th, l.Elems, n)
	l.Elems = e
	return err
}

// Tuple is a script tuple.
type Tuple []Value

// Type returns tuple.
func (Tuple) Type() *Class { return TupleType }

// EmptyTuple is ().
var EmptyTuple = Tuple{}

// Range is a script range object.
type Range struct {
	Start, Stop, Step int64
}

// Type returns range.
func (*Range) Type() *Class { return RangeType }

// Len returns the number of items.
// The differences are computed unsigned: they may exceed the int64 range
// although the length does not.
func (r *Range) Len() int64 {
	if r.Step > 0 && r.Start < r.Stop {
		return int64(1 + (uint64(r.Stop)-1-uint64(r.Start))/uint64(r.Step))
	}
	if r.Step < 0 && r.Start > r.Stop {
		return int64(1 + (uint64(r.Start)-1-uint64(r.Stop))/(-uint64(r.Step)))
	}
	return 0
}

// Slice is a slice object, the key of a[i:j:k]. Absent parts are None.
type Slice struct {
	Start, Stop, Step Value
}

// Type returns slice.
func (*Slice) Type() *Class { return SliceType }

// Module is a module object; attribute access reads Globals.
type Module struct {
	Name    string
	Globals *Dict
}

// Type returns module.
func (*Module) Type() *Class { return ModuleType }

// Instance is an instance of a script class that derives from object.
type Instance struct {
	Class *Class
	Dict  *Dict // attributes
}

// Type returns the instance's class.
func (o *Instance) Type() *Class { return o.Class }
