package lang

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

// Dump writes a deterministic, indented rendering of f's syntax tree to w:
// one node per line as `Field: Type @line:col scalar=value...`, children
// indented below their parent. Zero-valued fields are left out.
func Dump(w io.Writer, f *File) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "File %q\n", f.Name)
	for i, s := range f.Body {
		dumpNode(bw, 1, fmt.Sprintf("Body[%d]", i), reflect.ValueOf(s))
	}
	return bw.Flush()
}

var (
	posType   = reflect.TypeOf(Pos{})
	opType    = reflect.TypeOf(Op(0))
	valueType = reflect.TypeOf((*any)(nil)).Elem()
)

// dumpNode writes the struct behind v (a pointer, possibly in an interface)
// labelled with label.
func dumpNode(w *bufio.Writer, depth int, label string, v reflect.Value) {
	indent := strings.Repeat("  ", depth)
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			fmt.Fprintf(w, "%s%s: nil\n", indent, label)
			return
		}
		v = v.Elem()
	}
	fmt.Fprintf(w, "%s%s: %s", indent, label, v.Type().Name())
	type child struct {
		label string
		v     reflect.Value
	}
	var children []child
	for i := 0; i < v.NumField(); i++ {
		f, fv := v.Type().Field(i), v.Field(i)
		switch {
		case f.Type == posType:
			p := fv.Interface().(Pos)
			fmt.Fprintf(w, " @%d:%d", p.Line, p.Col)
		case f.Type == opType:
			fmt.Fprintf(w, " %s=%q", f.Name, fv.Interface().(Op).String())
		case f.Type == valueType:
			fmt.Fprintf(w, " %s=%s", f.Name, constantString(fv.Interface()))
		case fv.IsZero():
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			fmt.Fprintf(w, " %s=%q", f.Name, fv.Interface())
		case f.Type.Kind() == reflect.Slice && f.Type.Elem() == opType:
			var ops []string
			for _, op := range fv.Interface().([]Op) {
				ops = append(ops, op.String())
			}
			fmt.Fprintf(w, " %s=%q", f.Name, ops)
		case f.Type.Kind() == reflect.Slice:
			for j := 0; j < fv.Len(); j++ {
				children = append(children, child{fmt.Sprintf("%s[%d]", f.Name, j), fv.Index(j)})
			}
		case f.Type.Kind() == reflect.Pointer || f.Type.Kind() == reflect.Interface:
			children = append(children, child{f.Name, fv})
		case f.Type.Kind() == reflect.Int32:
			fmt.Fprintf(w, " %s=%q", f.Name, rune(fv.Int()))
		case f.Type.Kind() == reflect.String:
			fmt.Fprintf(w, " %s=%q", f.Name, fv.String())
		default:
			fmt.Fprintf(w, " %s=%v", f.Name, fv.Interface())
		}
	}
	w.WriteByte('\n')
	for _, c := range children {
		dumpNode(w, depth+1, c.label, c.v)
	}
}

// constantString renders a Constant's value like Python's repr, with the
// type made explicit where repr would be ambiguous.
func constantString(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case *big.Int:
		return v.String()
	case float64:
		return floatString(v)
	case string:
		return strconv.Quote(v)
	case EllipsisValue:
		return "Ellipsis"
	}
	return fmt.Sprintf("%v", v)
}

// floatString renders f with a decimal point or exponent, as Python does.
func floatString(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	// Python's repr: the shortest digits, in exponent form outside
	// 1e-4 <= |f| < 1e16.
	exp := 0
	if f != 0 {
		e := strconv.FormatFloat(f, 'e', -1, 64)
		exp, _ = strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	}
	if exp < -4 || exp >= 16 {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
