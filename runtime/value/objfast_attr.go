package value

// GetAttrKey is GetAttr with the name as a Key and a hint of where
// instances keep it: an attribute of an instance of a script class that
// no data descriptor of its class intercepts is read without hashing,
// and so is an attribute of its class that the instance does not shadow.
// No attribute is hashed again.
func GetAttrKey(th Thread, v Value, k Key, hint *Hint) (Value, error) {
	if o, ok := v.(*Instance); ok && o.Dict != nil {
		if attr := o.Class.attrOf(k); attr == nil || !interceptsGet(attr) {
			if x, ok := o.Dict.GetKey(&k, hint); ok {
				return x, nil
			}
			if attr != nil && k.name != "__dict__" {
				return descriptorGet(th, attr, o, o.Class)
			}
		}
	}
	return getAttrHash(th, v, k.name, k.h)
}

// SetAttrKey is SetAttr with the name as a Key and a hint of where
// instances keep it.
func SetAttrKey(th Thread, v Value, k Key, hint *Hint, x Value) error {
	if o, ok := v.(*Instance); ok && o.Dict != nil && o.Class.userSetattr() == nil {
		if attr := o.Class.attrOf(k); attr == nil || !interceptsSet(attr) {
			if err := o.Dict.SetKey(th, k, hint, x); err != nil {
				return err
			}
			o.Class.noteAttrs(o.Dict.used)
			return nil
		}
	}
	return SetAttr(th, v, k.name, x)
}

// interceptsGet reports whether a class attribute takes precedence over
// an instance attribute of its name when read, as GetAttr decides.
func interceptsGet(attr Value) bool {
	_, ok := attr.(*Property)
	return ok || isDataDescriptor(attr)
}

// interceptsSet reports whether a class attribute handles stores to its
// name, as SetAttr decides.
func interceptsSet(attr Value) bool {
	_, ok := attr.(*Property)
	return ok || hasDunder(attr, "__set__")
}

// LookupKey is Lookup for a Key.
func (c *Class) LookupKey(k Key) Value { return c.lookupHash(k.name, k.h) }
