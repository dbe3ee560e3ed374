package vm

import (
	"bytes"
	"fmt"
	"io"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// FormatException writes exc as CPython 3.11 prints an uncaught exception:
// its cause or context first, then the traceback (most recent call last)
// with source lines read through source (which may return nil), then the
// "Type: message" line. A script __str__ is not run; Thread.PrintException
// runs it.
func FormatException(w io.Writer, exc *value.Exception, source func(filename string) []byte) {
	formatChain(w, nil, exc, source, map[*value.Exception]bool{})
}

// PrintException is FormatException with the message computed by the
// exception's own __str__.
func (th *Thread) PrintException(w io.Writer, exc *value.Exception, source func(filename string) []byte) {
	formatChain(w, th, exc, source, map[*value.Exception]bool{})
}

func formatChain(w io.Writer, th *Thread, exc *value.Exception, source func(string) []byte, seen map[*value.Exception]bool) {
	seen[exc] = true
	switch {
	case exc.Cause != nil && !seen[exc.Cause]:
		formatChain(w, th, exc.Cause, source, seen)
		fmt.Fprint(w, "\nThe above exception was the direct cause of the following exception:\n\n")
	case exc.Context != nil && !exc.SuppressContext && !seen[exc.Context]:
		formatChain(w, th, exc.Context, source, seen)
		fmt.Fprint(w, "\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if len(exc.Traceback) > 0 {
		fmt.Fprintln(w, "Traceback (most recent call last):")
		formatFrames(w, exc.Traceback, source)
	}
	if th != nil {
		fmt.Fprintln(w, value.ErrorLine(th, exc))
	} else {
		fmt.Fprintln(w, exc.Error())
	}
}

// formatFrames prints the frames outermost first, folding runs of more
// than three identical entries as CPython does.
func formatFrames(w io.Writer, tb []value.Frame, source func(string) []byte) {
	lines := map[string][][]byte{}
	var last value.Frame
	repeat := 0
	flush := func() {
		if repeat > 3 {
			n := repeat - 3
			s := "s"
			if n == 1 {
				s = ""
			}
			fmt.Fprintf(w, "  [Previous line repeated %d more time%s]\n", n, s)
		}
	}
	for i := len(tb) - 1; i >= 0; i-- {
		f := tb[i]
		if i < len(tb)-1 && f == last {
			repeat++
			if repeat > 3 {
				continue
			}
		} else {
			flush()
			last, repeat = f, 1
		}
		fmt.Fprintf(w, "  File \"%s\", line %d, in %s\n", f.Filename, f.Line, f.Func)
		src, ok := lines[f.Filename]
		if !ok && source != nil {
			if b := source(f.Filename); b != nil {
				src = bytes.Split(b, []byte("\n"))
			}
			lines[f.Filename] = src
		}
		if f.Line >= 1 && f.Line <= len(src) {
			if text := bytes.TrimSpace(src[f.Line-1]); len(text) > 0 {
				fmt.Fprintf(w, "    %s\n", text)
			}
		}
	}
	flush()
}
