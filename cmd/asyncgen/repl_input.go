package main

import (
	"strings"
	"unicode/utf8"

	"github.com/asyncgen/asyncgen/lang"
)

// replFile is the file name of REPL inputs in tracebacks, as CPython's.
const replFile = "<stdin>"

// needsMore reports whether the lines typed so far are not a whole
// input yet: a bracket or a triple-quoted string is still open, or a
// block or compound statement has not been ended by an empty line (ended
// tells that the last line is empty). An input with a syntax error is
// whole: running it reports the error.
func needsMore(src string, ended bool) bool {
	f, err := lang.Parse(replFile, []byte(src))
	if err != nil {
		e, ok := err.(*lang.Error)
		return ok && incomplete(e, src, ended)
	}
	n := len(f.Body)
	return n > 0 && isCompound(f.Body[n-1]) && !ended
}

// incomplete reports whether the syntax error e only means that src
// stops early. Once an empty line ended the input, only an open bracket
// or string still asks for more.
func incomplete(e *lang.Error, src string, ended bool) bool {
	switch {
	case strings.HasSuffix(e.Msg, "was never closed"),
		strings.HasPrefix(e.Msg, "unterminated triple-quoted string"):
		return true
	case ended:
		return false
	case e.Msg == "unexpected EOF while parsing": // after a backslash
		return true
	case strings.HasPrefix(e.Msg, "expected an indented block"),
		strings.HasPrefix(e.Msg, "expected 'except' or 'finally' block"):
		return atEnd(e.Pos, src)
	case e.Msg == "invalid syntax": // a decorator waiting for its def
		trimmed := strings.TrimRight(src, " \t\r\n")
		last := trimmed[strings.LastIndexByte(trimmed, '\n')+1:]
		return atEnd(e.Pos, src) && strings.HasPrefix(strings.TrimSpace(last), "@")
	}
	return false
}

// atEnd reports whether pos is past the last non-blank character of src.
func atEnd(pos lang.Pos, src string) bool {
	lines := strings.Split(strings.TrimRight(src, " \t\r\n\f"), "\n")
	switch {
	case pos.Line > len(lines):
		return true
	case pos.Line < len(lines):
		return false
	}
	return pos.Col-1 >= utf8.RuneCountInString(lines[pos.Line-1])
}

// isCompound reports whether s is a compound statement, which an empty
// line ends at the prompt.
func isCompound(s lang.Stmt) bool {
	switch s.(type) {
	case *lang.If, *lang.While, *lang.For, *lang.Try, *lang.With, *lang.FuncDef, *lang.ClassDef:
		return true
	}
	return false
}
