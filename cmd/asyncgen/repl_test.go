package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestHelperMain is not a test: run by the REPL tests as a child process
// with ASYNCGEN_MAIN set, it is the asyncgen command on a terminal.
func TestHelperMain(t *testing.T) {
	if os.Getenv("ASYNCGEN_MAIN") == "" {
		t.Skip("only a child process of the REPL tests runs it")
	}
	os.Exit(Main(strings.Fields(os.Getenv("ASYNCGEN_MAIN_ARGS")), os.Stdin, os.Stdout, os.Stderr))
}

// A terminal is the asyncgen command running on a pseudo-terminal.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer // everything the command wrote
	seen int          // how much of out expect has consumed
}

// startTerminal runs `asyncgen args...` on a new pseudo-terminal, with
// its history in stateDir.
func startTerminal(t *testing.T, stateDir string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMain$")
	cmd.Env = append(os.Environ(), "ASYNCGEN_MAIN=1", "ASYNCGEN_MAIN_ARGS="+strings.Join(args, " "), "XDG_STATE_HOME="+stateDir, "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return term
}

// send types s.
func (term *terminal) send(s string) {
	term.t.Helper()
	if _, err := term.pty.WriteString(s); err != nil {
		term.t.Fatal(err)
	}
}

// expect waits until the output not yet consumed contains want, and
// consumes it up to there.
func (term *terminal) expect(want string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		term.mu.Lock()
		out := term.out.String()
		term.mu.Unlock()
		if i := strings.Index(out[term.seen:], want); i >= 0 {
			term.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("no %q in the output; got:\n%s", want, out[term.seen:])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// line types a line and waits for its echo and the next prompt.
func (term *terminal) line(s, prompt string) {
	term.t.Helper()
	term.send(s + "\r")
	term.expect(prompt)
}

// wait waits for the command to exit and returns its status.
func (term *terminal) wait() int {
	term.t.Helper()
	done := make(chan error, 1)
	go func() { done <- term.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		term.t.Fatal("the REPL did not exit")
	}
	term.mu.Lock()
	out := term.out.String()
	term.mu.Unlock()
	// A child built with -race reports a data race on its terminal and
	// exits with status 66.
	if strings.Contains(out, "WARNING: DATA RACE") {
		term.t.Errorf("data race in the child:\n%s", out)
	}
	return term.cmd.ProcessState.ExitCode()
}

func TestREPLSession(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the REPL in a child process")
	}
	state := t.TempDir()
	term := startTerminal(t, state)
	term.expect(prompt1)
	term.line("import asyncio", prompt1)

	// A multi-line async generator, iterated with async for.
	term.line("async def agen(n):", prompt2)
	term.line("    for i in range(n):", prompt2)
	term.line("        await asyncio.sleep(0)", prompt2)
	term.line("        yield i * 10", prompt2)
	term.line("", prompt1)
	term.line("async for v in agen(3):", prompt2)
	term.line("    print('got', v)", prompt2)
	term.send("\r")
	// Line by line: the line editor may redraw its prompt between two
	// prints (and clear it before the next), when the loop is slow to
	// reach the next one, as under -race.
	for _, line := range []string{"got 0\r\n", "got 10\r\n", "got 20\r\n"} {
		term.expect(line)
	}
	term.expect(prompt1)

	// Expressions echo their repr and set _; None does not echo.
	term.line("await asyncio.sleep(0.01, 'slept')", "'slept'")
	term.line("_ * 2", "'sleptslept'")
	term.line("None", prompt1)

	// Errors print a traceback and the state survives them.
	term.line("[1, 2][5]", "IndexError: list index out of range")
	term.line("x = = 1", "SyntaxError: invalid syntax")

	// Ctrl-C cancels a long sleep and returns to the prompt. The input
	// says it runs (its echo does not hold the words it prints) before
	// the Ctrl-C: one typed before the input starts is dropped, and a
	// fixed delay can be too short for a child under -race on a busy
	// machine.
	term.send("print('now ' + 'sleeping'); await asyncio.sleep(60)\r")
	term.expect("now sleeping\r\n")
	term.send("\x03")
	term.expect("KeyboardInterrupt")
	term.line("len(_)", "10")

	// Ctrl-C stops an input that computes without awaiting.
	term.line("n = 0", prompt1)
	term.line("while True:", prompt2)
	term.line("    n += 1", prompt2)
	term.line("    if n == 1000: print('now ' + 'spinning')", prompt2)
	term.send("\r")
	term.expect("now spinning\r\n")
	term.send("\x03")
	term.expect("KeyboardInterrupt")
	term.line("n >= 1000", "True")

	// Ctrl-C at the prompt clears the line. It is typed once the prompt
	// shows: before, the line editor is not in raw mode yet, and the
	// terminal turns Ctrl-C into a SIGINT that interrupts nothing.
	term.expect(prompt1)
	term.send("garbage")
	term.expect("garbage")
	term.send("\x03")
	term.expect("KeyboardInterrupt")
	term.line("1 + 1", "2")

	// Line editing: Ctrl-U, Ctrl-A, Ctrl-E, Ctrl-W, Ctrl-K, arrows.
	for _, tc := range []struct{ keys, want string }{
		{"garbage\x153 * 3", "9"},
		{"+ 1\x0141 ", "42"},
		{"2\x01-\x05 - 1", "-3"},
		{"5 * wrongword\x172", "10"},
		{"6 * 7 - 40" + strings.Repeat("\x1b[D", 5) + "\x0b", "42"},
	} {
		term.line(tc.keys, tc.want+"\r\n") // a failed edit gives another value or an error
	}

	// A background task keeps running between prompts.
	term.line("async def ticker():", prompt2)
	term.line("    for i in range(3):", prompt2)
	term.line("        await asyncio.sleep(0.1)", prompt2)
	term.line("        print('tick', i)", prompt2)
	term.line("", prompt1)
	term.line("task = asyncio.create_task(ticker())", prompt1)
	term.expect("tick 2")
	term.line("task.done()", "True")

	// Its output does not wreck the line being typed: readline redraws
	// the prompt and the partial line under each print.
	term.line("ticker2 = asyncio.create_task(ticker())", prompt1)
	term.send("12 *")
	term.expect("tick 0\r\n")
	term.expect(prompt1 + "12 *")
	term.send(" 2")
	term.expect("tick 1\r\n")
	term.expect(prompt1 + "12 * 2")
	term.line("", "24\r\n")

	// Tab completes attributes after a dot and names in scope. Keys go
	// once the prompt shows: the line editor has put the terminal in raw
	// mode then; before, the terminal's own line discipline takes them.
	term.expect(prompt1)
	term.send("await asyncio.sle\t")
	term.expect("asyncio.sleep")
	term.send("(0, 'done')\r")
	term.expect("'done'")
	term.line("counter = 41", prompt1)
	term.send("coun\t")
	term.expect("counter")
	term.send(" + 1\r")
	term.expect("42")

	// A Ctrl-D typed before the prompt shows (in cooked mode) was lost
	// once under -race: the REPL then never exited.
	term.expect(prompt1)
	term.send("\x04")
	if status := term.wait(); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}

	hist, err := os.ReadFile(filepath.Join(state, "asyncgen", "history"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"async def agen(n):", "await asyncio.sleep(60)", "counter + 1"} {
		if !strings.Contains(string(hist), want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}

	// A new session recalls the history with the up arrow.
	term = startTerminal(t, state)
	term.expect(prompt1)
	term.line("counter = 100", prompt1)
	term.send("\x1b[A\x1b[A\r") // up twice: `counter + 1`
	term.expect("101")
	term.send("raise SystemExit(3)\r") // exits as CPython's REPL does
	if status := term.wait(); status != 3 {
		t.Errorf("exit status %d, want 3", status)
	}
}

// TestREPLFlags checks the flags the REPL refuses and exit().
func TestREPLFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the REPL in a child process")
	}
	term := startTerminal(t, t.TempDir(), "--timeout", "1s")
	term.expect("--timeout and --trace apply to programs, not to the REPL")
	if status := term.wait(); status != 2 {
		t.Errorf("exit status %d, want 2", status)
	}
	term = startTerminal(t, t.TempDir(), "--max-steps", "100000")
	term.expect(prompt1)
	term.send("exit(7)\r")
	if status := term.wait(); status != 7 {
		t.Errorf("exit status %d, want 7", status)
	}
	// A limit holds for the whole session: reaching it ends the REPL.
	term = startTerminal(t, t.TempDir(), "--max-steps", "100000")
	term.expect(prompt1)
	term.send("while True: pass\r\r")
	term.expect("asyncgen: step limit exceeded (100000 steps)")
	if status := term.wait(); status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
}
