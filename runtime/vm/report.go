package vm

import (
	"fmt"
	"io"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// Report writes an error that ended a script to w as CPython would, and
// returns the process exit status: 0 for nil, the code of a SystemExit
// (whose message, if it is not an int, is printed), and 1 after the
// traceback of any other exception or the message of any other error.
func (th *Thread) Report(w io.Writer, err error, source func(filename string) []byte) int {
	if err == nil {
		return 0
	}
	exc, ok := err.(*value.Exception)
	if !ok {
		fmt.Fprintln(w, err)
		return 1
	}
	if exc.Class.IsSubclass(value.SystemExit) {
		var code value.Value = value.None
		switch len(exc.Args) {
		case 0:
		case 1:
			code = exc.Args[0]
		default:
			code = value.Tuple(exc.Args)
		}
		if code == value.None {
			return 0
		}
		if n, ok := value.AsInt64(code); ok {
			return int(n & 0xff)
		}
		s, e := value.Str(th, code)
		if e != nil {
			s = "<exception str() failed>"
		}
		fmt.Fprintln(w, s)
		return 1
	}
	th.PrintException(w, exc, source)
	return 1
}
