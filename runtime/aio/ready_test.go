package aio

import "testing"

// numbered is a callback that tells which one it is.
type numbered int

func (numbered) call(*Loop) error { return nil }

// TestReadyQueue checks the FIFO order of the ready queue across blocks,
// in bursts and interleaved, and that steady use and a second burst
// allocate nothing.
func TestReadyQueue(t *testing.T) {
	var q readyQueue
	next, want := 0, 0
	pop := func(k int) {
		for ; k > 0; k-- {
			if got := q.pop().(numbered); int(got) != want {
				t.Fatalf("popped %d, want %d", got, want)
			}
			want++
		}
	}
	push := func(k int) {
		for ; k > 0; k-- {
			q.push(numbered(next))
			next++
		}
	}
	push(1000) // four blocks
	pop(700)
	push(600)
	pop(q.len())
	push(3)
	pop(3)
	if q.len() != 0 || next != want {
		t.Fatalf("len %d after %d pushes and %d pops", q.len(), next, want)
	}
	var cb callback = numbered(1)
	for i := 0; i < 10; i++ {
		q.push(cb) // the queue never empties below
	}
	allocs := testing.AllocsPerRun(100, func() {
		for i := 0; i < 1000; i++ {
			q.push(cb)
			q.pop()
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per 1,000 pushes and pops", allocs)
	}
	burst := func() { // after the first, reuses the blocks
		for i := 0; i < 2000; i++ {
			q.push(cb)
		}
		for q.len() > 0 {
			q.pop()
		}
	}
	burst()
	if allocs := testing.AllocsPerRun(10, burst); allocs != 0 {
		t.Errorf("%v allocations per burst after the first", allocs)
	}
}
