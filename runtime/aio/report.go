package aio

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// FormatException writes a script exception with its traceback as CPython
// prints it. The CLI sets it to the VM's formatter; the default prints
// the last line only.
var FormatException = func(w *strings.Builder, th value.Thread, exc *value.Exception) {
	w.WriteString(value.ErrorLine(th, exc))
	w.WriteByte('\n')
}

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
		FormatException(&b, l.in.th, exc)
	}
	fmt.Fprint(l.in.opts.Stderr, b.String())
}

// noteUnretrieved records a future that finished with an exception, to
// report it at shutdown if nobody retrieves the exception.
func (l *Loop) noteUnretrieved(f futureLike) {
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
		l.report(kind+" exception was never retrieved", f.exc, []string{"future: " + reprOf(th, fl)})
	}
	l.failed = nil
}
