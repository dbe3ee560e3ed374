package runtime

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// toValue converts a Go value to a script value. It runs on the script
// goroutine (struct classes are per interpreter).
func (in *Interpreter) toValue(x any) (Value, error) {
	switch x := x.(type) {
	case nil:
		return value.None, nil
	case Value:
		return x, nil
	case bool:
		return value.Bool(x), nil
	case int:
		return value.MakeInt(int64(x)), nil
	case int64:
		return value.MakeInt(x), nil
	case float64:
		return value.Float(x), nil
	case string:
		return value.MakeString(x), nil
	case *big.Int:
		if x == nil {
			return value.None, nil
		}
		return value.MakeBigInt(new(big.Int).Set(x)), nil
	case []any:
		return in.toList(len(x), func(i int) any { return x[i] })
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := value.NewDict(len(x))
		for _, k := range keys {
			v, err := in.toValue(x[k])
			if err != nil {
				return nil, err
			}
			d.SetString(k, v)
		}
		return d, nil
	case Func:
		return in.hostFunc("host_function", x), nil
	case BlockingFunc:
		return in.blockingFunc("host_function", x), nil
	case StreamFunc:
		return in.streamFunc("host_function", x), nil
	case error:
		return nil, fmt.Errorf("runtime: cannot convert Go error %T to a script value", x)
	}
	return in.reflectValue(reflect.ValueOf(x))
}

// reflectValue converts the Go values the type switch of toValue leaves.
func (in *Interpreter) reflectValue(rv reflect.Value) (Value, error) {
	switch rv.Kind() {
	case reflect.Bool:
		return value.Bool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value.MakeInt(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > 1<<63-1 {
			return value.MakeBigInt(new(big.Int).SetUint64(u)), nil
		}
		return value.MakeInt(int64(u)), nil
	case reflect.Float32, reflect.Float64:
		return value.Float(rv.Float()), nil
	case reflect.String:
		return value.MakeString(rv.String()), nil
	case reflect.Slice:
		if rv.IsNil() {
			return value.None, nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			break // no bytes type yet
		}
		fallthrough
	case reflect.Array:
		return in.toList(rv.Len(), func(i int) any { return rv.Index(i).Interface() })
	case reflect.Map:
		if rv.IsNil() {
			return value.None, nil
		}
		return in.toDict(rv)
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return value.None, nil
		}
		if rv.Kind() == reflect.Interface || rv.Elem().Kind() == reflect.Struct {
			return in.toValue(rv.Elem().Interface())
		}
	case reflect.Struct:
		return in.toObject(rv)
	}
	return nil, fmt.Errorf("runtime: cannot convert Go %s to a script value", rv.Type())
}

func (in *Interpreter) toList(n int, at func(int) any) (Value, error) {
	elems := make([]Value, n)
	for i := range elems {
		v, err := in.toValue(at(i))
		if err != nil {
			return nil, err
		}
		elems[i] = v
	}
	return value.NewList(elems), nil
}

// toDict converts a map with string or integer keys, sorting them so that
// the dict's order does not depend on Go's map iteration.
func (in *Interpreter) toDict(rv reflect.Value) (Value, error) {
	keys := rv.MapKeys()
	switch rv.Type().Key().Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	default:
		return nil, fmt.Errorf("runtime: cannot convert Go %s to a script value (keys must be strings or integers)", rv.Type())
	}
	d := value.NewDict(len(keys))
	for _, k := range keys {
		kv, err := in.reflectValue(k)
		if err != nil {
			return nil, err
		}
		v, err := in.toValue(rv.MapIndex(k).Interface())
		if err != nil {
			return nil, err
		}
		if err := d.SetItem(in.th, kv, v); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// toObject converts a struct to an instance of a class named after the
// struct type, made once per interpreter and type.
func (in *Interpreter) toObject(rv reflect.Value) (Value, error) {
	t := rv.Type()
	cls := in.classes[t]
	if cls == nil {
		name := t.Name()
		if name == "" {
			name = "object"
		}
		cls = &value.Class{Name: name, Module: "host", Base: value.ObjectType, Dict: value.NewDict(0)}
		in.classes[t] = cls
	}
	d := value.NewDict(t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		v, err := in.toValue(rv.Field(i).Interface())
		if err != nil {
			return nil, fmt.Errorf("runtime: field %s.%s: %w", t.Name(), f.Name, err)
		}
		d.SetString(fieldName(f), v)
	}
	return &value.Instance{Class: cls, Dict: d}, nil
}

// fieldName returns the script name of a struct field.
func fieldName(f reflect.StructField) string {
	if tag, ok := f.Tag.Lookup("agen"); ok && tag != "" {
		return tag
	}
	return f.Name
}

// toGo converts a script value to Go, as the package documentation
// says. It runs on the script goroutine.
func toGo(v Value) any {
	switch v := v.(type) {
	case value.NoneType:
		return nil
	case value.Bool:
		return bool(v)
	case value.Int:
		return int64(v)
	case *value.BigInt:
		return new(big.Int).Set(v.Big())
	case value.Float:
		return float64(v)
	case value.String:
		return v.String()
	case *value.List:
		return toGoSlice(v.Elems)
	case value.Tuple:
		return toGoSlice(v)
	case *value.Dict:
		m := make(map[string]any, v.Len())
		for _, kv := range v.Items() {
			k, ok := kv[0].(value.String)
			if !ok {
				return v
			}
			m[k.String()] = toGo(kv[1])
		}
		return m
	}
	return v
}

func toGoSlice(elems []Value) []any {
	out := make([]any, len(elems))
	for i, e := range elems {
		out[i] = toGo(e)
	}
	return out
}

// Decode stores src, a value converted from the script (a result of Call,
// an item of Iter, an argument of a host function), in the Go variable
// dst points to. Beyond the plain conversions it fills structs from dicts
// by field name (or `agen:"name"` tag; a missing key leaves the field
// alone), typed slices from lists, typed maps from dicts, and any numeric
// type from int (checking the range) or float. An error names the script
// type and the Go type.
func Decode(src any, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("runtime: Decode needs a non-nil pointer, not %T", dst)
	}
	return decode(src, rv.Elem())
}

