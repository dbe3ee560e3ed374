package main

import (
	"strings"
	"unicode/utf8"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// replFile is the file name of REPL inputs in tracebacks, as CPython's.
const replFile = "<stdin>"

// displayHook is the builtin that echoes the expression statements of an
// input, like CPython's sys.displayhook.
const displayHook = "__displayhook__"

// compileInput compiles the lines typed so far as one REPL input; ended
// tells that the last line is empty. more reports that the input is not
// finished: a bracket or a triple-quoted string is still open, or a
// block or compound statement has not been ended by an empty line.
// Otherwise the result is the program or the syntax error (a
// *lang.Error).
func compileInput(src string, ended bool) (prog *compile.Program, more bool, err error) {
	f, err := lang.Parse(replFile, []byte(src))
	if err != nil {
		if e, ok := err.(*lang.Error); ok && incomplete(e, src, ended) {
			return nil, true, nil
		}
		return nil, false, err
	}
	if n := len(f.Body); n > 0 && isCompound(f.Body[n-1]) && !ended {
		return nil, true, nil
	}
	echo(f.Body)
	prog, err = vm.Compile(f)
	return prog, false, err
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

// echo makes the expression statements of an input outside function and
// class bodies call the display hook, as CPython's interactive mode does.
func echo(body []lang.Stmt) {
	for i, s := range body {
		switch s := s.(type) {
		case *lang.ExprStmt:
			body[i] = &lang.ExprStmt{Pos: s.Pos, X: &lang.Call{
				Pos:  s.Pos,
				Func: &lang.Name{Pos: s.Pos, ID: displayHook},
				Args: []lang.Expr{s.X},
			}}
		case *lang.If:
			echo(s.Body)
			echo(s.Else)
		case *lang.While:
			echo(s.Body)
			echo(s.Else)
		case *lang.For:
			echo(s.Body)
			echo(s.Else)
		case *lang.With:
			echo(s.Body)
		case *lang.Try:
			echo(s.Body)
			for _, h := range s.Handlers {
				echo(h.Body)
			}
			echo(s.Else)
			echo(s.Finally)
		}
	}
}
