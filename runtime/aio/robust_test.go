package aio

import (
	"fmt"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// TestNoPanics calls every Go function and method of the modules with
// odd arguments, inside and outside a running loop: each must return a
// value or a script exception, never panic.
func TestNoPanics(t *testing.T) {
	th := newFakeThread()
	var stderr strings.Builder
	in := setup(th, Options{VirtualTime: true, Stderr: &stderr})
	odd := func() [][]value.Value {
		return [][]value.Value{
			nil,
			{value.None},
			{value.MakeInt(-1)},
			{value.Float(1e300)},
			{str("x")},
			{value.NewList(nil)},
			{value.MakeInt(0), value.None},
			{value.MakeInt(1), value.MakeInt(2), value.MakeInt(3)},
			{value.NewBuiltin("f", func(value.Thread, []value.Value, []value.Kwarg) (value.Value, error) { return value.None, nil })},
			{newFake(th, func(y *yielder) (value.Value, error) { return value.None, nil })},
		}
	}
	kwsets := [][]value.Kwarg{nil, {{Name: "name", Value: str("n")}}, {{Name: "bogus", Value: value.None}}}
	try := func(what string, fn func() (value.Value, error)) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panicked: %v", what, r)
			}
		}()
		fn()
	}
	exercise := func() {
		l := RunningLoop(th)
		receivers := []value.Value{value.MakeInt(1), in.newSleep0(value.None)}
		if l != nil {
			f := NewFuture(l)
			receivers = append(receivers, f, l, must(interp(th).sleepFunc()(th, []value.Value{value.Float(1)}, nil)))
			tk := newTask(l, newFake(th, func(y *yielder) (value.Value, error) { return value.None, nil }), nil)
			receivers = append(receivers, tk)
			h, _ := l.schedule("call_soon", -1, false, []value.Value{value.NewBuiltin("f", func(value.Thread, []value.Value, []value.Kwarg) (value.Value, error) { return value.None, nil })}, nil)
			receivers = append(receivers, h)
		}
		for name, fn := range asyncioFuncs {
			if name == "run" {
				continue
			}
			for _, args := range odd() {
				for _, kws := range kwsets {
					try(fmt.Sprintf("asyncio.%s%v", name, args), func() (value.Value, error) { return fn(th, args, kws) })
				}
			}
		}
		for name, fn := range timeFuncs {
			if name == "sleep" {
				continue
			}
			for _, args := range odd() {
				try("time."+name, func() (value.Value, error) { return fn(th, args, nil) })
			}
		}
		for _, cls := range []*value.Class{FutureType, TaskType, LoopType, HandleType, TimerType, CoroutineType, WrapperType} {
			for _, k := range cls.Dict.Keys() {
				name := k.(value.String).String()
				if name == "run_until_complete" {
					continue
				}
				m, _ := cls.Dict.GetString(name)
				for _, recv := range receivers {
					for _, args := range odd() {
						try(cls.Name+"."+name, func() (value.Value, error) {
							return m.(*method).Call(th, append([]value.Value{recv}, args...), nil)
						})
					}
				}
			}
		}
	}
	exercise()
	main := newFake(th, func(y *yielder) (value.Value, error) {
		exercise()
		return value.None, nil
	})
	try("run", func() (value.Value, error) { return Run(th, main) })
}
