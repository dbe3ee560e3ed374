// Package runtime embeds asyncgen in Go programs: it runs scripts, calls
// their functions, iterates their generators and async generators with Go
// range loops, and lets scripts call host functions written in Go.
//
//	in := runtime.New(runtime.Options{Stdout: os.Stdout})
//	defer in.Close()
//	m, err := in.Exec(ctx, "app.agen", src)
//	v, err := in.Call(ctx, m.Get("handler"), "arg")
//	for item, err := range in.Iter(ctx, gen) { ... }
//
// # Goroutines
//
// An Interpreter owns one script thread and its event loop; interpreters
// share no mutable state, so many may run in parallel. The methods of an
// Interpreter may be called from any goroutine and take turns. Script
// code runs on one goroutine at a time: by default the caller's, and an
// Exec or Call that awaits runs an event loop of its own until it is
// done, as asyncio.run does. While the loop must outlive a call — during
// a range over an async generator, and from Start until Close — it runs
// in a coroutine of its own (iter.Pull), and every call is handed to it.
// During a range without Start, the goroutines waiting for the loop (the
// range's, for the next item, and those of the calls made meanwhile)
// drive it in turn, switching to it and back without the scheduler: the
// loop moves while a call or the range waits, and stands still while the
// range body runs, as in an async for whose body does not await. From
// Start on, a goroutine of its own drives it, and tasks run between
// calls. Go does not allow a coroutine switch from a goroutine locked to
// its OS thread (runtime.LockOSThread): the program would crash, so a
// program making calls from such a goroutine must call Start first.
//
// Host functions run on the script goroutine (Func) or on goroutines of
// their own (BlockingFunc, StreamFunc); none may call the Interpreter.
//
// # Values
//
// Go values become script values (arguments of Call, results of host
// functions, Options.Globals and HostModule members) thus:
//
//	nil, nil pointer, slice or map      None
//	bool                                bool
//	int*, uint*                         int (big when needed)
//	float32, float64                    float
//	string                              str
//	slice or array (except []byte)      list
//	map with string or integer keys     dict (keys sorted)
//	struct, pointer to struct           an object with one attribute per
//	                                    exported field (named by the
//	                                    `agen:"name"` tag, or the field)
//	Func, BlockingFunc, StreamFunc      a builtin function
//	a script Value                      itself
//
// Anything else (channels, other funcs, []byte, errors) is an error naming
// the Go type.
//
// Script values become Go values (results of Call and Eval, items of
// Iter, arguments of host functions): None is nil, bool bool, int int64
// (*big.Int beyond 64 bits), float float64, str string, list and tuple
// []any, a dict whose keys are all str map[string]any. Anything else —
// functions, generators, class instances, other dicts — stays a script
// Value, to be handed back to the Interpreter. Decode goes on to structs,
// typed slices and maps.
//
// # Errors
//
// A script exception reaches Go as an *Error, with its type, message,
// frames and CPython's report (Traceback); a syntax error as a
// *lang.Error; a step limit or a stop by the context as a *LimitError. An error a host function
// returns reaches the script as an exception it can catch: a
// *value.Exception as itself, anything else as RuntimeError with the
// error's message; a panic in a host function too.
//
// # Cancellation and limits
//
// Cancelling the context of a call cancels the task it awaits (and, for
// Exec, the tasks left then, as asyncio.run's shutdown does): they see
// CancelledError at their awaits, their finally blocks run, and the error
// returned wraps ctx.Err(). Script code still running 100ms after the
// context is done — code that computes without awaiting, or swallows the
// cancellation — is stopped at its next step check with a *LimitError
// that wraps ctx.Err(); in the background mode (Start) that stops the
// loop and its tasks, and the next call starts another. Interrupt raises
// KeyboardInterrupt in running code, as Ctrl-C does in CPython.
//
// Options.MaxSteps bounds the steps of each call and Options.MaxMemory
// the heap the scripts grow (MemoryError, which scripts may catch). Step
// checks come every 16K steps, a fraction of a millisecond; a single
// builtin operation (sorting a long list) is not interrupted. Integers
// are bounded at 2**24 bits (MemoryError beyond), so 2 ** 10**9 fails
// fast where CPython would compute it. After any of these errors the
// interpreter stays usable.
package runtime
