package value

import "strings"

// GenericAlias is the value of a subscripted builtin class such as
// list[int], as annotations evaluate them. Calling it calls the class.
type GenericAlias struct {
	Origin *Class
	Args   Value // the subscript: one value or a tuple
}

var genericAliasType = newBuiltinClass("types.GenericAlias", ObjectType)

// Type returns types.GenericAlias.
func (*GenericAlias) Type() *Class { return genericAliasType }

// Call calls the origin class.
func (g *GenericAlias) Call(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return g.Origin.Call(th, args, kwargs)
}

// Name returns the origin class's name.
func (g *GenericAlias) Name() string { return g.Origin.Name }

// subscriptable reports whether c[...] makes a GenericAlias.
func subscriptable(c *Class) bool {
	switch c {
	case ListType, DictType, SetType, FrozenSetType, TupleType, TypeType:
		return true
	}
	return false
}

// repr is CPython's ga_repr: classes by qualified name, ... for Ellipsis.
func (g *GenericAlias) repr(th Thread) (string, error) {
	args, ok := g.Args.(Tuple)
	if !ok {
		args = Tuple{g.Args}
	}
	parts := make([]string, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case *Class:
			parts[i] = a.QualName()
		default:
			if a == Ellipsis {
				parts[i] = "..."
				continue
			}
			s, err := Repr(th, a)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
	}
	return g.Origin.QualName() + "[" + strings.Join(parts, ", ") + "]", nil
}
