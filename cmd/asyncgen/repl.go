package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
)

// Prompts of the REPL, as CPython's.
const (
	prompt1 = ">>> "
	prompt2 = "... "
)

// repl runs the interactive prompt on the terminal stdin until Ctrl-D
// and returns the exit status.
func repl(opts runFlags, stdin io.Reader, stdout, stderr io.Writer) int {
	in, _ := stdin.(*os.File)
	hist := historyFile()
	if hist != "" {
		os.MkdirAll(filepath.Dir(hist), 0o700)
	}
	ed := newLineEditor(in, stdout, hist)
	stdout, stderr = ed.writer(stdout), ed.writer(stderr)
	s, err := newSession(opts, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return exitError
	}
	ed.complete = completer{s}.Do

	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	defer signal.Stop(sigint)
	go func() {
		for range sigint {
			select {
			case s.interrupt <- struct{}{}:
			default:
			}
		}
	}()

	fmt.Fprintf(stderr, "asyncgen %s (Python 3.11 subset)\nTop-level await works; tasks keep running between prompts. Ctrl-D exits.\n", Version)
	status := readEvalPrint(ed, s, stdout, stderr)
	if err := s.quit(); err != nil {
		return report(stderr, err, nil)
	}
	return status
}

// readEvalPrint reads inputs and runs them until Ctrl-D.
func readEvalPrint(ed *lineEditor, s *session, stdout, stderr io.Writer) int {
	var lines []string
	for {
		prompt := prompt1
		if len(lines) > 0 {
			prompt = prompt2
		}
		line, err := ed.readLine(prompt)
		switch {
		case err == errInterruptKey:
			fmt.Fprintln(stderr, "KeyboardInterrupt")
			lines = nil
			continue
		case err == io.EOF && len(lines) == 0:
			fmt.Fprintln(stdout)
			return exitOK
		case err == io.EOF:
			line = "" // Ctrl-D ends a block as an empty line does
		case err != nil:
			fmt.Fprintf(stderr, "asyncgen: %v\n", err)
			return exitError
		}
		if len(lines) == 0 && strings.TrimSpace(line) == "" {
			continue
		}
		lines = append(lines, line)
		ended := len(lines) > 1 && strings.TrimSpace(line) == ""
		src := strings.Join(lines, "\n") + "\n"
		if needsMore(src, ended) {
			continue
		}
		lines = nil
		rep, exit, status := s.run(src)
		fmt.Fprint(stderr, rep)
		if exit {
			return status
		}
	}
}

// historyFile returns the file keeping the REPL's history between
// sessions: $XDG_STATE_HOME/asyncgen/history, or
// ~/.local/state/asyncgen/history; "" if there is no home.
func historyFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "asyncgen", "history")
}
