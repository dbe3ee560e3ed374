package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
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
	cfg := &readline.Config{
		Prompt:            prompt1,
		HistoryFile:       hist,
		HistorySearchFold: true,
		Stdin:             in,
		Stdout:            stdout,
		Stderr:            stderr,
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return exitError
	}
	defer rl.Close()
	s, err := newSession(opts, rl.Stdout(), rl.Stderr())
	if err != nil {
		fmt.Fprintf(stderr, "asyncgen: %v\n", err)
		return exitError
	}
	cfg.AutoComplete = completer{s}
	rl.SetConfig(cfg)

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

	fmt.Fprintf(rl.Stderr(), "asyncgen %s (Python 3.11 subset)\nTop-level await works; tasks keep running between prompts. Ctrl-D exits.\n", Version)
	status := readEvalPrint(rl, s)
	if err := s.quit(); err != nil {
		return report(rl.Stderr(), err, nil)
	}
	return status
}

// readEvalPrint reads inputs and runs them until Ctrl-D.
func readEvalPrint(rl *readline.Instance, s *session) int {
	var lines []string
	for {
		if len(lines) == 0 {
			rl.SetPrompt(prompt1)
		} else {
			rl.SetPrompt(prompt2)
		}
		line, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			fmt.Fprintln(rl.Stderr(), "KeyboardInterrupt")
			lines = nil
			continue
		case err == io.EOF && len(lines) == 0:
			fmt.Fprintln(rl.Stdout())
			return exitOK
		case err == io.EOF:
			line = "" // Ctrl-D ends a block as an empty line does
		case err != nil:
			fmt.Fprintf(rl.Stderr(), "asyncgen: %v\n", err)
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
		fmt.Fprint(rl.Stderr(), rep)
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
