package runtime_test

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime"
)

// outcome is how a bounded run of a script ended.
type outcome struct {
	err     error         // Exec's error, or what after returned
	elapsed time.Duration // from Exec to its return
	hung    bool          // Exec did not return in time
}

// bounded runs src in a new interpreter configured by opts, as a host
// running an untrusted script would: Exec gets a context that expires
// after deadline, then after (if not nil) uses the module, and the
// interpreter is closed. A run that has not returned hangAfter past the
// deadline is reported as hung and abandoned.
func bounded(t testing.TB, opts runtime.Options, src []byte, deadline, hangAfter time.Duration,
	after func(context.Context, *runtime.Interpreter, *runtime.Module) error) outcome {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	in := runtime.New(opts)
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		m, err := in.Exec(ctx, "script.agen", src)
		out := outcome{err: err, elapsed: time.Since(start)}
		if err == nil && after != nil {
			out.err = after(ctx, in, m)
		}
		in.Close()
		done <- out
	}()
	select {
	case out := <-done:
		return out
	case <-time.After(deadline + hangAfter):
		return outcome{hung: true, elapsed: time.Since(start)}
	}
}

// unexpected describes what is wrong with the outcome of running src, or
// returns "": a hang, an internal error, or an error of another type than
// the API documents.
func (o outcome) unexpected(src string) string {
	if o.hung {
		return fmt.Sprintf("hang: no return after %v", o.elapsed)
	}
	var (
		se *lang.Error
		le *runtime.LimitError
		re *runtime.Error
	)
	switch err := o.err; {
	case err == nil, errors.As(err, &se), errors.As(err, &le):
		return ""
	case errors.As(err, &re):
		if re.Type == "SystemError" && !strings.Contains(src, "SystemError") {
			return "internal error: " + re.Traceback()
		}
		return ""
	case errors.Is(err, context.DeadlineExceeded):
		return ""
	default:
		return fmt.Sprintf("error of type %T: %v", err, err)
	}
}

// goroutines returns the number of goroutines.
func goroutines() int { return goruntime.NumGoroutine() }

// settle waits up to two seconds for the number of goroutines to fall to
// at most want, and returns the last count and whether it did.
func settle(want int) (int, bool) {
	n := goroutines()
	for end := time.Now().Add(2 * time.Second); n > want && time.Now().Before(end); n = goroutines() {
		time.Sleep(5 * time.Millisecond)
	}
	return n, n <= want
}
