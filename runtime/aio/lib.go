package aio

import (
	_ "embed"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// The parts of asyncio and contextlib written in the language ship both
// as source (for tracebacks) and compiled (lib/*.frozen), so that an
// import parses and compiles nothing, as CPython's frozen modules.
// TestFrozenLib checks that each frozen form is the compilation of its
// source; `go test ./runtime/aio -run TestFrozenLib -update` rewrites them.
var (
	//go:embed lib/asyncio.py
	asyncioSource []byte
	//go:embed lib/asyncio.frozen
	asyncioFrozen []byte
	//go:embed lib/contextlib.py
	contextlibSource []byte
	//go:embed lib/contextlib.frozen
	contextlibFrozen []byte

	asyncioLib    = lib{"<frozen asyncio>", "lib/asyncio.frozen", asyncioSource, asyncioFrozen}
	contextlibLib = lib{"<frozen contextlib>", "lib/contextlib.frozen", contextlibSource, contextlibFrozen}
)

// lib is a library module written in the language.
type lib struct {
	filename string // as tracebacks show it
	path     string // of the frozen form, in this package
	source   []byte
	frozen   []byte
}

// exec runs the module's code in m's namespace.
func (l lib) exec(th *vm.Thread, m *value.Module) error {
	prog, err := compile.Thaw(l.frozen, l.source)
	if err != nil {
		return err
	}
	_, err = th.ExecModule(prog, m.Globals)
	return err
}

// freeze compiles the module's source into its frozen form.
func (l lib) freeze() ([]byte, error) {
	f, err := lang.Parse(l.filename, l.source)
	if err != nil {
		return nil, err
	}
	prog, err := vm.Compile(f)
	if err != nil {
		return nil, err
	}
	return compile.Freeze(prog), nil
}
