package aio

import (
	"os"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// Each scenario builds, with fake coroutines, the program
// testdata/fake/NAME.py, whose output CPython produced (gen.sh).
var scenarios = map[string]func(th *fakeThread) value.Value{
	"reprs": func(th *fakeThread) value.Value {
		return newFake(th, func(y *yielder) (value.Value, error) {
			l := RunningLoop(th)
			show := func(v value.Value) { th.printf("%s", reprOf(th, v)) }
			print := value.NewBuiltin("print", func(value.Thread, []value.Value, []value.Kwarg) (value.Value, error) {
				return value.None, nil
			})
			f := NewFuture(l)
			show(f)
			for i := 0; i < 3; i++ {
				f.addDoneCallback(&funcCallback{print, f})
			}
			show(f)
			f.removeDoneCallback(func(callback) bool { return true })
			f.SetResult(value.MakeInt(1))
			show(f)
			f2 := NewFuture(l)
			f2.cancel(nil)
			show(f2)
			f3 := NewFuture(l)
			f3.SetException(value.Errorf(value.ValueError, "x"))
			show(f3)
			f3.Exception()
			f4 := NewFuture(l)
			f4.SetResult(str("a long string that reprlib will shorten for sure"))
			show(f4)
			return value.None, nil
		})
	},
	"gcancel": func(th *fakeThread) value.Value {
		child := func(name string, d float64) value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				if _, err := y.await(sleepV(th, d)); err != nil {
					if isCancel(err) {
						th.printf("%s cancelled", name)
					}
					return nil, err
				}
				th.printf("%s done", name)
				return str(name), nil
			})
		}
		waiter := newFake(th, func(y *yielder) (value.Value, error) {
			return y.await(must(call(th, "gather", []value.Value{child("c", 1), child("d", 0.1)},
				value.Kwarg{Name: "return_exceptions", Value: value.True})))
		})
		return newFake(th, func(y *yielder) (value.Value, error) {
			g := must(call(th, "gather", []value.Value{child("a", 1), child("b", 2)})).(futureLike)
			y.await(sleepV(th, 0.5))
			th.printf("cancel %s", pyBool(g.cancel(nil)))
			if _, err := y.await(g); isCancel(err) {
				th.printf("gather cancelled %s", reprOf(th, err.(*value.Exception)))
			}
			th.printf("%s", pyBool(g.base().Cancelled()))
			t := must(call(th, "create_task", []value.Value{waiter})).(*Task)
			y.await(sleepV(th, 0.5))
			t.cancel(nil)
			if _, err := y.await(t); isCancel(err) {
				th.printf("waiter cancelled")
			}
			return value.None, nil
		})
	},
	"leftover": func(th *fakeThread) value.Value {
		forever := newFake(th, func(y *yielder) (value.Value, error) {
			defer th.printf("x cleaned up")
			for {
				if _, err := y.await(sleepV(th, 1)); err != nil {
					return nil, err
				}
			}
		})
		boom := newFake(th, func(y *yielder) (value.Value, error) {
			y.await(sleepV(th, 0))
			return nil, value.Errorf(value.ValueError, "boom")
		})
		return newFake(th, func(y *yielder) (value.Value, error) {
			must(call(th, "create_task", []value.Value{forever}))
			must(call(th, "create_task", []value.Value{boom}))
			y.await(sleepV(th, 2.5))
			th.printf("main done %d", must(call(th, "all_tasks", nil)).(*value.Set).Len())
			return value.None, nil
		})
	},
	"sleep0": func(th *fakeThread) value.Value {
		worker := func(name string, n int) value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				for i := 0; i < n; i++ {
					th.printf("%s %d", name, i)
					if _, err := y.await(sleepV(th, 0)); err != nil {
						return nil, err
					}
				}
				th.printf("%s done", name)
				return str(name), nil
			})
		}
		return newFake(th, func(y *yielder) (value.Value, error) {
			t1 := must(call(th, "create_task", []value.Value{worker("a", 3)}))
			t2 := must(call(th, "create_task", []value.Value{worker("b", 2)}))
			th.printf("main before")
			y.await(sleepV(th, 0))
			th.printf("main after")
			th.printf("%s", must(y.await(t1)))
			th.printf("%s", must(y.await(t2)))
			th.printf("%s %s", t1.(*Task).Name(th), t2.(*Task).Name(th))
			return value.None, nil
		})
	},
	"timers": func(th *fakeThread) value.Value {
		sleeper := func(name string, d float64) value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				l, _ := runningLoop(th)
				t0 := l.Time()
				y.await(sleepV(th, d))
				th.printf("%s woke %.1f", name, seconds(l.Time()-t0))
				return value.None, nil
			})
		}
		twice := newFake(th, func(y *yielder) (value.Value, error) {
			y.await(sleepV(th, 0.2))
			th.printf("t half")
			y.await(sleepV(th, 0.2))
			th.printf("t full")
			return value.None, nil
		})
		return newFake(th, func(y *yielder) (value.Value, error) {
			var ts []value.Value
			for _, s := range []struct {
				n string
				d float64
			}{{"c", 0.3}, {"a", 0.1}, {"b", 0.2}, {"a2", 0.1}, {"z", 0}} {
				ts = append(ts, must(call(th, "create_task", []value.Value{sleeper(s.n, s.d)})))
			}
			ts = append(ts, must(call(th, "create_task", []value.Value{twice})))
			ts = append(ts, must(call(th, "create_task", []value.Value{sleeper("u", 0.4)})))
			for _, t := range ts {
				y.await(t)
			}
			th.printf("end")
			return value.None, nil
		})
	},
	"cancel": func(th *fakeThread) value.Value {
		victim := func() value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				defer th.printf("victim finally")
				th.printf("victim sleeping")
				if _, err := y.await(sleepV(th, 10)); err != nil {
					return nil, err
				}
				th.printf("not reached")
				return value.None, nil
			})
		}
		return newFake(th, func(y *yielder) (value.Value, error) {
			t := must(call(th, "create_task", []value.Value{victim()})).(*Task)
			y.await(sleepV(th, 0))
			th.printf("cancel: %v", pyBool(t.cancel(str("stop it"))))
			th.printf("cancelling: %d", t.nCancels)
			th.printf("cancel again: %v", pyBool(t.cancel(nil)))
			if _, err := y.await(t); err != nil {
				th.printf("caught %s", reprOf(th, err.(*value.Exception)))
			}
			th.printf("%s %s", pyBool(t.Cancelled()), pyBool(t.Done()))
			t2 := must(call(th, "create_task", []value.Value{victim()})).(*Task)
			t2.cancel(nil)
			if _, err := y.await(t2); err != nil {
				th.printf("caught2 %s", reprOf(th, err.(*value.Exception)))
			}
			return value.None, nil
		})
	},
	"gather": func(th *fakeThread) value.Value {
		work := func(name string, d float64, fail bool) value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				th.printf("start %s", name)
				if _, err := y.await(sleepV(th, d)); err != nil {
					return nil, err
				}
				if fail {
					return nil, value.NewException(value.ValueError, str(name))
				}
				th.printf("end %s", name)
				return str(name + name), nil
			})
		}
		return newFake(th, func(y *yielder) (value.Value, error) {
			r := must(y.await(must(call(th, "gather", []value.Value{work("a", 0.2, false), work("b", 0.1, false), work("c", 0, false)}))))
			th.printf("%s", reprOf(th, r))
			r = must(y.await(must(call(th, "gather", []value.Value{work("d", 0.1, true), work("e", 0.2, false)},
				value.Kwarg{Name: "return_exceptions", Value: value.True}))))
			th.printf("%s", reprOf(th, r))
			_, err := y.await(must(call(th, "gather", []value.Value{work("f", 0.1, true), work("g", 0.3, false)})))
			th.printf("gather raised %s", reprOf(th, err.(*value.Exception)))
			y.await(sleepV(th, 0.5))
			th.printf("%s", reprOf(th, must(y.await(must(call(th, "gather", nil))))))
			return value.None, nil
		})
	},
	"future": func(th *fakeThread) value.Value {
		printer := func(s string) value.Value {
			return value.NewBuiltin("print", func(_ value.Thread, args []value.Value, _ []value.Kwarg) (value.Value, error) {
				if len(args) == 1 {
					if f := asFuture(args[0]); f != nil {
						th.printf("%s %s", s, reprOf(th, must(f.Result())))
						return value.None, nil
					}
				}
				th.printf("%s", s)
				return value.None, nil
			})
		}
		waiter := func(name string, fut *Future) value.Value {
			return newFake(th, func(y *yielder) (value.Value, error) {
				th.printf("%s waits", name)
				v := must(y.await(fut))
				th.printf("%s got %s", name, reprOf(th, v))
				return value.None, nil
			})
		}
		return newFake(th, func(y *yielder) (value.Value, error) {
			l, _ := runningLoop(th)
			fut := NewFuture(l)
			fut.addDoneCallback(&funcCallback{printer("callback 1"), fut})
			t1 := must(call(th, "create_task", []value.Value{waiter("w1", fut)}))
			t2 := must(call(th, "create_task", []value.Value{waiter("w2", fut)}))
			fut.addDoneCallback(&funcCallback{printer("callback 2"), fut})
			y.await(sleepV(th, 0))
			must(l.schedule("call_soon", -1, false, []value.Value{printer("soon 1")}, nil))
			fut.SetResult(value.MakeInt(42))
			must(l.schedule("call_soon", -1, false, []value.Value{printer("soon 2")}, nil))
			th.printf("main set")
			y.await(t1)
			y.await(t2)
			th.printf("done")
			return value.None, nil
		})
	},
}

