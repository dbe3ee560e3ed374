package aio

import (
	"runtime"
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
			sl, err := interp(th).sleepFunc()(th, []value.Value{value.MakeInt(0)}, nil)
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

// runSpinners runs tasks × switches sleep(0) switches.
func runSpinners(b testing.TB, tasks, switches int) {
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

// TestSwitchAllocations checks that a sleep(0) task switch allocates
// nothing in steady state: a thousand times more switches make no more
// allocations than the setup's variation.
func TestSwitchAllocations(t *testing.T) {
	mallocs := func(switches int) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		runSpinners(t, 100, switches)
		runtime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs
	}
	few, many := mallocs(10), mallocs(10000)
	if per := float64(many-few) / (100 * (10000 - 10)); many > few && per > 0.001 {
		t.Errorf("%.3f allocations per switch (%d for 1,000 switches, %d for 1,000,000)", per, few, many)
	}
}

// BenchmarkSwitch measures one task switch through sleep(0): the loop,
// the task step and the sleep coroutine, without the VM.
func BenchmarkSwitch(b *testing.B) {
	b.ReportAllocs()
	runSpinners(b, 1000, b.N/1000+1)
}
