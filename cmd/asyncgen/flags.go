package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// runFlags are the options shared by run, -c, - and the REPL.
type runFlags struct {
	virtualTime bool
	trace       string
	timeout     time.Duration
	maxSteps    int64
	maxMemory   byteSize
}

// register defines the flags on fs.
func (f *runFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.virtualTime, "virtual-time", false, "run on a virtual clock: sleeps and timers take no real time")
	fs.StringVar(&f.trace, "trace", "", "write a task timeline (Chrome Trace Event JSON) to `FILE`")
	fs.DurationVar(&f.timeout, "timeout", 0, "cancel the program after `DURATION` (e.g. 30s, 1m30s) of wall-clock time")
	fs.Int64Var(&f.maxSteps, "max-steps", 0, "stop the program after `N` bytecode steps (0: no limit)")
	fs.Var(&f.maxMemory, "max-memory", "raise MemoryError when the script's heap grows past `SIZE` (e.g. 256MiB, 1GB)")
}

// newFlagSet returns a flag set that reports nothing by itself: the
// caller prints a one-line hint on error and the full usage on -h.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// flagDefaults returns the flag descriptions of fs, as flag.PrintDefaults
// writes them.
func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// byteSize is a flag holding a number of bytes, written as Go users write
// sizes: 1048576, 512KiB, 256MiB, 1GiB, 10MB, 1.5GB.
type byteSize int64

// sizeUnits are the suffixes byteSize accepts, longest first.
var sizeUnits = []struct {
	suffix string
	mult   float64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
	{"B", 1},
}

// String returns the size in bytes.
func (s *byteSize) String() string { return strconv.FormatInt(int64(*s), 10) }

// Set parses a size.
func (s *byteSize) Set(text string) error {
	n, err := parseSize(text)
	if err != nil {
		return err
	}
	*s = byteSize(n)
	return nil
}

// parseSize parses a byte count with an optional unit suffix.
func parseSize(text string) (int64, error) {
	num, mult := strings.TrimSpace(text), 1.0
	for _, u := range sizeUnits {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || f*mult >= 1<<63 {
		return 0, fmt.Errorf("invalid size %q (want e.g. 256MiB, 1GB, 65536)", text)
	}
	return int64(f * mult), nil
}

// parseArgs parses args with fs. On -h it prints usage and the flag
// descriptions on stdout; on a bad flag, a one-line hint on stderr. ok
// is false when the command must stop, with status its exit status.
func parseArgs(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (status int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == flag.ErrHelp:
		fmt.Fprint(stdout, usage, flagDefaults(fs))
		return exitOK, false
	case err != nil:
		return usageError(stderr, fs.Name(), err.Error()), false
	}
	return exitOK, true
}

// usageError prints a one-line usage hint for the sub-command cmd ("" for
// the bare command) and returns exitUsage.
func usageError(stderr io.Writer, cmd, msg string) int {
	name := strings.TrimSpace("asyncgen " + cmd)
	fmt.Fprintf(stderr, "%s: %s (%s -h for help)\n", name, msg, name)
	return exitUsage
}

// isFlagSet reports whether the flag name was given on the command line.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
