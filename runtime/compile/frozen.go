package compile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/asyncgen/asyncgen/lang"
)

// Freeze encodes a compiled program, so that a library module can ship
// compiled and skip parsing and compiling at each start, as CPython's
// frozen modules do. Thaw decodes it. The encoding belongs to this
// version of the compiler: whoever freezes must check that the frozen form
// still equals a fresh compilation of the source.
func Freeze(p *Program) []byte {
	var e encoder
	e.str(p.Filename)
	e.code(p.Module)
	return e.b
}

// Thaw decodes what Freeze encoded; source is the program's text, used by
// tracebacks.
func Thaw(data, source []byte) (p *Program, err error) {
	d := decoder{b: data}
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("compile: bad frozen program: %v", r)
		}
	}()
	p = &Program{Filename: d.str(), Source: source}
	p.Module = d.code()
	if len(d.b) != 0 {
		return nil, errors.New("compile: bad frozen program: trailing bytes")
	}
	return p, nil
}

// Constant kinds in the encoding.
const (
	kNone byte = iota
	kFalse
	kTrue
	kInt
	kFloat
	kStr
	kEllipsis
	kCode
	kStrs
)

type encoder struct{ b []byte }

func (e *encoder) int(i int64) { e.b = binary.AppendVarint(e.b, i) }
func (e *encoder) str(s string) {
	e.int(int64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.int(int64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// putInts writes a length, then each integer.
func putInts[T int | int32](e *encoder, is []T) {
	e.int(int64(len(is)))
	for _, i := range is {
		e.int(int64(i))
	}
}

func (e *encoder) code(c *Code) {
	e.str(c.Name)
	e.str(c.QualName)
	e.str(c.Filename)
	e.int(int64(c.Line))
	e.int(int64(c.Flags))
	e.int(int64(c.ArgCount))
	e.int(int64(c.PosOnly))
	e.int(int64(c.KwOnly))
	e.strs(c.Locals)
	e.strs(c.Cells)
	e.strs(c.Frees)
	putInts(e, c.CellArgs)
	putInts(e, c.FreeFrom)
	e.int(int64(len(c.Instrs)))
	for _, in := range c.Instrs {
		e.int(int64(in.Op))
		e.int(int64(in.Sub))
		e.int(int64(in.K))
		e.int(int64(in.Arg))
	}
	putInts(e, c.Lines)
	putInts(e, c.Handler)
	e.int(int64(len(c.Handlers)))
	for _, h := range c.Handlers {
		e.int(int64(h.Target))
		e.int(int64(h.Depth))
	}
	e.int(int64(len(c.Consts)))
	for _, k := range c.Consts {
		e.constant(k)
	}
	e.strs(c.Names)
	e.int(int64(c.MaxStack))
}

func (e *encoder) constant(k any) {
	switch k := k.(type) {
	case nil:
		e.b = append(e.b, kNone)
	case bool:
		if k {
			e.b = append(e.b, kTrue)
		} else {
			e.b = append(e.b, kFalse)
		}
	case *big.Int:
		e.b = append(e.b, kInt)
		e.str(k.String())
	case float64:
		e.b = append(e.b, kFloat)
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(k))
	case string:
		e.b = append(e.b, kStr)
		e.str(k)
	case lang.EllipsisValue:
		e.b = append(e.b, kEllipsis)
	case *Code:
		e.b = append(e.b, kCode)
		e.code(k)
	case []string:
		e.b = append(e.b, kStrs)
		e.strs(k)
	default:
		panic(fmt.Sprintf("compile: cannot freeze a constant of type %T", k))
	}
}

// decoder reads what encoder wrote; it panics on malformed input, which
// Thaw turns into an error.
type decoder struct{ b []byte }

func (d *decoder) int() int64 {
	i, n := binary.Varint(d.b)
	if n <= 0 {
		panic("bad varint")
	}
	d.b = d.b[n:]
	return i
}

func (d *decoder) len() int {
	n := d.int()
	if n < 0 || n > int64(len(d.b)) {
		panic("bad length")
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.len()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) strs() []string {
	n := d.len()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

// getInts reads what putInts wrote; empty is nil.
func getInts[T int | int32](d *decoder) []T {
	n := d.len()
	if n == 0 {
		return nil
	}
	is := make([]T, n)
	for i := range is {
		is[i] = T(d.int())
	}
	return is
}

func (d *decoder) code() *Code {
	c := &Code{Name: d.str(), QualName: d.str(), Filename: d.str()}
	c.Line = int(d.int())
	c.Flags = Flags(d.int())
	c.ArgCount = int(d.int())
	c.PosOnly = int(d.int())
	c.KwOnly = int(d.int())
	c.Locals = d.strs()
	c.Cells = d.strs()
	c.Frees = d.strs()
	c.CellArgs = getInts[int](d)
	c.FreeFrom = getInts[int](d)
	c.Instrs = make([]Instr, d.len())
	for i := range c.Instrs {
		c.Instrs[i] = Instr{Op: Opcode(d.int()), Sub: uint8(d.int()), K: uint16(d.int()), Arg: int32(d.int())}
	}
	c.Lines = getInts[int32](d)
	c.Handler = getInts[int32](d)
	if n := d.len(); n > 0 {
		c.Handlers = make([]Handler, n)
		for i := range c.Handlers {
			c.Handlers[i] = Handler{Target: int(d.int()), Depth: int(d.int())}
		}
	}
	if n := d.len(); n > 0 {
		c.Consts = make([]any, n)
		for i := range c.Consts {
			c.Consts[i] = d.constant()
		}
	}
	c.Names = d.strs()
	c.MaxStack = int(d.int())
	return c
}

func (d *decoder) constant() any {
	k := d.b[0]
	d.b = d.b[1:]
	switch k {
	case kNone:
		return nil
	case kFalse:
		return false
	case kTrue:
		return true
	case kInt:
		i, ok := new(big.Int).SetString(d.str(), 10)
		if !ok {
			panic("bad int")
		}
		return i
	case kFloat:
		f := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
		d.b = d.b[8:]
		return f
	case kStr:
		return d.str()
	case kEllipsis:
		return lang.Ellipsis
	case kCode:
		return d.code()
	case kStrs:
		return d.strs()
	}
	panic(fmt.Sprintf("bad constant kind %d", k))
}
