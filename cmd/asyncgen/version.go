package main

import (
	"fmt"
	"io"
	"runtime"
)

// Version is asyncgen's version.
const Version = "0.1.0-dev"

// versionCmd prints the version.
func versionCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		fmt.Fprintln(stderr, "usage: asyncgen version")
		return 2
	}
	fmt.Fprintf(stdout, "asyncgen %s (Python 3.11 subset, %s)\n", Version, runtime.Version())
	return 0
}
