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
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	_ "github.com/asyncgen/asyncgen/cmd/asyncgen/internal/warm"
)

func main() {
	if os.Getenv("GOGC") == "" {
		tuneGC()
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets the collector's heap goal after each collection, from the
// live heap: Go's default of twice it while it is under 4 MiB, five times
// it from there to 8 MiB, then the live heap plus 32 MiB, which is twice
// it at 32 MiB and over.
// Where memory the process has not touched yet costs a page fault of
// several microseconds (virtual machines), a program with a small live
// heap runs fastest in a small heap that it reuses (bench/agen_stream.agen
// makes 8 MB of garbage: 15% less wall time than with five times); one
// whose live heap grows collects less often while it does, and one
// holding many tasks collects once more as it grows, so that the garbage
// of its start (the arrays of gather's arguments) is reused before its
// peak (bench/mem.agen: 4% less peak RSS than with the live heap plus
// 64 MiB, and no slower).
func tuneGC() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	percent := 100
	var tune func(*gcCycle)
	tune = func(c *gcCycle) {
		metrics.Read(sample)
		if p := gcPercent(sample[0].Value.Uint64()); p != percent {
			percent = p
			debug.SetGCPercent(p)
		}
		runtime.SetFinalizer(c, tune) // again after the next collection
	}
	runtime.SetFinalizer(&gcCycle{}, tune)
}

// A gcCycle is garbage whose finalizer runs after each collection.
type gcCycle struct{ _ *int }

// gcPercent returns the GC percent for a live heap of live bytes.
func gcPercent(live uint64) int {
	const small, low, high = 4 << 20, 8 << 20, 32 << 20
	switch {
	case live < small:
		return 100
	case live <= low:
		return 400
	case live >= high:
		return 100
	}
	return int(100 * high / live)
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
