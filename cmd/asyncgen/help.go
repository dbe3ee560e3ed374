package main

import (
	"fmt"
	"io"
)

// commandHelp is the help of the sub-commands that parse no flags of
// their own, printed for `asyncgen CMD -h` and `asyncgen help CMD`.
var commandHelp = map[string]string{
	"check": `usage: asyncgen check FILE...

Parses each FILE and reports its first syntax error as CPython 3.11 does
(File, line, source, caret, SyntaxError: message). Exits 1 if any file
has an error or cannot be read.
`,
	"parse": `usage: asyncgen parse --ast FILE

Prints the syntax tree of FILE.
`,
	"version": `usage: asyncgen version

Prints asyncgen's version and the Go version it was built with.
`,
}

// isHelp reports whether args ask for help: -h, -help or --help first.
func isHelp(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}

// helpCmd is `asyncgen help [CMD]`: the help of the command or of CMD.
func helpCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		return defaultCmd([]string{"-h"}, stdin, stdout, stderr)
	case args[0] == "run":
		return runCmd([]string{"-h"}, stdin, stdout, stderr)
	case commandHelp[args[0]] != "":
		fmt.Fprint(stdout, commandHelp[args[0]])
		return exitOK
	}
	fmt.Fprintf(stderr, "asyncgen help: unknown command %q (asyncgen help lists them)\n", args[0])
	return exitUsage
}