func decode(src any, dst reflect.Value) error {
	if src == nil {
		switch dst.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Map:
			dst.SetZero()
			return nil
		}
		return decodeError(src, dst)
	}
	if dst.Kind() == reflect.Interface {
		if reflect.TypeOf(src).AssignableTo(dst.Type()) {
			dst.Set(reflect.ValueOf(src))
			return nil
		}
		return decodeError(src, dst)
	}
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		if err := decode(src, p.Elem()); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	switch s := src.(type) {
	case bool:
		if dst.Kind() == reflect.Bool {
			dst.SetBool(s)
			return nil
		}
	case int64:
		switch dst.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if !dst.OverflowInt(s) {
				dst.SetInt(s)
				return nil
			}
			return fmt.Errorf("runtime: script int %d overflows Go %s", s, dst.Type())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if s >= 0 && !dst.OverflowUint(uint64(s)) {
				dst.SetUint(uint64(s))
				return nil
			}
			return fmt.Errorf("runtime: script int %d overflows Go %s", s, dst.Type())
		case reflect.Float32, reflect.Float64:
			dst.SetFloat(float64(s))
			return nil
		}
	case float64:
		if k := dst.Kind(); k == reflect.Float32 || k == reflect.Float64 {
			dst.SetFloat(s)
			return nil
		}
	case string:
		if dst.Kind() == reflect.String {
			dst.SetString(s)
			return nil
		}
	case []any:
		if dst.Kind() == reflect.Slice {
			out := reflect.MakeSlice(dst.Type(), len(s), len(s))
			for i, e := range s {
				if err := decode(e, out.Index(i)); err != nil {
					return fmt.Errorf("index %d: %w", i, err)
				}
			}
			dst.Set(out)
			return nil
		}
	case map[string]any:
		switch {
		case dst.Kind() == reflect.Struct:
			return decodeStruct(s, dst)
		case dst.Kind() == reflect.Map && dst.Type().Key().Kind() == reflect.String:
			out := reflect.MakeMapWithSize(dst.Type(), len(s))
			for k, e := range s {
				ev := reflect.New(dst.Type().Elem()).Elem()
				if err := decode(e, ev); err != nil {
					return fmt.Errorf("key %q: %w", k, err)
				}
				out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), ev)
			}
			dst.Set(out)
			return nil
		}
	}
	if reflect.TypeOf(src).AssignableTo(dst.Type()) {
		dst.Set(reflect.ValueOf(src))
		return nil
	}
	return decodeError(src, dst)
}

func decodeStruct(m map[string]any, dst reflect.Value) error {
	t := dst.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		e, ok := m[fieldName(f)]
		if !ok {
			continue
		}
		if err := decode(e, dst.Field(i)); err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
	}
	return nil
}

func decodeError(src any, dst reflect.Value) error {
	return fmt.Errorf("runtime: cannot convert script %s to Go %s", scriptTypeName(src), dst.Type())
}

// scriptTypeName names the script type a converted value came from.
func scriptTypeName(x any) string {
	switch x := x.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case []any:
		return "list"
	case map[string]any:
		return "dict"
	case Value:
		return x.Type().Name
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", x), "*")
}
