package vm

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// FormatException writes exc as CPython 3.11 prints an uncaught exception:
// its cause or context first, then the traceback (most recent call last)
// with source lines read through source (which may return nil), then the
// "Type: message" line; exception groups are drawn as CPython draws them.
// A script __str__ is not run; Thread.PrintException runs it.
func FormatException(w io.Writer, exc *value.Exception, source func(filename string) []byte) {
	p := &printer{w: w, source: source, seen: map[*value.Exception]bool{}, lines: map[string][][]byte{}}
	p.exception(exc)
}

// PrintException is FormatException with the message computed by the
// exception's own __str__.
func (th *Thread) PrintException(w io.Writer, exc *value.Exception, source func(filename string) []byte) {
	p := &printer{w: w, th: th, source: source, seen: map[*value.Exception]bool{}, lines: map[string][][]byte{}}
	p.exception(exc)
}

// Limits of exception group printing, as in CPython's traceback module.
const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

// printer is CPython's traceback.TracebackException.format with its
// _ExceptionPrintContext.
type printer struct {
	w         io.Writer
	th        *Thread
	source    func(string) []byte
	lines     map[string][][]byte
	seen      map[*value.Exception]bool
	depth     int // exception group nesting
	needClose bool
}

// emit writes text with the margin of the current group depth.
func (p *printer) emit(text string, margin byte) {
	indent := strings.Repeat(" ", 2*p.depth)
	if p.depth > 0 {
		indent += string(margin) + " "
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			io.WriteString(p.w, indent+line)
		}
	}
}

func (p *printer) exception(exc *value.Exception) {
	// The chain, outermost (printed last) first.
	var chain []*value.Exception
	var msgs []string
	msg := ""
	for e := exc; e != nil && !p.seen[e]; {
		p.seen[e] = true
		chain = append(chain, e)
		msgs = append(msgs, msg)
		switch {
		case e.Cause != nil:
			msg, e = "\nThe above exception was the direct cause of the following exception:\n\n", e.Cause
		case e.Context != nil && !e.SuppressContext:
			msg, e = "\nDuring handling of the above exception, another exception occurred:\n\n", e.Context
		default:
			e = nil
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		e := chain[i]
		members := groupMembers(e)
		switch {
		case members == nil:
			if len(e.Traceback) > 0 {
				p.emit("Traceback (most recent call last):\n", '|')
				p.emit(p.frames(e.Traceback), '|')
			}
			p.emit(p.errorLine(e)+"\n", '|')
		case p.depth > maxGroupDepth:
			p.emit(fmt.Sprintf("... (max_group_depth is %d)\n", maxGroupDepth), '|')
		default:
			p.group(e, members)
		}
		if i > 0 && msgs[i] != "" {
			p.emit(msgs[i], '|')
		}
	}
}

// group prints an exception group and its members in boxes.
func (p *printer) group(e *value.Exception, members []*value.Exception) {
	top := p.depth == 0
	if top {
		p.depth++
	}
	if len(e.Traceback) > 0 {
		margin := byte('|')
		if top {
			margin = '+'
		}
		p.emit("Exception Group Traceback (most recent call last):\n", margin)
		p.emit(p.frames(e.Traceback), '|')
	}
	p.emit(p.errorLine(e)+"\n", '|')
	n := min(len(members), maxGroupWidth+1)
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			p.needClose = true
		}
		title := fmt.Sprint(i + 1)
		truncated := i >= maxGroupWidth
		if truncated {
			title = "..."
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		fmt.Fprintf(p.w, "%s%s+---------------- %s ----------------\n", strings.Repeat(" ", 2*p.depth), lead, title)
		p.depth++
		if truncated {
			rest := len(members) - maxGroupWidth
			s := "s"
			if rest == 1 {
				s = ""
			}
			p.emit(fmt.Sprintf("and %d more exception%s\n", rest, s), '|')
		} else {
			p.exception(members[i])
		}
		if last && p.needClose {
			fmt.Fprintf(p.w, "%s+------------------------------------\n", strings.Repeat(" ", 2*p.depth))
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth = 0
	}
}

// groupMembers returns the exceptions of an exception group, or nil when
// exc is not one.
func groupMembers(exc *value.Exception) []*value.Exception {
	isGroup := false
	for c := exc.Class; c != nil; c = c.Base {
		isGroup = isGroup || c.Name == "BaseExceptionGroup" || c.Name == "ExceptionGroup"
	}
	if !isGroup {
		return nil
	}
	var list []value.Value
	switch v := exc.Attrs["exceptions"].(type) {
	case value.Tuple:
		list = v
	case *value.List:
		list = v.Elems
	}
	if list == nil && len(exc.Args) == 2 {
		switch v := exc.Args[1].(type) {
		case value.Tuple:
			list = v
		case *value.List:
			list = v.Elems
		}
	}
	members := make([]*value.Exception, 0, len(list))
	for _, v := range list {
		if e, ok := v.(*value.Exception); ok {
			members = append(members, e)
		}
	}
	return members
}

func (p *printer) errorLine(exc *value.Exception) string {
	if p.th != nil {
		return value.ErrorLine(p.th, exc)
	}
	return exc.Error()
}

// frames formats traceback entries outermost first, folding runs of more
// than three identical entries as CPython does.
func (p *printer) frames(tb []value.Frame) string {
	var b strings.Builder
	var last value.Frame
	repeat := 0
	flush := func() {
		if repeat > 3 {
			n := repeat - 3
			s := "s"
			if n == 1 {
				s = ""
			}
			fmt.Fprintf(&b, "  [Previous line repeated %d more time%s]\n", n, s)
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
		fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", f.Filename, f.Line, f.Func)
		if text := p.sourceLine(f.Filename, f.Line); text != "" {
			fmt.Fprintf(&b, "    %s\n", text)
		}
	}
	flush()
	return b.String()
}

// sourceLine returns line n of a file, stripped, or "".
func (p *printer) sourceLine(filename string, n int) string {
	src, ok := p.lines[filename]
	if !ok && p.source != nil {
		if b := p.source(filename); b != nil {
			src = bytes.Split(b, []byte("\n"))
		}
		p.lines[filename] = src
	}
	if n < 1 || n > len(src) {
		return ""
	}
	return string(bytes.TrimSpace(src[n-1]))
}
