package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Exit statuses, as CPython's.
const (
	exitOK        = 0
	exitError     = 1   // uncaught exception, syntax error, unreadable file
	exitUsage     = 2   // bad command line
	exitInterrupt = 130 // killed by SIGINT (128 + 2)
)

// runUsage is the help of `asyncgen run`.
const runUsage = `usage: asyncgen run [flags] FILE [ARG...]
       asyncgen run [flags] -c CODE [ARG...]
       asyncgen run [flags] - [ARG...]

Runs a program: FILE, the string CODE, or the program read from stdin
(-). A module with top-level await runs as the main task of an event
loop, as asyncio.run would. Flags come before FILE; -- ends them.

flags:
`

// runCmd is `asyncgen run [flags] FILE|-c CODE|- [ARG...]`.
func runCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runArgs("run", args, stdin, stdout, stderr)
}

// defaultCmd is asyncgen without a sub-command: it runs a program as run
// does, but with no program named it starts the REPL when stdin is a
// terminal and runs the program piped to stdin otherwise.
func defaultCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runArgs("", args, stdin, stdout, stderr)
}

// runArgs parses the flags and program of run (cmd "run") or of the
// bare command (cmd ""), then runs the program.
func runArgs(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet(cmd)
	var opts runFlags
	opts.register(fs)
	code := fs.String("c", "", "run `CODE` instead of a file")
	usage := runUsage
	if cmd == "" {
		usage = help
	}
	if status, ok := parseArgs(fs, args, usage, stdout, stderr); !ok {
		return status
	}
	file := "-"
	switch {
	case isFlagSet(fs, "c"):
		p := program{name: "<string>", src: []byte(*code), argv: append([]string{"-c"}, fs.Args()...)}
		return p.run(opts, stdout, stderr)
	case fs.NArg() > 0:
		file = fs.Arg(0)
	case cmd == "run":
		return usageError(stderr, "run", "missing FILE")
	case isTerminal(stdin) && (opts.timeout != 0 || opts.trace != ""):
		return usageError(stderr, cmd, "--timeout and --trace apply to programs, not to the REPL")
	case isTerminal(stdin):
		return repl(opts, stdin, stdout, stderr)
	}
	p, err := readProgram(file, stdin)
	switch {
	case err != nil && cmd == "" && looksLikeCommand(file):
		fmt.Fprintf(stderr, "asyncgen: unknown command %q and no such file (asyncgen help for the commands)\n", file)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return exitUsage
	}
	p.argv = fs.Args()
	if len(p.argv) == 0 {
		p.argv = []string{""} // a piped stdin
	}
	return p.run(opts, stdout, stderr)
}

// looksLikeCommand reports whether a missing file was more likely meant
// as a sub-command: a plain word, with no dot or slash.
func looksLikeCommand(file string) bool {
	return !strings.ContainsAny(file, "./\\")
}

// A program is the source of a script, the name its tracebacks show and
// its sys.argv. Tracebacks quote source lines only from files, as
// CPython's do.
type program struct {
	name string
	src  []byte
	file bool
	argv []string
}

// readProgram reads the program in file, or stdin when file is "-".
func readProgram(file string, stdin io.Reader) (program, error) {
	if file == "-" {
		src, err := io.ReadAll(stdin)
		return program{name: "<stdin>", src: src}, err
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return program{}, fmt.Errorf("can't open file %q: %v", file, unwrapPathError(err))
	}
	return program{name: file, src: src, file: true}, nil
}

// unwrapPathError drops the operation and path of an *os.PathError, which
// the caller already names.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// source returns the function giving the text of the program's file for
// tracebacks, or nil when the program is not a file.
func (p program) source() func(string) []byte {
	if !p.file {
		return nil
	}
	return func(filename string) []byte {
		if filename == p.name {
			return p.src
		}
		return nil
	}
}

// run runs the program on a new interpreter and returns the exit
// status, reporting an uncaught exception or syntax error on stderr.
// Ctrl-C (SIGINT) and the timeout cancel the running tasks, whose
// finally blocks run, and end with KeyboardInterrupt or TimeoutError.
func (p program) run(opts runFlags, stdout, stderr io.Writer) int {
	stdout, flush := outputFor(stdout)
	defer flush()
	o := opts.options(stdout, stderr)
	o.Modules = append(o.Modules, sysModule(p.argv))
	var trace *traceWriter
	if opts.trace != "" {
		trace = newTraceWriter()
		o.Clock = tracedClock(opts.virtualTime, trace)
	}
	in := runtime.New(o)
	ctx, stop := interruptible(opts.timeout)
	defer stop()
	done := make(chan error, 1)
	go func() {
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

// stopGrace is how long a cancelled program may take to finish its
// clean-up before the command gives up on it.
const stopGrace = 2 * time.Second

// options are the interpreter options of the flags.
func (f runFlags) options(stdout, stderr io.Writer) runtime.Options {
	return runtime.Options{
		Stdout:      stdout,
		Stderr:      stderr,
		VirtualTime: f.virtualTime,
		MaxSteps:    f.maxSteps,
		MaxMemory:   int64(f.maxMemory),
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

// report prints an error that ended a program as CPython would and
// returns the exit status that goes with it: a SystemExit's code, 130
// for KeyboardInterrupt, 1 otherwise. Tracebacks show source lines read
// through source; none when it is nil (a program that is not a file).
func report(stderr io.Writer, err error, source func(string) []byte) int {
	var exc *value.Exception
	status := exitError
	switch e := err.(type) {
	case *runtime.Error:
		text := e.Traceback()
		if source == nil {
			text = withoutSource(text)
		}
		fmt.Fprint(stderr, text)
		exc, status = e.Exception, e.ExitStatus()
	case *value.Exception:
		vm.FormatException(stderr, e, source)
		exc = e
	case *lang.Error:
		fmt.Fprint(stderr, e.Report())
	case *runtime.LimitError:
		fmt.Fprintf(stderr, "asyncgen: %s\n", e.Msg)
	default:
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
	}
	if exc != nil && exc.Class.IsSubclass(value.KeyboardInterrupt) {
		return exitInterrupt
	}
	return status
}

// withoutSource removes from a traceback the source lines under the
// frames of files in angle brackets (<string>, <stdin>), which CPython
// cannot quote.
func withoutSource(text string) string {
	lines := strings.SplitAfter(text, "\n")
	out := lines[:0]
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(lines[i-1], `  File "<`) && strings.HasPrefix(l, "    ") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}
