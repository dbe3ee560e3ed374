package value

import "github.com/asyncgen/asyncgen/lang"

// Binary returns x op y for the arithmetic and bitwise operators Add..BitAnd.
func Binary(th Thread, op lang.Op, x, y Value) (Value, error) {
	return binary(th, op, x, y, "")
}

// binary is Binary; suffix is "=" for an augmented assignment, for the
// error message.
func binary(th Thread, op lang.Op, x, y Value, suffix string) (Value, error) {
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			return smallIntBinary(op, int64(a), int64(b))
		}
	}
	if userClass(x) != nil || userClass(y) != nil {
		r, err := userBinary(th, op, x, y)
		if r != nil || err != nil {
			return r, err
		}
	} else {
		r, err := builtinBinary(th, op, x, y)
		if r != nil || err != nil {
			return r, err
		}
	}
	return nil, binaryTypeError(op, x, y, suffix)
}

var binaryDunders = [...][2]string{
	lang.Add:      {"__add__", "__radd__"},
	lang.Sub:      {"__sub__", "__rsub__"},
	lang.Mul:      {"__mul__", "__rmul__"},
	lang.Div:      {"__truediv__", "__rtruediv__"},
	lang.FloorDiv: {"__floordiv__", "__rfloordiv__"},
	lang.Mod:      {"__mod__", "__rmod__"},
	lang.Pow:      {"__pow__", "__rpow__"},
	lang.LShift:   {"__lshift__", "__rlshift__"},
	lang.RShift:   {"__rshift__", "__rrshift__"},
	lang.BitOr:    {"__or__", "__ror__"},
	lang.BitXor:   {"__xor__", "__rxor__"},
	lang.BitAnd:   {"__and__", "__rand__"},
}

var inplaceDunders = [...]string{
	lang.Add: "__iadd__", lang.Sub: "__isub__", lang.Mul: "__imul__",
	lang.Div: "__itruediv__", lang.FloorDiv: "__ifloordiv__", lang.Mod: "__imod__",
	lang.Pow: "__ipow__", lang.LShift: "__ilshift__", lang.RShift: "__irshift__",
	lang.BitOr: "__ior__", lang.BitXor: "__ixor__", lang.BitAnd: "__iand__",
}

func validBinaryOp(op lang.Op) bool { return op >= lang.Add && op <= lang.BitAnd }

