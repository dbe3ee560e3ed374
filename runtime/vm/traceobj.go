package vm

import "github.com/asyncgen/asyncgen/runtime/value"

// traceback is the traceback object passed to __exit__: the frames an
// exception went through.
type traceback struct{ frames []value.Frame }

var tracebackType = newVMClass("traceback", map[string]value.Value{
	"tb_lineno": getter("tb_lineno", func(t *traceback) value.Value {
		return value.MakeInt(int64(t.frames[len(t.frames)-1].Line))
	}),
	"tb_next": getter("tb_next", func(t *traceback) value.Value {
		if len(t.frames) < 2 {
			return value.None
		}
		return &traceback{t.frames[:len(t.frames)-1]}
	}),
})

// Type returns the traceback class.
func (t *traceback) Type() *value.Class { return tracebackType }

// tracebackOf returns exc's traceback object, or None.
func tracebackOf(exc *value.Exception) value.Value {
	if len(exc.Traceback) == 0 {
		return value.None
	}
	return &traceback{exc.Traceback}
}
