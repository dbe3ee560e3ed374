package runtime

import (
	"context"
	"errors"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Value is a script value. Script values belong to their interpreter:
// hand them back to its methods, and do not touch them concurrently with
// it.
type Value = value.Value

// ErrClosed is returned by the methods of a closed Interpreter.
var ErrClosed = errors.New("runtime: interpreter closed")

// Module is the namespace of a script run by Exec.
type Module struct {
	in      *Interpreter
	globals *value.Dict
}

// Get returns the script value of the global name, or nil if it is
// unset; pass it to Call or Iter, or convert it with Interpreter.Go.
func (m *Module) Get(name string) Value {
	var v Value
	m.in.do(context.Background(), func() error {
		v, _ = m.globals.GetString(name)
		return nil
	})
	return v
}

// Names returns the module's global names in definition order.
func (m *Module) Names() []string {
	var names []string
	m.in.do(context.Background(), func() error {
		for _, k := range m.globals.Keys() {
			if s, ok := k.(value.String); ok {
				names = append(names, s.String())
			}
		}
		return nil
	})
	return names
}

// Exec parses, compiles and runs src as the module __main__ in a fresh
// namespace, and returns that namespace. A module with top-level await
// runs as the main task of an event loop, as asyncio.run would run it:
// when Exec returns, the tasks it left have been cancelled and its async
// generators closed. After Start it runs as a task of the background loop
// instead, and what it leaves keeps running.
//
// A syntax error is a *lang.Error; a script exception an *Error (the
// returned Module then holds the globals set before it); a limit a
// *LimitError. Cancelling ctx cancels the script's tasks at their awaits
// (their finally blocks run) and the error wraps ctx.Err(); code still
// running 100ms later is stopped (see the package documentation).
func (in *Interpreter) Exec(ctx context.Context, filename string, src []byte) (*Module, error) {
	prog, err := compileSource(filename, src)
	if err != nil {
		return nil, err
	}
	in.addSource(filename, src)
	m := &Module{in: in, globals: value.NewDict(0)}
	err = in.run(ctx, &funcs{startFn: func() (Value, error) {
		return in.th.ExecModule(prog, m.globals)
	}})
	return m, err
}

// Go converts a script value to Go as Call's results are (see the
// package documentation).
func (in *Interpreter) Go(v Value) any {
	var out any
	in.do(context.Background(), func() error {
		out = toGo(v)
		return nil
	})
	return out
}

// compileSource parses and compiles a file.
func compileSource(filename string, src []byte) (*compile.Program, error) {
	f, err := lang.Parse(filename, src)
	if err != nil {
		return nil, err
	}
	return vm.Compile(f)
}
