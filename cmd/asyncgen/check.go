package main

import (
	"fmt"
	"io"
	"os"

	"github.com/asyncgen/asyncgen/lang"
)

// checkCmd parses each file and reports its first syntax error as CPython
// would. It returns 1 if any file has an error or cannot be read.
func checkCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: asyncgen check FILE...")
		return 2
	}
	status := 0
	for _, name := range args {
		if _, ok := parseFile(name, stderr); !ok {
			status = 1
		}
	}
	return status
}

// parseFile reads and parses a file, reporting any failure on stderr.
func parseFile(name string, stderr io.Writer) (*lang.File, bool) {
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return nil, false
	}
	f, err := lang.Parse(name, src)
	if err != nil {
		if e, ok := err.(*lang.Error); ok {
			fmt.Fprint(stderr, e.Report())
		} else {
			fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		}
		return nil, false
	}
	return f, true
}
