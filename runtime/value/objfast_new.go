package value

// An instance of a script class is made in one allocation with its
// attribute dictionary and room for the attributes its class's instances
// have had so far (Class.attrs): a Vec whose __init__ sets x and y costs
// one allocation, not five (instance, dict, index, two entry arrays).

// maxInlineAttrs is the most attributes an instance is made with room for.
const maxInlineAttrs = 10

type instance0 struct {
	o Instance
	d Dict
}

type instance2 struct {
	o  Instance
	d  Dict
	e  [2]dictEntry
	ix [8]int32
}

type instance5 struct {
	o  Instance
	d  Dict
	e  [5]dictEntry
	ix [8]int32
}

type instance10 struct {
	o  Instance
	d  Dict
	e  [maxInlineAttrs]dictEntry
	ix [16]int32
}

// newInstance returns an instance of cls with an empty dictionary that
// has room for cls.attrs attributes.
func newInstance(cls *Class) *Instance {
	switch n := cls.attrs; {
	case n == 0:
		b := &instance0{}
		return b.o.init(cls, &b.d, nil, nil)
	case n <= 2:
		b := &instance2{}
		return b.o.init(cls, &b.d, b.e[:0], b.ix[:])
	case n <= 5:
		b := &instance5{}
		return b.o.init(cls, &b.d, b.e[:0], b.ix[:])
	default:
		b := &instance10{}
		return b.o.init(cls, &b.d, b.e[:0], b.ix[:])
	}
}

// init sets up o, an instance of cls, with the empty dictionary d using
// the given arrays (nil for none).
func (o *Instance) init(cls *Class, d *Dict, entries []dictEntry, index []int32) *Instance {
	d.use(entries, index)
	o.Class, o.Dict = cls, d
	return o
}

// noteAttrs records that an instance of c has n attributes, so that the
// next instances are made with room for them. Only script classes learn:
// classes defined in Go are shared by the interpreters of the process.
func (c *Class) noteAttrs(n int) {
	if n > c.attrs && n <= maxInlineAttrs && c.mutable {
		c.attrs = n
	}
}

// NewInstance returns a new instance of c and the script __init__ to run
// on it (nil when c has none) when calling c makes a plain Instance: c is
// a script class whose only builtin base is object. Otherwise it returns
// nil, nil and the caller calls c.
func (c *Class) NewInstance() (*Instance, Value) {
	if !c.mutable {
		return nil, nil
	}
	h := c.classHooks()
	if !h.plain {
		return nil, nil
	}
	return newInstance(c), h.init
}

// CheckInit returns the error of an __init__ that returned r.
func CheckInit(r Value) error {
	if r != None {
		return Errorf(TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return nil
}
