package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses, as CPython's.
const (
	exitOK        = 0
	exitError     = 1   // uncaught exception, syntax error, unreadable file
	exitUsage     = 2   // bad command line
	exitInterrupt = 130 // killed by SIGINT (128 + 2)
)

// runUsage is the help of `asyncgen run`.
const runUsage = `usage: asyncgen run [flags] FILE [ARG...]
       asyncgen run [flags] -c CODE [ARG...]
       asyncgen run [flags] - [ARG...]

Runs a program: FILE, the string CODE, or the program read from stdin
(-). A module with top-level await runs as the main task of an event
loop, as asyncio.run would. Flags come before FILE; -- ends them.

flags:
`

// runCmd is `asyncgen run [flags] FILE|-c CODE|- [ARG...]`.
func runCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runArgs("run", args, stdin, stdout, stderr)
}

// defaultCmd is asyncgen without a sub-command: it runs a program as run
// does, but with no program named it starts the REPL when stdin is a
// terminal and runs the program piped to stdin otherwise.
func defaultCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runArgs("", args, stdin, stdout, stderr)
}

// runArgs parses the flags and program of run (cmd "run") or of the
// bare command (cmd ""), then runs the program.
func runArgs(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet(cmd)
	var opts runFlags
	opts.register(fs)
	code := fs.String("c", "", "run `CODE` instead of a file")
	usage := runUsage
	if cmd == "" {
		usage = help
	}
	if status, ok := parseArgs(fs, args, usage, stdout, stderr); !ok {
		return status
	}
	file := "-"
	switch {
	case isFlagSet(fs, "c"):
		p := program{name: "<string>", src: []byte(*code), argv: append([]string{"-c"}, fs.Args()...)}
		return p.run(opts, stdout, stderr)
	case fs.NArg() > 0:
		file = fs.Arg(0)
	case cmd == "run":
		return usageError(stderr, "run", "missing FILE")
	case isTerminal(stdin) && (opts.timeout != 0 || opts.trace != ""):
		return usageError(stderr, cmd, "--timeout and --trace apply to programs, not to the REPL")
	case isTerminal(stdin):
		return repl(opts, stdin, stdout, stderr)
	}
	p, err := readProgram(file, stdin)
	switch {
	case err != nil && cmd == "" && looksLikeCommand(file):
		fmt.Fprintf(stderr, "asyncgen: unknown command %q and no such file (asyncgen help for the commands)\n", file)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return exitUsage
	}
	p.argv = fs.Args()
	if len(p.argv) == 0 {
		p.argv = []string{""} // a piped stdin
	}
	return p.run(opts, stdout, stderr)
}

// looksLikeCommand reports whether a missing file was more likely meant
// as a sub-command: a plain word, with no dot or slash.
func looksLikeCommand(file string) bool {
	return !strings.ContainsAny(file, "./\\")
}

// A program is the source of a script, the name its tracebacks show and
// its sys.argv. Tracebacks quote source lines only from files, as
// CPython's do.
type program struct {
	name string
	src  []byte
	file bool
	argv []string
}

// readProgram reads the program in file, or stdin when file is "-".
func readProgram(file string, stdin io.Reader) (program, error) {
	if file == "-" {
		src, err := io.ReadAll(stdin)
		return program{name: "<stdin>", src: src}, err
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return program{}, fmt.Errorf("can't open file %q: %v", file, unwrapPathError(err))
	}
	return program{name: file, src: src, file: true}, nil
}

// unwrapPathError drops the operation and path of an *os.PathError, which
// the caller already names.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// source returns the function giving the text of the program's file for
// tracebacks, or nil when the program is not a file.
func (p program) source() func(string) []byte {
	if !p.file {
		return nil
	}
	return func(filename string) []byte {
		if filename == p.name {
			return p.src
		}
		return nil
	}
}
