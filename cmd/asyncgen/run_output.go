package main

import (
	"bufio"
	"io"
	"os"
	"sync"
)

// bufferedOutput is stdout when it is not a terminal: block-buffered as
// CPython's is then, which saves a system call per print. It is safe for
// concurrent use, so that a flush may race with an abandoned program.
// Its Flush is there for print(..., flush=True), once print calls the
// Flush of a writer that has one.
type bufferedOutput struct {
	mu sync.Mutex
	w  *bufio.Writer
}

// outputFor returns the writer print should use for w, and the function
// that flushes it.
func outputFor(w io.Writer) (io.Writer, func()) {
	if isTerminal(w) {
		return w, func() {}
	}
	b := &bufferedOutput{w: bufio.NewWriterSize(w, 64<<10)}
	return b, func() { b.Flush() }
}

// Write buffers p.
func (b *bufferedOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Write(p)
}

// Flush writes what is buffered.
func (b *bufferedOutput) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Flush()
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	fi, err := file.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
