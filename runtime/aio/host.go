package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// RunningLoop returns the loop running on th, or nil.
func RunningLoop(th value.Thread) *Loop { return interp(th).loop }

// Go runs fn on a new goroutine and returns a future the loop completes
// with fn's result: the way host functions do blocking work. fn must not
// touch script values other than the one it returns; an error it returns
// that is not a *value.Exception becomes a RuntimeError.
func (l *Loop) Go(fn func() (value.Value, error)) *Future {
	f := NewFuture(l)
	post := l.HostWork()
	go func() {
		v, err := fn()
		post(func() {
			if f.state != pending {
				return // cancelled meanwhile
			}
			if err == nil {
				f.SetResult(v)
				return
			}
			exc, ok := err.(*value.Exception)
			if !ok {
				exc = value.Errorf(value.RuntimeError, "%s", err.Error())
			}
			f.SetException(exc)
		})
	}()
	return f
}
