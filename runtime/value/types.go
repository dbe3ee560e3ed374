package value

// The builtin classes.
var (
	ObjectType       = &Class{Name: "object", Module: "builtins", Dict: NewDict(0)}
	TypeType         = newBuiltinClass("type", ObjectType)
	NoneTypeType     = newBuiltinClass("NoneType", ObjectType)
	IntType          = newBuiltinClass("int", ObjectType)
	BoolType         = newBuiltinClass("bool", IntType)
	FloatType        = newBuiltinClass("float", ObjectType)
	StrType          = newBuiltinClass("str", ObjectType)
	ListType         = newBuiltinClass("list", ObjectType)
	TupleType        = newBuiltinClass("tuple", ObjectType)
	DictType         = newBuiltinClass("dict", ObjectType)
	SetType          = newBuiltinClass("set", ObjectType)
	FrozenSetType    = newBuiltinClass("frozenset", ObjectType)
	RangeType        = newBuiltinClass("range", ObjectType)
	SliceType        = newBuiltinClass("slice", ObjectType)
	BuiltinType      = newBuiltinClass("builtin_function_or_method", ObjectType)
	MethodType       = newBuiltinClass("method", ObjectType)
	ModuleType       = newBuiltinClass("module", ObjectType)
	PropertyType     = newBuiltinClass("property", ObjectType)
	StaticMethodType = newBuiltinClass("staticmethod", ObjectType)
	ClassMethodType  = newBuiltinClass("classmethod", ObjectType)
	SuperType        = newBuiltinClass("super", ObjectType)
	EllipsisType     = newBuiltinClass("ellipsis", ObjectType)
	NotImplType      = newBuiltinClass("NotImplementedType", ObjectType)
)
