package aio

import (
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// With host work pending, the virtual clock follows real time instead of
// jumping, so a long sleep does not overtake a host result.
func TestHostWorkVirtual(t *testing.T) {
	th := newFakeThread()
	setup(th, Options{VirtualTime: true})
	main := newFake(th, func(y *yielder) (value.Value, error) {
		sleeper := newFake(th, func(y *yielder) (value.Value, error) {
			y.await(sleepV(th, 10))
			th.printf("sleeper woke")
			return value.None, nil
		})
		s := must(call(th, "create_task", []value.Value{sleeper}))
		l := RunningLoop(th)
		f := l.Go(func() (value.Value, error) {
			time.Sleep(20 * time.Millisecond)
			return value.MakeInt(7), nil
		})
		th.printf("host result %s", reprOf(th, must(y.await(f))))
		failing := l.Go(func() (value.Value, error) { return nil, value.Errorf(value.ValueError, "bad") })
		if _, err := y.await(failing); err != nil {
			th.printf("host error %s", err)
		}
		y.await(s)
		return value.None, nil
	})
	start := time.Now()
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	want := "host result 7\nhost error ValueError: bad\nsleeper woke\n"
	if got := th.output(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("virtual run took %v", el)
	}
}

// A loop where every task waits and nothing can wake them reports a
// deadlock instead of hanging.
func TestDeadlock(t *testing.T) {
	th := newFakeThread()
	setup(th, Options{VirtualTime: true})
	main := newFake(th, func(y *yielder) (value.Value, error) {
		_, err := y.await(NewFuture(RunningLoop(th)))
		return nil, err
	})
	_, err := Run(th, main)
	if err == nil || err.Error() != "RuntimeError: event loop deadlock: every task is waiting and nothing can wake them" {
		t.Errorf("got %v", err)
	}
}
