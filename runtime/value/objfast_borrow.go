package value

// BorrowingBuiltins is Builtins with its builtin functions marked as
// keeping no reference to their args slice (Builtin.Borrows), which none
// of them does: the VM calls them with its value stack.
func BorrowingBuiltins() map[string]Value {
	m := Builtins()
	for name := range builtinFuncs {
		if b, ok := m[name].(*Builtin); ok {
			b.borrows = true
		}
	}
	return m
}
