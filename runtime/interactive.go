package runtime

import (
	"context"
	"errors"
	"io"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// The builtins that interactive input and Eval call.
const (
	displayHook = "__displayhook__"
	evalHook    = "__agen_eval__"
)

// ExecInteractive runs one input of an interactive session, as CPython's
// REPL runs it: in the persistent namespace __main__ (shared with Eval),
// from the file "<stdin>" (whose source lines tracebacks do not show),
// with each expression statement outside function and class bodies
// writing the repr of its value to Stdout unless it is None, and the
// builtin _ holding the last such value. Top-level await is allowed.
//
// Call Start first so that tasks an input creates keep running while
// the REPL waits for the next line. The caller prints errors: a
// *lang.Error for a syntax error, an *Error (see Traceback) for an
// exception.
func (in *Interpreter) ExecInteractive(ctx context.Context, src []byte) error {
	f, err := lang.Parse("<stdin>", src)
	if err != nil {
		return err
	}
	f.Body = displayStmts(f.Body)
	prog, err := vm.Compile(f)
	if err != nil {
		return err
	}
	return in.run(ctx, &funcs{startFn: func() (Value, error) {
		return in.th.ExecModule(prog, in.main)
	}})
}

// Eval evaluates expr, an expression (await allowed), in the interactive
// namespace __main__, and returns its value converted to Go (see the
// package documentation).
func (in *Interpreter) Eval(ctx context.Context, expr string) (any, error) {
	f, err := lang.Parse("<string>", []byte(expr))
	if err != nil {
		return nil, err
	}
	if len(f.Body) != 1 {
		return nil, errNotExpr
	}
	x, ok := f.Body[0].(*lang.ExprStmt)
	if !ok {
		return nil, errNotExpr
	}
	f.Body[0] = hookCall(evalHook, x)
	prog, err := vm.Compile(f)
	if err != nil {
		return nil, err
	}
	var out any
	err = in.run(ctx, &funcs{startFn: func() (Value, error) {
		in.evalResult = nil
		return in.th.ExecModule(prog, in.main)
	}, finishFn: func(Value) error {
		out = toGo(in.evalResult)
		in.evalResult = nil
		return nil
	}})
	return out, err
}

var errNotExpr = errors.New("runtime: Eval needs a single expression")

// hookCall returns the statement calling the builtin hook with x's value.
func hookCall(hook string, x *lang.ExprStmt) lang.Stmt {
	return &lang.ExprStmt{Pos: x.Pos, X: &lang.Call{
		Pos:  x.Pos,
		Func: &lang.Name{Pos: x.Pos, ID: hook},
		Args: []lang.Expr{x.X},
	}}
}

// displayStmts rewrites the expression statements of body, and of the
// compound statements in it, into calls of the display hook, as CPython
// compiles interactive input.
func displayStmts(body []lang.Stmt) []lang.Stmt {
	for i, st := range body {
		switch st := st.(type) {
		case *lang.ExprStmt:
			body[i] = hookCall(displayHook, st)
		case *lang.If:
			displayStmts(st.Body)
			displayStmts(st.Else)
		case *lang.While:
			displayStmts(st.Body)
			displayStmts(st.Else)
		case *lang.For:
			displayStmts(st.Body)
			displayStmts(st.Else)
		case *lang.With:
			displayStmts(st.Body)
		case *lang.Try:
			displayStmts(st.Body)
			for _, h := range st.Handlers {
				displayStmts(h.Body)
			}
			displayStmts(st.Else)
			displayStmts(st.Finally)
		}
	}
	return body
}

// display is sys.displayhook: it writes repr(v) and sets builtins._.
func (in *Interpreter) display(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
	v := args[0]
	if v == value.None {
		return value.None, nil
	}
	in.th.SetBuiltin("_", value.None)
	s, err := value.Repr(th, v)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(th.Stdout(), s+"\n"); err != nil {
		return nil, value.Errorf(value.OSError, "%v", err)
	}
	in.th.SetBuiltin("_", v)
	return value.None, nil
}

// capture stores the value of Eval's expression.
func (in *Interpreter) capture(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
	in.evalResult = args[0]
	return value.None, nil
}
