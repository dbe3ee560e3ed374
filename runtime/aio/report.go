package aio

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// report writes an error report on stderr, as the loop's default
// exception handler logs: the message, "key: value" lines, the traceback.
func (l *Loop) report(message string, exc *value.Exception, lines []string) {
	var b strings.Builder
	b.WriteString(message)
	b.WriteByte('\n')
	for _, s := range lines {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if exc != nil {
		vm.FormatException(&b, exc, l.in.opts.Source)
	}
	fmt.Fprint(l.in.opts.Stderr, b.String())
}

// noteUnretrieved records a future that finished with an exception, to
// report it at shutdown if nobody retrieves the exception.
func (l *Loop) noteUnretrieved(f futureLike) {
	if n := len(l.failed); n >= 64 && n == cap(l.failed) {
		// Forget the ones retrieved since, before the list grows.
		kept := l.failed[:0]
		for _, g := range l.failed {
			if g.base().logTraceback {
				kept = append(kept, g)
			}
		}
		clear(l.failed[len(kept):])
		l.failed = kept
	}
	l.failed = append(l.failed, f)
}

// reportUnretrieved reports the exceptions nobody retrieved, as CPython
// does when such a future is destroyed.
func (l *Loop) reportUnretrieved() {
	th := l.in.th
	for _, fl := range l.failed {
		f := fl.base()
		if !f.logTraceback {
			continue
		}
		f.logTraceback = false
		kind := "Future"
		if _, ok := fl.(*Task); ok {
			kind = "Task"
		}
		l.report(kind+" exception was never retrieved", f.failure(), []string{"future: " + reprOf(th, fl)})
	}
	l.failed = nil
}
