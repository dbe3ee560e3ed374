package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/asyncgen/asyncgen/lang"
)

// parseCmd prints the syntax tree of a file (`parse --ast FILE`).
func parseCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	ast := fs.Bool("ast", false, "print the syntax tree")
	if err := fs.Parse(args); err != nil || !*ast || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: asyncgen parse --ast FILE")
		return 2
	}
	f, ok := parseFile(fs.Arg(0), stderr)
	if !ok {
		return 1
	}
	if err := lang.Dump(stdout, f); err != nil {
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return 1
	}
	return 0
}
