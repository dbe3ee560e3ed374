package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// TestProcess runs the built-in rules over testdata/app.log; app.out is
// what testdata/twin.py prints under CPython:
//
//	python3 testdata/twin.py testdata/app.log rules.agen > testdata/app.out
func TestProcess(t *testing.T) {
	logs, err := os.Open("testdata/app.log")
	if err != nil {
		t.Fatal(err)
	}
	defer logs.Close()
	want, err := os.ReadFile("testdata/app.out")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := process(context.Background(), "rules.agen", defaultRules, logs, &out, 2); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("output:\n%s\nCPython's:\n%s", out.String(), want)
	}
}

// TestRulesError checks that an exception in the user's rules reaches Go
// with the rules' traceback.
func TestRulesError(t *testing.T) {
	rules := []byte("import host\n\nasync def pipeline(size):\n    yield 1 / 0\n")
	var out bytes.Buffer
	err := process(context.Background(), "bad.agen", rules, strings.NewReader("x\n"), &out, 2)
	var e *runtime.Error
	if !errors.As(err, &e) || e.Error() != "ZeroDivisionError: division by zero" {
		t.Fatalf("error %v", err)
	}
	if last := e.Frames[len(e.Frames)-1]; last.File != "bad.agen" || last.Line != 4 || last.Func != "pipeline" {
		t.Errorf("innermost frame %+v", last)
	}
}

// TestCancel checks that cancelling the context stops a processor
// waiting for more log lines.
func TestCancel(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.WriteString("12:00:01 ERROR ada first\n")
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error)
	go func() { done <- process(ctx, "rules.agen", defaultRules, r, &out, 2) }()
	time.Sleep(50 * time.Millisecond) // the rules now wait for a second line
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
