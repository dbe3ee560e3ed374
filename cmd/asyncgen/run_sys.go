package main

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// sysModule is the sys module the command gives its programs (the
// runtime has none): argv, the program name and its arguments as
// CPython sets them ("-c" for a string, "-" for stdin, "" in the REPL),
// and exit, which raises SystemExit.
func sysModule(argv []string) *runtime.HostModule {
	args := make([]any, len(argv))
	for i, a := range argv {
		args[i] = a
	}
	return &runtime.HostModule{Name: "sys", Members: map[string]any{
		"argv": args,
		"exit": runtime.Func(sysExit),
	}}
}

// sysExit is sys.exit([code]), and also the builtins exit and quit that
// CPython's site module adds.
func sysExit(args []any) (any, error) {
	var exc *value.Exception
	switch len(args) {
	case 0:
		exc = value.NewException(value.SystemExit)
	case 1:
		exc = value.NewException(value.SystemExit, exitCode(args[0]))
	default:
		return nil, value.Errorf(value.TypeError, "exit expected at most 1 argument, got %d", len(args))
	}
	return nil, exc
}

// exitCode turns sys.exit's argument, as the runtime hands it to a host
// function, back into a script value: None, an int, a string, or the
// value itself when it was not converted.
func exitCode(x any) value.Value {
	switch x := x.(type) {
	case nil:
		return value.None
	case int64:
		return value.MakeInt(x)
	case string:
		return value.MakeString(x)
	case value.Value:
		return x
	}
	return value.MakeString(fmt.Sprint(x))
}
