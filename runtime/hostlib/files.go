package hostlib

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Files returns the files module:
//
//	text = await files.read(path)       # the whole file, as str
//	async for line in files.lines(path): # streamed, without the "\n"
//
// Paths are relative to the working directory. Errors are OSErrors such
// as FileNotFoundError, worded as CPython's.
func Files() *runtime.HostModule {
	return &runtime.HostModule{Name: "files", Members: map[string]any{
		"read":  runtime.BlockingFunc(read),
		"lines": runtime.StreamFunc(lines),
	}}
}

// pathArg returns the single str argument of fn.
func pathArg(fn string, args []any) (string, error) {
	if len(args) != 1 {
		return "", value.Errorf(value.TypeError, "%s() takes exactly one argument (%d given)", fn, len(args))
	}
	p, ok := args[0].(string)
	if !ok {
		return "", value.Errorf(value.TypeError, "%s() argument must be str", fn)
	}
	return p, nil
}

func read(ctx context.Context, args []any) (any, error) {
	path, err := pathArg("read", args)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, osError(err, path)
	}
	return string(b), nil
}

func lines(ctx context.Context, args []any, yield func(any) bool) error {
	path, err := pathArg("lines", args)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return osError(err, path)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if line != "" && !yield(strings.TrimSuffix(line, "\n")) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return osError(err, path)
		}
	}
}
