package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunForms checks the ways to name a program, the flags and the exit
// statuses, with CPython's output for the same programs where there is one.
func TestRunForms(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.agen")
	if err := os.WriteFile(prog, []byte("def f():\n    return 1/0\nprint('before')\nf()\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, "long.agen")
	if err := os.WriteFile(long, []byte("import asyncio\ntry:\n    await asyncio.sleep(60)\nfinally:\n    print('cleanup')\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args     []string
		stdin    string
		status   int
		stdout   string
		lastErr  string // the last line of stderr
		inStderr string // more text stderr must hold
	}{
		{args: []string{"-c", "print(6 * 7)"}, stdout: "42\n"},
		{args: []string{"run", "-c", "print('run -c')"}, stdout: "run -c\n"},
		{args: []string{"-"}, stdin: "print('piped')\n", stdout: "piped\n"},
		{args: nil, stdin: "print('no args')\n", stdout: "no args\n"},
		{args: []string{"--virtual-time", "-c", "import asyncio\nawait asyncio.sleep(3600)\nprint('later')"}, stdout: "later\n"},
		// python3 prog.agen: the traceback with source lines, exit 1.
		{args: []string{prog}, status: 1, stdout: "before\n", lastErr: "ZeroDivisionError: division by zero",
			inStderr: "  File \"" + prog + "\", line 4, in <module>\n    f()\n  File \"" + prog + "\", line 2, in f\n    return 1/0\n"},
		{args: []string{"run", "--", prog}, status: 1, stdout: "before\n", lastErr: "ZeroDivisionError: division by zero"},
		// python3 -c: no source lines in the traceback.
		{args: []string{"-c", "def f():\n    return 1/0\nf()"}, status: 1, lastErr: "ZeroDivisionError: division by zero",
			inStderr: "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in f\nZeroDivisionError"},
		{args: []string{"-c", "raise SystemExit(3)"}, status: 3},
		// sys.argv and sys.exit as python3 -c, FILE, - and a piped stdin set them.
		{args: []string{"-c", "import sys; print(sys.argv); sys.exit('bye')", "a", "b"}, status: 1, stdout: "['-c', 'a', 'b']\n", lastErr: "bye"},
		{args: []string{"run", "--", "-", "x"}, stdin: "import sys\nprint(sys.argv)\nsys.exit(4)\n", status: 4, stdout: "['-', 'x']\n"},
		{args: nil, stdin: "import sys\nprint(sys.argv)\n", stdout: "['']\n"},
		{args: []string{"-c", "quit(6)"}, status: 6},
		{args: []string{"-c", "x = = 1"}, status: 1, lastErr: "SyntaxError: invalid syntax",
			inStderr: "  File \"<string>\", line 1\n    x = = 1\n        ^\n"},
		// The timeouts leave time to compile the program and import
		// asyncio before it awaits (up to 0.2 s under -race on a busy
		// machine): passed before, they end it with no traceback or
		// finally block run.
		{args: []string{"--timeout", "500ms", long}, status: 1, stdout: "cleanup\n", lastErr: "TimeoutError: program exceeded --timeout 500ms",
			inStderr: "line 3, in <module>\n"},
		// A script's own asyncio.run: the timeout cancels its main task too.
		{args: []string{"--timeout", "500ms", "-c", "import asyncio\nasync def main():\n    try:\n        await asyncio.sleep(60)\n    finally:\n        print('cleanup')\nasyncio.run(main())"},
			status: 1, stdout: "cleanup\n", lastErr: "TimeoutError: program exceeded --timeout 500ms"},
		{args: []string{"--max-steps", "1000", "-c", "while True: pass"}, status: 1, lastErr: "asyncgen: step limit exceeded (1000 steps)"},
		{args: []string{"--timeout", "500ms", "-c", "while True: pass"}, status: 1, lastErr: "TimeoutError: program exceeded --timeout 500ms"},
		{args: []string{"--max-memory", "10MiB", "-c", "x = [0] * 10**8"}, status: 1, lastErr: "MemoryError"},
		{args: []string{"--max-memory", "10MiB", "-c", "try:\n    x = 'a' * 10**9\nexcept MemoryError:\n    print('caught')"}, stdout: "caught\n"},
		{args: []string{"run"}, status: 2, lastErr: "asyncgen run: missing FILE (asyncgen run -h for help)"},
		{args: []string{"run", "--timeout", "soon", prog}, status: 2},
		{args: []string{"--max-memory", "12 parsecs", prog}, status: 2},
		{args: []string{"no-such.agen"}, status: 2, lastErr: `asyncgen: can't open file "no-such.agen": no such file or directory`},
		{args: []string{"run", "-h"}, stdout: "usage: asyncgen run [flags] FILE [ARG...]\n"},
	} {
		var stdout, stderr bytes.Buffer
		status := Main(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
		if status != tc.status {
			t.Errorf("%q: status %d, want %d; stderr:\n%s", tc.args, status, tc.status, stderr.String())
		}
		if tc.args != nil && tc.args[len(tc.args)-1] == "-h" {
			if !strings.HasPrefix(stdout.String(), tc.stdout) {
				t.Errorf("%q: help %q", tc.args, stdout.String())
			}
			continue
		}
		if stdout.String() != tc.stdout {
			t.Errorf("%q: stdout %q, want %q", tc.args, stdout.String(), tc.stdout)
		}
		if tc.status == 2 && strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%q: usage error not on one line: %q", tc.args, stderr.String())
		}
		if tc.lastErr != "" && lastLine(stderr.String()) != tc.lastErr {
			t.Errorf("%q: last stderr line %q, want %q", tc.args, lastLine(stderr.String()), tc.lastErr)
		}
		if !strings.Contains(stderr.String(), tc.inStderr) {
			t.Errorf("%q: stderr lacks %q:\n%s", tc.args, tc.inStderr, stderr.String())
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"65536": 65536, "512KiB": 512 << 10, "256MiB": 256 << 20, "1GiB": 1 << 30,
		"10MB": 10e6, "1.5GB": 1.5e9, "2KB": 2000, "7B": 7,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1MiB", "12 parsecs", "1e30GB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

// TestHelp checks that every command answers -h and help CMD on stdout.
func TestHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "commands:"},
		{[]string{"-h"}, "commands:"},
		{[]string{"--help"}, "commands:"},
		{[]string{"help", "run"}, "usage: asyncgen run"},
		{[]string{"run", "-h"}, "usage: asyncgen run"},
		{[]string{"check", "-h"}, "usage: asyncgen check"},
		{[]string{"help", "check"}, "usage: asyncgen check"},
		{[]string{"parse", "--help"}, "usage: asyncgen parse"},
		{[]string{"version", "-h"}, "usage: asyncgen version"},
	} {
		var stdout, stderr bytes.Buffer
		if status := Main(tc.args, strings.NewReader(""), &stdout, &stderr); status != 0 || !strings.HasPrefix(stdout.String(), "usage: ") || !strings.Contains(stdout.String(), tc.want) {
			t.Errorf("%q: status %d, stdout %q, stderr %q", tc.args, status, stdout.String(), stderr.String())
		}
	}
	var stderr bytes.Buffer
	if status := Main([]string{"help", "nope"}, strings.NewReader(""), io.Discard, &stderr); status != 2 || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("help nope: status %d, stderr %q", status, stderr.String())
	}
}

func TestForwardPanic(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		defer forwardPanic(done)
		panic("boom")
	}()
	p, ok := (<-done).(goPanic)
	if !ok || !strings.HasPrefix(p.msg, "boom\n") || !strings.Contains(p.msg, "goroutine running the program") {
		t.Errorf("got %#v", p)
	}
}

// TestInterrupt sends SIGINT to a running program, as Ctrl-C on its
// terminal does: its tasks are cancelled, their finally blocks run, and it
// ends with KeyboardInterrupt and status 130, as CPython.
//
// The signal goes once "started" is on the terminal: sent earlier, it
// would kill a child still starting (slow under -race on a busy machine)
// before the child handles it. Stdout is a terminal, so unbuffered: on a
// pipe, the runtime's print(..., flush=True) does not flush yet.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in a child process")
	}
	prog := filepath.Join(t.TempDir(), "long.agen")
	src := "import asyncio\nasync def main():\n    try:\n        print('started', flush=True)\n        await asyncio.sleep(60)\n    finally:\n        print('cleanup')\nasyncio.run(main())\n"
	if err := os.WriteFile(prog, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	term := startTerminal(t, t.TempDir(), prog)
	term.expect("started\r\n")
	if err := term.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	term.expect("cleanup\r\n")
	term.expect("KeyboardInterrupt\r\n")
	if got := term.wait(); got != 130 {
		t.Errorf("exit status %d, want 130", got)
	}
}
