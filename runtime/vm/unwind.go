package vm

import "github.com/asyncgen/asyncgen/runtime/value"

// dropStack clears stack slots being discarded. A temporary generator
// dropped while unfinished is finalised at once, as CPython's reference
// counting would.
func (th *Thread) dropStack(slots []value.Value) {
	for i, v := range slots {
		switch g := v.(type) {
		case *Generator:
			if g.temp {
				g.temp = false
				th.discard(g)
			}
		case *AsyncGenerator:
			if g.temp {
				g.temp = false
				th.discard(g)
			}
		}
		slots[i] = nil
	}
}

// discard finalises a generator whose last reference the VM drops (a
// temporary iterable, or a `del`): a suspended generator is closed, and a
// suspended async generator handed to the Finalize hook.
func (th *Thread) discard(v value.Value) {
	switch g := v.(type) {
	case *Generator:
		if g.core.started && !g.core.finished && !g.core.running {
			_ = g.Close(th)
		}
	case *AsyncGenerator:
		if g.core.started && !g.core.finished && th.Finalize != nil {
			th.Finalize(g)
		}
	}
}

// setContext sets exc.__context__ to the handled exception, breaking
// cycles as CPython's _PyErr_SetObject does.
func setContext(exc, handled *value.Exception) {
	if handled == nil || handled == exc {
		return
	}
	for o := handled; o.Context != nil; o = o.Context {
		if o.Context == exc {
			o.Context = nil
			break
		}
	}
	exc.Context = handled
}
