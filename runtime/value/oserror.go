package value

// errnoNames lists errno values (Linux's) and the OSError subclass that
// OSError(errno, strerror) makes for them, as CPython's errnomap. It is
// data, not a map, so that start-up builds nothing.
var errnoNames = [...]struct {
	errno int64
	class string
}{
	{1, "PermissionError"}, {13, "PermissionError"}, {2, "FileNotFoundError"},
	{3, "ProcessLookupError"}, {4, "InterruptedError"}, {10, "ChildProcessError"},
	{11, "BlockingIOError"}, {114, "BlockingIOError"}, {115, "BlockingIOError"},
	{17, "FileExistsError"}, {20, "NotADirectoryError"}, {21, "IsADirectoryError"},
	{32, "BrokenPipeError"}, {108, "BrokenPipeError"}, {103, "ConnectionAbortedError"},
	{104, "ConnectionResetError"}, {111, "ConnectionRefusedError"}, {110, "TimeoutError"},
}

// errnoClass returns the OSError subclass for errno n, or nil.
func errnoClass(n int64) *Class {
	for _, e := range errnoNames {
		if e.errno != n {
			continue
		}
		for _, c := range exceptionClasses {
			if c.Name == e.class {
				return c
			}
		}
	}
	return nil
}

func init() { OSError.ctor = newOSError }

// osErrorMethods are the methods of OSError.
var osErrorMethods = []method{
	{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return nil, Errorf(TypeError, "descriptor '__init__' requires a 'OSError' object")
		}
		setOSErrorArgs(e, args[1:])
		return None, nil
	}},
}

// newOSError makes an OSError: OSError(errno, strerror, ...) with a known
// errno makes the matching subclass, as in CPython.
func newOSError(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if len(kwargs) > 0 && cls.lookupUser("__init__") == nil {
		return nil, Errorf(TypeError, "%s() takes no keyword arguments", cls.Name)
	}
	if cls == OSError && len(args) >= 2 {
		if n, ok := AsInt64(args[0]); ok {
			if c := errnoClass(n); c != nil {
				cls = c
			}
		}
	}
	e := &Exception{Class: cls}
	setOSErrorArgs(e, args)
	return e, initInstance(th, cls, e, args, kwargs)
}

// setOSErrorArgs is OSError's argument parsing: with 2 to 5 arguments
// they are errno, strerror, filename, winerror and filename2; args keeps
// only the first two when there is a filename.
func setOSErrorArgs(e *Exception, args []Value) {
	e.Args = append([]Value(nil), args...)
	if len(args) < 2 || len(args) > 5 {
		return
	}
	if e.Attrs == nil {
		e.Attrs = make(map[string]Value)
	}
	e.Attrs["errno"], e.Attrs["strerror"] = args[0], args[1]
	if len(args) >= 3 && args[2] != None {
		e.Attrs["filename"] = args[2]
		if len(args) == 5 {
			e.Attrs["filename2"] = args[4]
		}
		e.Args = e.Args[:2]
	}
}

// osErrorStr is str() of an OSError with errno and strerror:
// "[Errno 2] No such file: 'f.txt'".
func osErrorStr(th Thread, e *Exception) (string, error) {
	attr := func(name string) Value {
		if v, ok := e.Attrs[name]; ok {
			return v
		}
		return None
	}
	errno, strerror := attr("errno"), attr("strerror")
	if _, ok := e.Attrs["errno"]; !ok && len(e.Args) == 2 {
		errno, strerror = e.Args[0], e.Args[1] // made in Go with NewException
	}
	parts := []Value{errno, strerror}
	format := "[Errno %s] %s"
	if f := attr("filename"); f != None {
		parts = append(parts, f)
		format += ": %r"
		if f2 := attr("filename2"); f2 != None {
			parts = append(parts, f2)
			format += " -> %r"
		}
	}
	s, err := percentFormat(th, MakeString(format), Tuple(parts))
	if err != nil {
		return "", err
	}
	return s.(String).s, nil
}

// hasOSErrorAttrs reports whether str(e) is made of the attributes of an
// OSError (errno, strerror, filename) rather than of its args: when it
// was made with 2 to 5 arguments or given a filename.
func hasOSErrorAttrs(e *Exception) bool {
	if e.Attrs == nil || !e.Class.IsSubclass(OSError) {
		return false
	}
	_, ok := e.Attrs["errno"]
	f, named := e.Attrs["filename"]
	return ok || named && f != None
}
