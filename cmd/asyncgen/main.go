// Command asyncgen runs and checks programs written in asyncgen's Python
// 3.11 subset.
//
// Usage:
//
//	asyncgen [flags] FILE    run a program (also: -c CODE, - for stdin)
//	asyncgen                 start the REPL (on a terminal)
//	asyncgen run FILE        run a program
//	asyncgen check FILE...   report syntax errors, CPython-style
//	asyncgen parse --ast FILE
//	                         print the syntax tree
//	asyncgen version         print the version
package main

import (
	"io"
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Scripts make many short-lived small values: a heap goal of five
		// times the live heap instead of two collects far less often
		// (bench/loop.agen: a quarter less CPU) for a larger peak RSS.
		debug.SetGCPercent(400)
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// help describes the sub-commands.
const help = `usage: asyncgen [flags] FILE [ARG...]   run a program
       asyncgen [flags] -c CODE [ARG...]  run the program CODE
       asyncgen [flags] - [ARG...]      run the program read from stdin
       asyncgen [flags]                 start the REPL (runs stdin if piped)
       asyncgen <command> [arguments]

commands:
  run [flags] FILE     run a program (flags as above)
  check FILE...        report syntax errors as CPython does; exit 1 if any
  parse --ast FILE     print the syntax tree
  version              print the version
  help [COMMAND]       print this help, or the command's

Exit status: 0 success, 1 uncaught exception or syntax error, 2 usage
error, 130 interrupted (Ctrl-C).

flags (before FILE; -- ends them):
`

// Main runs the command line args (without the program name) and returns
// the exit status: 0 on success, 1 when a program fails or has errors, 2 on
// a usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return defaultCmd(args, stdin, stdout, stderr)
	}
	cmd, rest := args[0], args[1:]
	if commandHelp[cmd] != "" && isHelp(rest) {
		return helpCmd([]string{cmd}, stdin, stdout, stderr)
	}
	switch cmd {
	case "run":
		return runCmd(rest, stdin, stdout, stderr)
	case "check":
		return checkCmd(rest, stdout, stderr)
	case "parse":
		return parseCmd(rest, stdout, stderr)
	case "version":
		return versionCmd(rest, stdout, stderr)
	case "help":
		return helpCmd(rest, stdin, stdout, stderr)
	case "-h", "-help", "--help":
		return defaultCmd([]string{"-h"}, stdin, stdout, stderr)
	}
	return defaultCmd(args, stdin, stdout, stderr)
}
