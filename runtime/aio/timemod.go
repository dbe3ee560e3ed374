package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

// timeFuncs are the functions of the time module. All read the
// interpreter's clock, so under virtual time they agree with loop.time():
// time() is the wall clock at start plus the clock's elapsed time.
var timeFuncs = map[string]builtinFunc{
	"time":         clockFunc("time", func(in *interpreter) float64 { return in.wallStart + seconds(in.clock.Now()) }),
	"monotonic":    clockFunc("monotonic", func(in *interpreter) float64 { return seconds(in.clock.Now()) }),
	"perf_counter": clockFunc("perf_counter", func(in *interpreter) float64 { return seconds(in.clock.Now()) }),
	"time_ns": nsFunc("time_ns", func(in *interpreter) int64 {
		return int64(in.wallStart*1e9) + in.clock.Now()
	}),
	"monotonic_ns":    nsFunc("monotonic_ns", func(in *interpreter) int64 { return in.clock.Now() }),
	"perf_counter_ns": nsFunc("perf_counter_ns", func(in *interpreter) int64 { return in.clock.Now() }),
	"sleep": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var secs value.Value
		if err := unpack("sleep", args, kwargs, []string{"secs"}, &secs); err != nil {
			return nil, err
		}
		s, err := toSeconds(th, secs, "<")
		if err != nil {
			return nil, err
		}
		if s < 0 {
			return nil, value.Errorf(value.ValueError, "sleep length must be non-negative")
		}
		interp(th).clock.Sleep(nanos(s))
		return value.None, nil
	},
}

func clockFunc(name string, f func(*interpreter) float64) builtinFunc {
	return func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack(name, args, kwargs, nil); err != nil {
			return nil, err
		}
		return value.Float(f(interp(th))), nil
	}
}

func nsFunc(name string, f func(*interpreter) int64) builtinFunc {
	return func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack(name, args, kwargs, nil); err != nil {
			return nil, err
		}
		return value.MakeInt(f(interp(th))), nil
	}
}