// realSafe lists the scenarios whose output does not depend on how
// promptly the real clock wakes the loop on a loaded machine.
var realSafe = map[string]bool{"sleep0": true, "future": true, "cancel": true, "gather": true}

func TestScenarios(t *testing.T) {
	for name, build := range scenarios {
		for _, virtual := range []bool{true, false} {
			if !virtual && (testing.Short() || !realSafe[name]) {
				continue
			}
			t.Run(name+map[bool]string{true: "/virtual", false: "/real"}[virtual], func(t *testing.T) {
				want, err := os.ReadFile("testdata/fake/" + name + ".out")
				if err != nil {
					t.Fatal(err)
				}
				th := newFakeThread()
				var stderr strings.Builder
				setup(th, Options{VirtualTime: virtual, Stderr: &stderr})
				if _, err := Run(th, build(th)); err != nil {
					t.Fatalf("Run: %v", err)
				}
				if got := th.output(); got != string(want) {
					t.Errorf("output differs from CPython's\n got:\n%s\nwant:\n%s", got, want)
				}
				if wantErr, err := os.ReadFile("testdata/fake/" + name + ".err"); err == nil {
					if got := lastLine(stderr.String()); got != strings.TrimSpace(string(wantErr)) {
						t.Errorf("last stderr line %q, want %q", got, wantErr)
					}
				}
			})
		}
	}
}

