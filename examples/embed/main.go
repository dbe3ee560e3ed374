// Command embed is a small log processor that shows asyncgen embedded in
// a Go program. Go reads log lines and feeds them to the script through
// a channel; the user's rules (rules.agen) filter, enrich and batch them
// with async generators, awaiting a lookup the host does on goroutines of
// its own; Go ranges over the batches the script yields.
//
// Usage:
//
//	embed [-rules FILE] [-batch N] < app.log
//
// A log line is "TIME LEVEL USER MESSAGE".
package main

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

//go:embed rules.agen
var defaultRules []byte

// Record is a log record as the rules yield it.
type Record struct {
	Time  string `agen:"time"`
	Level string `agen:"level"`
	User  string `agen:"user"`
	Msg   string `agen:"msg"`
	Team  string `agen:"team"`
}

// teams is the directory the host looks users up in.
var teams = map[string]string{"ada": "payments", "grace": "compilers", "linus": "kernel"}

func main() {
	rulesFile := flag.String("rules", "", "the rules `file` (default: the built-in rules.agen)")
	size := flag.Int("batch", 2, "records per batch")
	flag.Parse()
	rules, name := defaultRules, "rules.agen"
	if *rulesFile != "" {
		b, err := os.ReadFile(*rulesFile)
		if err != nil {
			log.Fatal(err)
		}
		rules, name = b, *rulesFile
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := process(ctx, name, rules, os.Stdin, os.Stdout, *size); err != nil {
		var e *runtime.Error
		if errors.As(err, &e) {
			fmt.Fprint(os.Stderr, e.Traceback())
			os.Exit(1)
		}
		log.Fatal(err)
	}
}

// process runs the rules over the lines of logs and writes the batches
// they yield to out.
func process(ctx context.Context, name string, rules []byte, logs io.Reader, out io.Writer, size int) error {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(logs)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	in := runtime.New(runtime.Options{
		Stdout: out,
		Modules: []*runtime.HostModule{{Name: "host", Members: map[string]any{
			"lines": runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
				for {
					select {
					case line, ok := <-lines:
						if !ok || !yield(line) {
							return nil
						}
					case <-ctx.Done():
						return nil
					}
				}
			}),
			"team": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
				time.Sleep(time.Millisecond) // a directory service
				if team, ok := teams[args[0].(string)]; ok {
					return team, nil
				}
				return "unknown", nil
			}),
		}}},
	})
	defer in.Close()
	m, err := in.Exec(ctx, name, rules)
	if err != nil {
		return err
	}
	pipe, err := in.Call(ctx, m.Get("pipeline"), size)
	if err != nil {
		return err
	}
	n := 0
	for batch, err := range in.Iter(ctx, pipe.(runtime.Value)) {
		if err != nil {
			return err
		}
		var records []Record
		if err := runtime.Decode(batch, &records); err != nil {
			return err
		}
		n++
		fmt.Fprintf(out, "batch %d:\n", n)
		for _, r := range records {
			fmt.Fprintf(out, "  %s %-5s %s (%s): %s\n", r.Time, r.Level, r.User, r.Team, r.Msg)
		}
	}
	return nil
}
