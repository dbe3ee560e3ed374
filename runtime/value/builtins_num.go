package value

// The numeric builtin functions.

import (
	"math"
	"math/big"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

func builtinAbs(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("abs", args, kwargs, 0); err != nil {
		return nil, err
	}
	switch v := args[0].(type) {
	case Int, *BigInt, Bool:
		if intSign(v) < 0 {
			return intUnary(lang.USub, v)
		}
		return intValue(v), nil
	case Float:
		return Float(math.Abs(float64(v))), nil
	case *Instance:
		if r, ok, err := callDunder(th, v, "__abs__"); ok || err != nil {
			return r, err
		}
	}
	return nil, Errorf(TypeError, "bad operand type for abs(): '%s'", args[0].Type().Name)
}

func builtinRound(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("round", args, kwargs, []string{"number", "ndigits"}, 1, 0)
	if err != nil {
		return nil, err
	}
	x, nd := a[0], a[1]
	if nd == None {
		nd = nil
	}
	var n int64
	if nd != nil {
		if n, err = asInt(nd); err != nil {
			return nil, err
		}
	}
	switch v := x.(type) {
	case Float:
		if nd == nil {
			r := pyfmt.RoundHalfEven(float64(v))
			return toInt(th, Float(r))
		}
		r := pyfmt.Round(float64(v), int(n))
		if math.IsInf(r, 0) && !math.IsInf(float64(v), 0) {
			return nil, Errorf(OverflowError, "rounded value too large to represent")
		}
		return Float(r), nil
	case Int, *BigInt, Bool:
		if nd == nil || n >= 0 {
			return intValue(v), nil
		}
		return roundInt(toBig(v), -n), nil
	case *Instance:
		var extra []Value
		if nd != nil {
			extra = []Value{nd}
		}
		if r, ok, err := callDunder(th, v, "__round__", extra...); ok || err != nil {
			return r, err
		}
	}
	return nil, Errorf(TypeError, "type %s doesn't define __round__ method", x.Type().Name)
}

// roundInt rounds x to a multiple of 10**digits, halves to even.
func roundInt(x *big.Int, digits int64) Value {
	if digits > 4300 {
		return MakeInt(0)
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(digits), nil)
	q, r := floorDivMod(x, pow)
	twice := new(big.Int).Lsh(r, 1)
	if c := twice.Cmp(pow); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return MakeBigInt(q.Mul(q, pow))
}

func builtinDivmod(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("divmod", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	x, y := args[0], args[1]
	if isInt(x) && isInt(y) {
		q, err := Binary(th, lang.FloorDiv, x, y)
		if err != nil {
			return nil, err
		}
		m, err := Binary(th, lang.Mod, x, y)
		return Tuple{q, m}, err
	}
	_, fx := x.(Float)
	_, fy := y.(Float)
	if (fx || isInt(x)) && (fy || isInt(y)) {
		a, err := toFloat(x)
		if err != nil {
			return nil, err
		}
		b, err := toFloat(y)
		if err != nil {
			return nil, err
		}
		q, m, err := pyfmt.DivMod(a, b)
		if err != nil {
			return nil, PyfmtError(err)
		}
		return Tuple{Float(q), Float(m)}, nil
	}
	if r, ok, err := callDunder(th, x, "__divmod__", y); ok || err != nil {
		return r, err
	}
	return nil, Errorf(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", x.Type().Name, y.Type().Name)
}

func builtinPow(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("pow", args, kwargs, []string{"base", "exp", "mod"}, 2, 0)
	if err != nil {
		return nil, err
	}
	if a[2] == nil || a[2] == None {
		return Binary(th, lang.Pow, a[0], a[1])
	}
	if !isInt(a[0]) || !isInt(a[1]) || !isInt(a[2]) {
		return nil, Errorf(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
	}
	base, exp, mod := toBig(a[0]), toBig(a[1]), toBig(a[2])
	if mod.Sign() == 0 {
		return nil, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	m := new(big.Int).Abs(mod)
	if exp.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(base, m), m)
		if inv == nil {
			return nil, Errorf(ValueError, "base is not invertible for the given modulus")
		}
		base, exp = inv, exp.Neg(exp)
	}
	r := new(big.Int).Exp(base, exp, m)
	if mod.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, mod)
	}
	return MakeBigInt(r), nil
}

func builtinChr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("chr", args, kwargs, 0); err != nil {
		return nil, err
	}
	n, err := asInt(args[0])
	if err != nil {
		if _, big := args[0].(*BigInt); big {
			return nil, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return nil, err
	}
	if n < 0 || n > 0x10ffff {
		return nil, Errorf(ValueError, "chr() arg not in range(0x110000)")
	}
	return runeString(rune(n)), nil
}

func builtinOrd(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("ord", args, kwargs, 0); err != nil {
		return nil, err
	}
	s, ok := args[0].(String)
	if !ok {
		return nil, Errorf(TypeError, "ord() expected string of length 1, but %s found", args[0].Type().Name)
	}
	if s.n != 1 {
		return nil, Errorf(TypeError, "ord() expected a character, but string of length %d found", s.n)
	}
	r, _ := decodeRune(s.s)
	return MakeInt(int64(r)), nil
}

func intToBase(base int) BuiltinFunc {
	name := map[int]string{2: "bin", 8: "oct", 16: "hex"}[base]
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(name, args, kwargs, 0); err != nil {
			return nil, err
		}
		if !isInt(args[0]) {
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
		return MakeString(pyfmt.IntToBase(toBig(args[0]), base)), nil
	}
}