// userBinary applies Python's rules for __op__ and __rop__ when an operand
// is an instance of a script class. It returns (nil, nil) when both sides
// return NotImplemented.
func userBinary(th Thread, op lang.Op, x, y Value) (Value, error) {
	if !validBinaryOp(op) {
		return nil, Errorf(SystemError, "bad binary operator %v", op)
	}
	names := binaryDunders[op]
	tx, ty := x.Type(), y.Type()
	var lfn, rfn Value
	if c := userClass(x); c != nil {
		lfn = c.lookupUser(names[0])
	}
	if c := userClass(y); c != nil && ty != tx {
		rfn = c.lookupUser(names[1])
	}
	if rfn != nil && ty.IsSubclass(tx) {
		r, err := callMethod(th, y, rfn, []Value{x}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
		rfn = nil
	}
	if lfn != nil {
		r, err := callMethod(th, x, lfn, []Value{y}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	} else {
		r, err := builtinBinary(th, op, x, y)
		if r != nil || err != nil {
			return r, err
		}
	}
	if rfn != nil {
		r, err := callMethod(th, y, rfn, []Value{x}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	return nil, nil
}

// builtinBinary implements the operators on builtin types. It returns
// (nil, nil) for unsupported operand types.
func builtinBinary(th Thread, op lang.Op, x, y Value) (Value, error) {
	if err := allocBinary(th, op, x, y); err != nil {
		return nil, err
	}
	switch x := x.(type) {
	case Int, Bool, *BigInt:
		switch y.(type) {
		case Int, Bool, *BigInt:
			if op >= lang.BitOr && op <= lang.BitAnd {
				if bx, ok := x.(Bool); ok {
					if by, ok := y.(Bool); ok {
						return boolBitwise(op, bool(bx), bool(by)), nil
					}
				}
			}
			return intBinary(op, x, y)
		case Float:
			return floatBinaryMixed(op, x, y)
		case String, *List, Tuple:
			if op == lang.Mul {
				return repeatSeq(y, x)
			}
		}
	case Float:
		switch y.(type) {
		case Int, Bool, *BigInt, Float:
			return floatBinaryMixed(op, x, y)
		}
	case String:
		switch op {
		case lang.Add:
			if y, ok := y.(String); ok {
				return concatValue(x, y), nil
			}
		case lang.Mul:
			return repeatSeq(x, y)
		case lang.Mod:
			return percentFormat(th, x, y)
		}
	case *List:
		switch op {
		case lang.Add:
			if y, ok := y.(*List); ok {
				elems := make([]Value, 0, len(x.Elems)+len(y.Elems))
				return NewList(append(append(elems, x.Elems...), y.Elems...)), nil
			}
		case lang.Mul:
			return repeatSeq(x, y)
		}
	case Tuple:
		switch op {
		case lang.Add:
			if y, ok := y.(Tuple); ok {
				elems := make(Tuple, 0, len(x)+len(y))
				return append(append(elems, x...), y...), nil
			}
		case lang.Mul:
			return repeatSeq(x, y)
		}
	case *Dict:
		if y, ok := y.(*Dict); ok && op == lang.BitOr {
			d, err := x.copyFor(th)
			if err != nil {
				return nil, err
			}
			return d, dictMerge(th, d, y)
		}
	case *dictView:
		if x.kind != dictValues && isSetOp(op) {
			return viewSetOp(th, op, x, y)
		}
	case *Set:
		if y, ok := y.(*Set); ok {
			return setBinary(th, op, x, y)
		}
	}
	return nil, nil
}

func boolBitwise(op lang.Op, a, b bool) Value {
	switch op {
	case lang.BitOr:
		return Bool(a || b)
	case lang.BitXor:
		return Bool(a != b)
	}
	return Bool(a && b)
}

func binaryTypeError(op lang.Op, x, y Value, suffix string) error {
	if op == lang.Add {
		switch x.(type) {
		case String, *List, Tuple:
			name := x.Type().Name
			if userClass(x) == nil {
				return Errorf(TypeError, "can only concatenate %s (not \"%s\") to %s", name, y.Type().Name, name)
			}
		}
	}
	if op == lang.Mul {
		switch x.(type) {
		case String, *List, Tuple:
			if !isInt(y) && userClass(y) == nil {
				return Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", y.Type().Name)
			}
		}
		switch y.(type) {
		case String, *List, Tuple:
			if !isInt(x) && userClass(x) == nil {
				return Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", x.Type().Name)
			}
		}
	}
	sym := op.String() + suffix
	if op == lang.Pow && suffix == "" {
		sym = "** or pow()"
	}
	return Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, x.Type().Name, y.Type().Name)
}

// maxRepeat bounds the size of a repeated sequence.
const maxRepeat = 1 << 31

// repeatSeq returns seq * n.
func repeatSeq(seq, n Value) (Value, error) {
	if !isInt(n) {
		return nil, nil
	}
	count, ok := AsInt64(n)
	if !ok {
		if intSign(n) < 0 {
			count = 0
		} else {
			return nil, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
	}
	if count < 0 {
		count = 0
	}
	var size int64
	switch s := seq.(type) {
	case String:
		size = int64(len(s.s))
	case *List:
		size = int64(len(s.Elems))
	case Tuple:
		size = int64(len(s))
	}
	if size == 0 {
		count = 0
	} else if count > maxRepeat/size {
		return nil, NewException(MemoryError)
	}
	c := int(count)
	switch s := seq.(type) {
	case String:
		return repeatString(s, c), nil
	case *List:
		return NewList(repeatValues(s.Elems, c)), nil
	}
	return Tuple(repeatValues(seq.(Tuple), c)), nil
}

func repeatValues(elems []Value, n int) []Value {
	out := make([]Value, 0, len(elems)*n)
	for i := 0; i < n; i++ {
		out = append(out, elems...)
	}
	return out
}

// InplaceBinary returns x op= y: in place for lists, sets and dicts and
// through __iop__, otherwise as Binary.
func InplaceBinary(th Thread, op lang.Op, x, y Value) (Value, error) {
	if userClass(x) != nil && validBinaryOp(op) {
		r, ok, err := callDunder(th, x, inplaceDunders[op], y)
		if err != nil {
			return nil, err
		}
		if ok && r != NotImplemented {
			return r, nil
		}
	}
	return baseInplace(th, op, x, y)
}

// baseInplace is InplaceBinary ignoring script __iop__ methods.
func baseInplace(th Thread, op lang.Op, x, y Value) (Value, error) {
	switch x := x.(type) {
	case *List:
		if err := allocBinary(th, op, x, y); err != nil {
			return nil, err
		}
		switch op {
		case lang.Add:
			if y, ok := y.(*List); ok {
				x.Elems = append(x.Elems, y.Elems...)
				return x, nil
			}
			items, err := Collect(th, y)
			if err != nil {
				return nil, err
			}
			x.Elems = append(x.Elems, items...)
			return x, nil
		case lang.Mul:
			r, err := repeatSeq(x, y)
			if r == nil || err != nil {
				if err == nil {
					err = binaryTypeError(op, x, y, "=")
				}
				return nil, err
			}
			x.Elems = r.(*List).Elems
			return x, nil
		}
	case *Set:
		if y, ok := y.(*Set); ok && !x.frozen && isSetOp(op) {
			return x, setInplace(th, op, x, y)
		}
	case *Dict:
		if op == lang.BitOr {
			return x, dictUpdate(th, x, y, nil)
		}
	}
	return binary(th, op, x, y, "=")
}

// Unary returns op x for USub, UAdd, Invert and Not.
func Unary(th Thread, op lang.Op, x Value) (Value, error) {
	if op == lang.Not {
		t, err := Truth(th, x)
		return Bool(!t), err
	}
	if userClass(x) != nil {
		name := unaryDunders[op]
		if r, ok, err := callDunder(th, x, name); ok || err != nil {
			return r, err
		}
	}
	switch v := x.(type) {
	case Bool:
		if v {
			return intUnary(op, Int(1))
		}
		return intUnary(op, Int(0))
	case Int, *BigInt:
		return intUnary(op, v)
	case Float:
		switch op {
		case lang.USub:
			return -v, nil
		case lang.UAdd:
			return v, nil
		}
	}
	return nil, Errorf(TypeError, "bad operand type for unary %s: '%s'", op, x.Type().Name)
}

var unaryDunders = map[lang.Op]string{lang.USub: "__neg__", lang.UAdd: "__pos__", lang.Invert: "__invert__"}

// Truth returns the truth value of v (bool(v)).
func Truth(th Thread, v Value) (bool, error) {
	if userClass(v) != nil {
		if r, ok, err := callDunder(th, v, "__bool__"); ok || err != nil {
			if err != nil {
				return false, err
			}
			b, isBool := r.(Bool)
			if !isBool {
				return false, Errorf(TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
			}
			return bool(b), nil
		}
		if r, ok, err := callDunder(th, v, "__len__"); ok || err != nil {
			if err != nil {
				return false, err
			}
			n, err := lenResult(r)
			return n > 0, err
		}
	}
	return baseTruth(v), nil
}

// baseTruth is the truth of a value of a builtin class.
func baseTruth(v Value) bool {
	switch v := v.(type) {
	case Bool:
		return bool(v)
	case NoneType:
		return false
	case Int:
		return v != 0
	case *BigInt:
		return true
	case Float:
		return v != 0
	case String:
		return v.n > 0
	case *List:
		return len(v.Elems) > 0
	case Tuple:
		return len(v) > 0
	case *Dict:
		return v.used > 0
	case *Set:
		return v.used > 0
	case *Range:
		return v.Len() > 0
	case *bigRange:
		return v.length().Sign() > 0
	case *dictView:
		return v.d.used > 0
	}
	return true
}

// lenResult checks the result of a __len__.
func lenResult(r Value) (int, error) {
	if !isInt(r) {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	n, ok := AsInt64(r)
	if !ok {
		return 0, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if n < 0 {
		return 0, Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(n), nil
}