func TestVirtualClockJumps(t *testing.T) {
	th := newFakeThread()
	in := setup(th, Options{VirtualTime: true})
	main := newFake(th, func(y *yielder) (value.Value, error) {
		y.await(sleepV(th, 3600))
		return value.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	if got := in.clock.Now(); got != 3600e9+latency {
		t.Errorf("virtual clock after sleep(3600) = %vns, want 3600s + %dns", got, latency)
	}
}

func TestRunErrors(t *testing.T) {
	th := newFakeThread()
	setup(th, Options{VirtualTime: true})
	if _, err := Run(th, value.MakeInt(1)); err == nil || !strings.Contains(err.Error(), "a coroutine was expected, got 1") {
		t.Errorf("Run(1) = %v", err)
	}
	var inner error
	main := newFake(th, func(y *yielder) (value.Value, error) {
		c := newFake(th, func(y *yielder) (value.Value, error) { return value.None, nil })
		_, inner = Run(th, c)
		return value.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	if inner == nil || inner.Error() != "RuntimeError: asyncio.run() cannot be called from a running event loop" {
		t.Errorf("nested run: %v", inner)
	}
	fail := newFake(th, func(y *yielder) (value.Value, error) {
		return nil, value.Errorf(value.KeyError, "x")
	})
	if _, err := Run(th, fail); err == nil || err.Error() != "KeyError: 'x'" {
		t.Errorf("failing main: %v", err)
	}
}

func isCancel(err error) bool {
	exc, ok := err.(*value.Exception)
	return ok && exc.Class.IsSubclass(value.CancelledError)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
