package value

// NoneType is the type of None.
type NoneType struct{}

// None is the None value.
var None Value = NoneType{}

// Type returns NoneType's class.
func (NoneType) Type() *Class { return NoneTypeType }

// Bool is a script bool: True or False.
type Bool bool

// The bool values.
const (
	True  Bool = true
	False Bool = false
)

// Type returns bool.
func (Bool) Type() *Class { return BoolType }

type ellipsis struct{}

// Type returns ellipsis.
func (ellipsis) Type() *Class { return EllipsisType }

// Ellipsis is the value of `...`.
var Ellipsis Value = ellipsis{}

type notImplemented struct{}

// Type returns NotImplementedType.
func (notImplemented) Type() *Class { return NotImplType }

// NotImplemented is returned by binary dunders that do not handle their
// operands.
var NotImplemented Value = notImplemented{}
