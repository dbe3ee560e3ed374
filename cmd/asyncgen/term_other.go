//go:build !linux && !darwin

package main

import (
	"errors"
	"os"
)

// makeRaw fails: line editing is the terminal's own here.
func makeRaw(*os.File) (restore func(), err error) {
	return nil, errors.New("no raw terminal mode on this system")
}
