package value

// Argument checking for builtins, with CPython's messages.

// noKwargs fails if kwargs are given to fname.
func noKwargs(fname string, kwargs []Kwarg) error {
	if len(kwargs) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", fname)
	}
	return nil
}

// checkNoArgs checks a method without arguments (METH_NOARGS); args
// includes the receiver.
func checkNoArgs(fname string, args []Value, kwargs []Kwarg) error {
	if err := noKwargs(fname, kwargs); err != nil {
		return err
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, len(args)-1)
	}
	return nil
}

// checkOneArg checks a function of exactly one argument (METH_O); skip is
// 1 for methods, whose args include the receiver.
func checkOneArg(fname string, args []Value, kwargs []Kwarg, skip int) error {
	if err := noKwargs(fname, kwargs); err != nil {
		return err
	}
	if len(args)-skip != 1 {
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, len(args)-skip)
	}
	return nil
}

// checkArgs checks the positional argument count of a function without
// keyword arguments.
func checkArgs(fname string, args []Value, kwargs []Kwarg, min, max int) error {
	if err := noKwargs(fname, kwargs); err != nil {
		return err
	}
	return checkPositional(fname, len(args), min, max)
}

func checkPositional(fname string, n, min, max int) error {
	if n < min {
		if min == max {
			return Errorf(TypeError, "%s expected %d argument%s, got %d", fname, min, plural(min), n)
		}
		return Errorf(TypeError, "%s expected at least %d argument%s, got %d", fname, min, plural(min), n)
	}
	if max >= 0 && n > max {
		if min == max {
			return Errorf(TypeError, "%s expected %d argument%s, got %d", fname, max, plural(max), n)
		}
		return Errorf(TypeError, "%s expected at most %d argument%s, got %d", fname, max, plural(max), n)
	}
	return nil
}

// bindArgs binds positional and keyword arguments to the parameters
// names; the first min are required. Absent optional parameters are nil.
// posOnly parameters cannot be passed by keyword.
func bindArgs(fname string, args []Value, kwargs []Kwarg, names []string, min, posOnly int) ([]Value, error) {
	if len(args) > len(names) {
		return nil, Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), len(args))
	}
	out := make([]Value, len(names))
	copy(out, args)
	for _, kw := range kwargs {
		i := indexOf(names, kw.Name)
		if i < posOnly {
			return nil, Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, kw.Name)
		}
		if out[i] != nil {
			return nil, Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kw.Name, i+1)
		}
		out[i] = kw.Value
	}
	for i := 0; i < min; i++ {
		if out[i] == nil {
			return nil, Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// asInt converts an argument that must be an int ("'float' object cannot
// be interpreted as an integer").
func asInt(v Value) (int64, error) {
	if i, ok := AsInt64(v); ok {
		return i, nil
	}
	if _, ok := v.(*BigInt); ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// asStr converts an argument that must be a str.
func asStr(fname string, v Value, what string) (string, error) {
	if s, ok := v.(String); ok {
		return s.s, nil
	}
	return "", Errorf(TypeError, "%s() argument %s must be str, not %s", fname, what, v.Type().Name)
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
