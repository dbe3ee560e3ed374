package value

// Float is a script float.
type Float float64

// Type returns float.
func (Float) Type() *Class { return FloatType }
