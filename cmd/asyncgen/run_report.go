package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

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
	var b strings.Builder
	prev := ""
	for _, l := range strings.SplitAfter(text, "\n") {
		if !strings.HasPrefix(prev, `  File "<`) || !strings.HasPrefix(l, "    ") {
			b.WriteString(l)
		}
		prev = l
	}
	return b.String()
}
