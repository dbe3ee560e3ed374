package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// run runs the program on a new interpreter and returns the exit
// status, reporting an uncaught exception or syntax error on stderr.
// Ctrl-C (SIGINT) and the timeout cancel the running tasks, whose
// finally blocks run, and end with KeyboardInterrupt or TimeoutError.
func (p program) run(opts runFlags, stdout, stderr io.Writer) int {
	stdout, flush := outputFor(stdout)
	defer flush()
	o := opts.options(stdout, stderr, p.argv)
	var trace *traceWriter
	if opts.trace != "" {
		trace = traceRun(&o)
	}
	in := runtime.New(o)
	ctx, stop := interruptible(opts.timeout)
	defer stop()
	done := make(chan error, 1)
	go func() {
		defer forwardPanic(done)
		_, err := in.Exec(ctx, p.name, p.src)
		done <- err
	}()
	var err error
	select {
	case err = <-done:
		in.Close()
	case <-ctx.Done():
		select {
		case err = <-done:
			in.Close()
		case <-time.After(stopGrace):
			// Spinning without awaiting: the cancellation cannot reach
			// it. Leave it to the process exit.
		}
	}
	if p, ok := err.(goPanic); ok {
		panic(p.msg) // a bug: let it reach the caller's goroutine
	}
	status := exitOK
	if err = stopped(ctx, err, opts.timeout); err != nil {
		flush()
		status = report(stderr, err, p.source())
	}
	if trace != nil {
		if err := trace.writeFile(opts.trace); err != nil {
			fmt.Fprintf(stderr, "asyncgen: --trace: %v\n", err)
			status = max(status, exitError)
		}
	}
	return status
}

// goPanic is a panic of the goroutine running a program, carried to the
// goroutine of Main.
type goPanic struct{ msg string }

func (p goPanic) Error() string { return p.msg }

// forwardPanic sends a panic of the current goroutine on done.
func forwardPanic(done chan<- error) {
	if r := recover(); r != nil {
		done <- goPanic{fmt.Sprintf("%v\n\ngoroutine running the program:\n%s", r, debug.Stack())}
	}
}

// stopGrace is how long a cancelled program may take to finish its
// clean-up before the command gives up on it.
const stopGrace = 2 * time.Second

// options are the interpreter options of the flags, for a program whose
// sys.argv is argv.
func (f runFlags) options(stdout, stderr io.Writer, argv []string) runtime.Options {
	return runtime.Options{
		Stdout:      stdout,
		Stderr:      stderr,
		VirtualTime: f.virtualTime,
		MaxSteps:    f.maxSteps,
		MaxMemory:   int64(f.maxMemory),
		Modules:     []*runtime.HostModule{sysModule(argv)},
		Globals:     map[string]any{"exit": runtime.Func(sysExit), "quit": runtime.Func(sysExit)},
	}
}

// interruptible returns a context cancelled by SIGINT, with cause
// errInterrupt, or after timeout (if not zero), with cause errTimeout.
func interruptible(timeout time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	timer := time.NewTimer(timeout)
	if timeout <= 0 {
		timer.Stop()
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			cancel(errInterrupt)
		case <-timer.C:
			cancel(errTimeout)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		timer.Stop()
		close(done)
		cancel(nil)
	}
}

// The causes of a cancelled run.
var (
	errInterrupt = errors.New("interrupted")
	errTimeout   = errors.New("timed out")
)

// stopped turns the cancellation of a run by its context into the
// exception CPython would end with: KeyboardInterrupt for Ctrl-C,
// TimeoutError naming the limit for the timeout, with the traceback of
// where the main task was waiting. The run ends with it even if the
// script swallowed the cancellation.
func stopped(ctx context.Context, err error, timeout time.Duration) error {
	var exc *value.Exception
	switch context.Cause(ctx) {
	case errInterrupt:
		exc = value.NewException(value.KeyboardInterrupt)
	case errTimeout:
		exc = value.Errorf(value.TimeoutError, "program exceeded --timeout %v", timeout)
	default:
		return err
	}
	var e *runtime.Error
	if errors.As(err, &e) && e.Exception.Class.IsSubclass(value.CancelledError) {
		exc.Traceback = e.Exception.Traceback
	}
	return exc
}
