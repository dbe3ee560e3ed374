package aio

import (
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// spinner is a Go coroutine that awaits asyncio.sleep(0) n times, the way
// the VM delegates an await: it stands for a script task in benchmarks.
type spinner struct {
	n     int
	inner value.Coroutine
}

func (s *spinner) Type() *value.Class                             { return CoroutineType }
func (s *spinner) Await(th value.Thread) (value.Coroutine, error) { return s, nil }
func (s *spinner) Close(th value.Thread) error                    { return nil }
func (s *spinner) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return nil, false, exc
}

func (s *spinner) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	for {
		if s.inner == nil {
			if s.n == 0 {
				return value.None, true, nil
			}
			s.n--
			sl, err := interp(th).sleep(th, []value.Value{value.MakeInt(0)}, nil)
			if err != nil {
				return nil, false, err
			}
			s.inner = sl.(value.Coroutine)
		}
		r, done, err := s.inner.Send(th, v)
		if err != nil {
			return nil, false, err
		}
		if !done {
			return r, false, nil
		}
		s.inner = nil
	}
}

// runSpinners runs tasks × switches sleep(0) switches and returns the
// number of switches.
func runSpinners(b *testing.B, tasks, switches int) {
	th := newFakeThread()
	setup(th, Options{VirtualTime: true})
	main := newFake(th, func(y *yielder) (value.Value, error) {
		aws := make([]value.Value, tasks)
		for i := range aws {
			aws[i] = &spinner{n: switches}
		}
		_, err := y.await(must(gather(th, aws, false)))
		return value.None, err
	})
	if _, err := Run(th, main); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSwitch measures one task switch through sleep(0): the loop,
// the task step and the sleep coroutine, without the VM.
func BenchmarkSwitch(b *testing.B) {
	b.ReportAllocs()
	runSpinners(b, 1000, b.N/1000+1)
}
