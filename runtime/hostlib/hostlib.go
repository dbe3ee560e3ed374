// Package hostlib holds the host modules the asyncgen command grants
// scripts: files (with --allow-read) and http (with --allow-net). Each
// does its blocking work on goroutines of its own while the script's
// other tasks run.
package hostlib

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Modules returns the files and http modules for the grants of the
// command line: the working module when granted, and otherwise one whose
// import names the flag that grants it.
func Modules(allowRead, allowNet bool) []*runtime.HostModule {
	files, http := Denied("files", "--allow-read"), Denied("http", "--allow-net")
	if allowRead {
		files = Files()
	}
	if allowNet {
		http = HTTP(nil)
	}
	return []*runtime.HostModule{files, http}
}

// Denied returns a module called name whose import fails with
//
//	ModuleNotFoundError: No module named 'name' (run with FLAG to grant it)
func Denied(name, flag string) *runtime.HostModule {
	return &runtime.HostModule{Name: name, Load: func() (map[string]any, error) {
		return nil, value.Errorf(value.ModuleNotFoundError, "No module named %s (run with %s to grant it)", pyfmt.Quote(name), flag)
	}}
}

// The OSError subclasses of file errors, printed as CPython's.
var (
	FileNotFoundError  = &value.Class{Name: "FileNotFoundError", Module: "builtins", Base: value.OSError, Dict: value.NewDict(0)}
	PermissionError    = &value.Class{Name: "PermissionError", Module: "builtins", Base: value.OSError, Dict: value.NewDict(0)}
	IsADirectoryError  = &value.Class{Name: "IsADirectoryError", Module: "builtins", Base: value.OSError, Dict: value.NewDict(0)}
	NotADirectoryError = &value.Class{Name: "NotADirectoryError", Module: "builtins", Base: value.OSError, Dict: value.NewDict(0)}
)

// osError converts a file error to the exception CPython raises, such as
// FileNotFoundError: [Errno 2] No such file or directory: 'x'.
func osError(err error, path string) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return value.Errorf(value.OSError, "%s", err.Error())
	}
	cls := value.OSError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		cls = FileNotFoundError
	case errors.Is(err, fs.ErrPermission):
		cls = PermissionError
	case errno == syscall.EISDIR:
		cls = IsADirectoryError
	case errno == syscall.ENOTDIR:
		cls = NotADirectoryError
	}
	return value.Errorf(cls, "[Errno %d] %s: %s", int(errno), strerror(errno), pyfmt.Quote(path))
}

// strerror is C's strerror as CPython shows it: Go's message, capitalized.
func strerror(errno syscall.Errno) string {
	s := errno.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
