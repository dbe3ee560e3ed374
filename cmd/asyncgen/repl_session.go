package main

import (
	"context"
	"errors"
	"io"
	"math/big"
	"strings"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// A session is the interpreter behind the REPL. Its event loop runs in
// the background for the whole session (runtime.Interpreter.Start), so
// tasks started at one prompt keep running while the user types.
type session struct {
	in        *runtime.Interpreter
	interrupt chan struct{} // Ctrl-C while an input runs
}

// completeHook is the host function the completer calls through Eval, so
// that it inspects script values on the loop goroutine.
const completeHook = "__complete__"

// newSession starts a session.
func newSession(opts runFlags, stdout, stderr io.Writer) (*session, error) {
	o := opts.options(stdout, stderr, []string{""})
	o.Globals[completeHook] = runtime.Func(attrsOf)
	s := &session{in: runtime.New(o), interrupt: make(chan struct{}, 1)}
	if err := s.in.Start(); err != nil {
		return nil, err
	}
	return s, nil
}

// run runs one input and returns its error report, as CPython's REPL
// prints it, or "". Ctrl-C cancels the input's task; the cancellation
// shows as KeyboardInterrupt; an input computing without awaiting is
// stopped by the runtime shortly after. exit is set when the input raised
// SystemExit, which ends the REPL with status.
func (s *session) run(src string) (rep string, exit bool, status int) {
	select {
	case <-s.interrupt: // a Ctrl-C from before the input
	default:
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-s.interrupt:
			cancel()
		case <-done:
		}
	}()
	err := s.in.ExecInteractive(ctx, []byte(src))
	var b strings.Builder
	var e *runtime.Error
	switch {
	case err == nil:
	case errors.As(err, &e) && errors.Is(err, context.Canceled):
		text := strings.TrimSuffix(e.Traceback(), "\n")
		b.WriteString(text[:strings.LastIndexByte(text, '\n')+1] + "KeyboardInterrupt\n")
	case errors.Is(err, context.Canceled): // stopped computing without awaiting
		b.WriteString("KeyboardInterrupt\n")
	default:
		status = report(&b, err, nil)
		var limit *runtime.LimitError
		exit = e != nil && e.Exception.Class.IsSubclass(value.SystemExit) ||
			errors.As(err, &limit) // the limits hold for the session's life
	}
	return b.String(), exit, status
}

// complete returns the completions of a dotted name (see completions).
func (s *session) complete(prefix string) []string {
	dot := strings.LastIndexByte(prefix, '.')
	expr := "list(globals())"
	if dot >= 0 {
		expr = completeHook + "(" + prefix[:dot] + ")"
	}
	names, err := s.in.Eval(context.Background(), expr)
	if err != nil {
		return nil
	}
	list, _ := names.([]any)
	return completions(list, prefix)
}

// quit ends the session as asyncio.run ends: the tasks left are
// cancelled (their finally blocks run) and async generators closed.
func (s *session) quit() error { return s.in.Close() }

// attrsOf is the completion hook: it lists the attributes of its
// argument found in its dictionaries and its class's. It runs on the
// loop goroutine; values the runtime converted to Go stand for their
// builtin class.
func attrsOf(args []any) (any, error) {
	if len(args) != 1 {
		return nil, errors.New("one argument expected")
	}
	var names []string
	switch v := args[0].(type) {
	case *value.Instance:
		names = dictNames(v.Dict)
	case *value.Module:
		names = dictNames(v.Globals)
	case *value.Class:
		names = classNames(v)
	}
	names = append(names, classNames(classOf(args[0]))...)
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out, nil
}

// classOf returns the class of a value as the runtime hands it to a host
// function.
func classOf(x any) *value.Class {
	switch x := x.(type) {
	case nil:
		return value.NoneTypeType
	case bool:
		return value.BoolType
	case int64, *big.Int:
		return value.IntType
	case float64:
		return value.FloatType
	case string:
		return value.StrType
	case []any:
		return value.ListType
	case map[string]any:
		return value.DictType
	case value.Value:
		return x.Type()
	}
	return value.ObjectType
}

// classNames lists the attributes of c and its bases.
func classNames(c *value.Class) []string {
	var names []string
	for k := c; k != nil; k = k.Base {
		names = append(names, dictNames(k.Dict)...)
	}
	return names
}

// dictNames lists the string keys of d.
func dictNames(d *value.Dict) []string {
	if d == nil {
		return nil
	}
	var names []string
	for _, k := range d.Keys() {
		if s, ok := k.(value.String); ok {
			names = append(names, s.String())
		}
	}
	return names
}
