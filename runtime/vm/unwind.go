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

// raiseHow tells how an instruction raised its error, which decides the
// exception's context and traceback entry.
type raiseHow uint8

const (
	howRaised   raiseHow = iota // raised by an operation
	howReraise                  // re-raised: no traceback entry, no context
	howExplicit                 // raised by a raise statement
	howThrown                   // thrown into a suspended generator
)

// unwind handles err, raised by the instruction before pc with fr.how
// telling how: it sets the exception's context, adds the frame to its
// traceback and finds the handler. It returns the handler's pc and stack
// pointer, with the exception pushed; when no handler covers the
// instruction (or err is a limit), it empties the stack and returns the
// error for the frame to raise.
func (th *Thread) unwind(fr *frame, err error, pc, sp int) (int, int, error) {
	how := fr.how
	fr.how = howRaised
	s, code, base := fr.slots, fr.p.code, int(fr.base)
	exc, ok := err.(*value.Exception)
	if !ok {
		if _, fatal := err.(*LimitError); fatal {
			th.dropStack(s[base:sp])
			return pc, base, err
		}
		exc = value.Errorf(value.SystemError, "%v", err)
	}
	switch {
	case how == howThrown:
		// Only the generator's own handled exception becomes the
		// context (CPython's _PyErr_ChainStackItem).
		setContext(exc, th.ei.exc)
	case how == howReraise:
	case how == howExplicit || len(exc.Traceback) == 0:
		setContext(exc, th.handled())
	}
	if how != howReraise {
		exc.Traceback = append(exc.Traceback, value.Frame{Filename: code.Filename, Func: code.Name, Line: code.LineAt(pc - 1)})
	}
	h := code.Handler[pc-1]
	if h < 0 {
		th.dropStack(s[base:sp])
		return pc, base, exc
	}
	hd := code.Handlers[h]
	nsp := base + hd.Depth
	th.dropStack(s[nsp:sp])
	s[nsp] = exc
	return hd.Target, nsp + 1, nil
}
