package value

// Class is a class: a builtin type such as int or a user-defined class.
// Classes are values; calling one makes an instance.
type Class struct {
	Name   string
	Module string // "builtins" for builtin types, "__main__" for script classes
	Base   *Class // the single base class; nil only for object
	// Dict holds the class attributes in definition order.
	Dict *Dict
}
