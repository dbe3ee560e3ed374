package vm

import "github.com/asyncgen/asyncgen/runtime/value"

// special looks up a special method as CPython does: on the type, not on
// the object, and bound to the object. It returns nil when the type has
// none.
func special(th *Thread, v value.Value, name string) (value.Value, error) {
	var cls *value.Class
	switch x := v.(type) {
	case *value.Instance:
		cls = x.Class
	case *value.Exception:
		cls = x.Class
	case *value.Class:
		return nil, nil
	default:
		m, err := value.GetAttr(th, v, name)
		if err != nil && isAttributeError(err) {
			return nil, nil
		}
		return m, err
	}
	attr := cls.Lookup(name)
	if d, ok := attr.(value.Descriptor); ok {
		return d.Get(th, v, cls)
	}
	return attr, nil
}

// callSpecial calls the special method name of v; ok is false when v's
// type has none.
func callSpecial(th *Thread, v value.Value, name string) (r value.Value, ok bool, err error) {
	m, err := special(th, v, name)
	if m == nil || err != nil {
		return nil, false, err
	}
	r, err = value.Call(th, m, nil, nil)
	return r, true, err
}
