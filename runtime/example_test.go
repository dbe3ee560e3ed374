package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// The shortest embedding: run a script.
func Example() {
	in := runtime.New(runtime.Options{Stdout: os.Stdout})
	defer in.Close()
	_, err := in.Exec(context.Background(), "hello.agen", []byte(`print("hello, world")`))
	if err != nil {
		log.Fatal(err)
	}
	// Output: hello, world
}

// A host function doing blocking work on its own goroutine, awaited by
// the script while its other tasks run.
func ExampleBlockingFunc() {
	lookup := runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
		name := args[0].(string)
		// A database, a remote service... ada's answer comes 0.1 s
		// before grace's: a lead that a busy machine does not undo.
		time.Sleep(time.Duration(len(name)) * 50 * time.Millisecond)
		return strings.ToUpper(name), nil
	})
	in := runtime.New(runtime.Options{
		Stdout:  os.Stdout,
		Modules: []*runtime.HostModule{{Name: "users", Members: map[string]any{"lookup": lookup}}},
	})
	defer in.Close()
	_, err := in.Exec(context.Background(), "lookup.agen", []byte(`
import asyncio, users

async def show(name):
    print(name, "->", await users.lookup(name))

await asyncio.gather(show("ada"), show("grace"))
`))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// ada -> ADA
	// grace -> GRACE
}

// A Go range loop over a script async generator. Breaking out of the loop
// closes the generator: its finally block has run when the loop ends.
func ExampleInterpreter_Iter() {
	in := runtime.New(runtime.Options{Stdout: os.Stdout, VirtualTime: true})
	defer in.Close()
	ctx := context.Background()
	m, err := in.Exec(ctx, "ticks.agen", []byte(`
import asyncio

async def ticks():
    n = 0
    try:
        while True:
            await asyncio.sleep(1)
            n += 1
            yield n
    finally:
        print("ticks closed after", n)
`))
	if err != nil {
		log.Fatal(err)
	}
	gen, err := in.Call(ctx, m.Get("ticks"))
	if err != nil {
		log.Fatal(err)
	}
	for v, err := range in.Iter(ctx, gen.(runtime.Value)) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("tick", v)
		if v == int64(3) {
			break
		}
	}
	fmt.Println("done")
	// Output:
	// tick 1
	// tick 2
	// tick 3
	// ticks closed after 3
	// done
}

// Cancelling the context cancels the script's tasks at their awaits; their
// finally blocks run, and the error wraps the context's.
func ExampleInterpreter_Exec_cancel() {
	in := runtime.New(runtime.Options{Stdout: os.Stdout})
	defer in.Close()
	// The deadline leaves time to compile the script and import asyncio
	// (up to 0.2 s under -race on a busy machine) before it awaits.
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := in.Exec(ctx, "slow.agen", []byte(`
import asyncio
try:
    await asyncio.sleep(3600)
finally:
    print("cleaning up")
`))
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err)
	// Output:
	// cleaning up
	// true asyncio.exceptions.CancelledError
}

// A step limit stops a script that never ends; the host goes on.
func ExampleOptions_maxSteps() {
	in := runtime.New(runtime.Options{MaxSteps: 1_000_000})
	defer in.Close()
	_, err := in.Exec(context.Background(), "spin.agen", []byte(`
while True:
    pass
`))
	var limit *runtime.LimitError
	fmt.Println(errors.As(err, &limit), err)
	// Output: true step limit exceeded (1000000 steps)
}

// A context's deadline stops a script that computes without awaiting.
func ExampleInterpreter_Exec_timeout() {
	in := runtime.New(runtime.Options{})
	defer in.Close()
	// A deadline that passed while Exec compiled would stop the call
	// before the spin (with the context's plain error).
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := in.Exec(ctx, "spin.agen", []byte("while True: pass\n"))
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err)
	// Output: true interrupted: context deadline exceeded
}

// An allocation over MaxMemory raises MemoryError in the script.
func ExampleOptions_maxMemory() {
	in := runtime.New(runtime.Options{MaxMemory: 64 << 20})
	defer in.Close()
	_, err := in.Exec(context.Background(), "big.agen", []byte(`
try:
    x = [0] * 10**10
except MemoryError:
    print("caught")
`))
	fmt.Println(err)
	// Output:
	// caught
	// <nil>
}
