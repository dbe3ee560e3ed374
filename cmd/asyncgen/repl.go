package main

import (
	"fmt"
	"io"
)

// repl runs the interactive prompt. It is being written; until then it
// says so.
func repl(opts runFlags, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "asyncgen: the REPL is not implemented yet; run a FILE or pipe a program to stdin")
	return exitUsage
}
