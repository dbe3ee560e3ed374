package value

import "github.com/asyncgen/asyncgen/lang"

// dictView is dict.keys(), dict.values() or dict.items().
type dictView struct {
	d    *Dict
	kind dictIterKind
}

var (
	dictKeysType   = newBuiltinClass("dict_keys", ObjectType)
	dictValuesType = newBuiltinClass("dict_values", ObjectType)
	dictItemsType  = newBuiltinClass("dict_items", ObjectType)
)

func (v *dictView) Type() *Class {
	return [...]*Class{dictKeysType, dictValuesType, dictItemsType}[v.kind]
}

func (v *dictView) contains(th Thread, x Value) (bool, error) {
	switch v.kind {
	case dictKeys:
		_, ok, err := v.d.Get(th, x)
		return ok, err
	case dictItems:
		t, ok := x.(Tuple)
		if !ok || len(t) != 2 {
			return false, nil
		}
		val, ok, err := v.d.Get(th, t[0])
		if err != nil || !ok {
			return false, err
		}
		return Equal(th, val, t[1])
	}
	items, err := v.list(th)
	if err != nil {
		return false, err
	}
	return seqContains(th, items, x)
}

// list returns the view's items in a new slice, reported to th first.
func (v *dictView) list(th Thread) ([]Value, error) {
	size := int64(wordSize)
	if v.kind == dictItems {
		size += 3 * wordSize // the pair
	}
	if err := Alloc(th, int64(v.d.used)*size); err != nil {
		return nil, err
	}
	items := make([]Value, 0, v.d.used)
	v.d.each(func(k, val Value) error {
		switch v.kind {
		case dictKeys:
			items = append(items, k)
		case dictValues:
			items = append(items, val)
		default:
			items = append(items, pair(k, val))
		}
		return nil
	})
	return items, nil
}

func (v *dictView) repr(th Thread) (string, error) {
	items, err := v.list(th)
	if err != nil {
		return "", err
	}
	return reprSeq(th, v, v.Type().Name+"([", "])", items, "...")
}

// viewSetOp implements set operators on keys and items views: the result
// is a set.
func viewSetOp(th Thread, op lang.Op, x, y Value) (Value, error) {
	s := NewSet()
	if err := s.Update(th, x); err != nil {
		return nil, err
	}
	other := NewSet()
	if err := other.Update(th, y); err != nil {
		return nil, err
	}
	return setBinary(th, op, s, other)
}

// dictMerge adds the entries of src to d.
func dictMerge(th Thread, d, src *Dict) error {
	return src.each(func(k, v Value) error { return d.SetItem(th, k, v) })
}

// dictUpdate is dict.update(arg, **kwargs): arg is a dict, an object with
// keys(), or an iterable of pairs.
func dictUpdate(th Thread, d *Dict, arg Value, kwargs []Kwarg) error {
	switch a := arg.(type) {
	case nil:
	case *Dict:
		if err := dictMerge(th, d, a); err != nil {
			return err
		}
	default:
		if keys, err := GetAttr(th, arg, "keys"); err == nil && userClass(arg) != nil {
			ks, err := Call(th, keys, nil, nil)
			if err != nil {
				return err
			}
			if err := ForEach(th, ks, func(k Value) error {
				v, err := GetItem(th, arg, k)
				if err != nil {
					return err
				}
				return d.SetItem(th, k, v)
			}); err != nil {
				return err
			}
			break
		}
		i := 0
		if err := ForEach(th, arg, func(item Value) error {
			pair, err := Collect(th, item)
			if err != nil {
				return Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			if len(pair) != 2 {
				return Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
			}
			i++
			return d.SetItem(th, pair[0], pair[1])
		}); err != nil {
			return err
		}
	}
	for _, kw := range kwargs {
		d.SetString(kw.Name, kw.Value)
	}
	return nil
}

func dictReceiver(args []Value) *Dict { return args[0].(*Dict) }

// dictMethods are the methods of dict other than its operators and
// fromkeys.
var dictMethods = []method{
	{"get", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("get", args[1:], kwargs, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := dictReceiver(args).Get(th, args[1])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return None, nil
	}},
	{"keys", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return &dictView{dictReceiver(args), dictKeys}, checkNoArgs("dict.keys", args, kwargs)
	}},
	{"values", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return &dictView{dictReceiver(args), dictValues}, checkNoArgs("dict.values", args, kwargs)
	}},
	{"items", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return &dictView{dictReceiver(args), dictItems}, checkNoArgs("dict.items", args, kwargs)
	}},
	{"pop", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("pop", args[1:], kwargs, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := dictReceiver(args).Delete(th, args[1])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return nil, NewException(KeyError, args[1])
	}},
	{"popitem", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("dict.popitem", args, kwargs); err != nil {
			return nil, err
		}
		d := dictReceiver(args)
		for i := len(d.entries) - 1; i >= 0; i-- {
			if e := d.entries[i]; e.key != nil {
				if _, _, err := d.Delete(th, e.key); err != nil {
					return nil, err
				}
				return Tuple{e.key, e.val}, nil
			}
		}
		return nil, NewException(KeyError, MakeString("popitem(): dictionary is empty"))
	}},
	{"setdefault", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("setdefault", args[1:], kwargs, 1, 2); err != nil {
			return nil, err
		}
		d := dictReceiver(args)
		v, ok, err := d.Get(th, args[1])
		if err != nil || ok {
			return v, err
		}
		def := None
		if len(args) == 3 {
			def = args[2]
		}
		return def, d.SetItem(th, args[1], def)
	}},
	{"update", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkPositional("update", len(args)-1, 0, 1); err != nil {
			return nil, err
		}
		var arg Value
		if len(args) == 2 {
			arg = args[1]
		}
		return None, dictUpdate(th, dictReceiver(args), arg, kwargs)
	}},
	{"copy", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("dict.copy", args, kwargs); err != nil {
			return nil, err
		}
		return dictReceiver(args).copyFor(th)
	}},
	{"clear", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("dict.clear", args, kwargs); err != nil {
			return nil, err
		}
		dictReceiver(args).Clear()
		return None, nil
	}},
	{"__getitem__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("dict.__getitem__", args, kwargs, 1); err != nil {
			return nil, err
		}
		return GetItem(th, args[0], args[1])
	}},
	{"__contains__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("dict.__contains__", args, kwargs, 1); err != nil {
			return nil, err
		}
		_, ok, err := dictReceiver(args).Get(th, args[1])
		return Bool(ok), err
	}},
}

// dictFromkeys is dict.fromkeys(iterable, value=None), a classmethod.
func dictFromkeys(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("fromkeys", args[1:], kwargs, 1, 2); err != nil {
		return nil, err
	}
	val := None
	if len(args) == 3 {
		val = args[2]
	}
	d := NewDict(0)
	return d, ForEach(th, args[1], func(k Value) error { return d.SetItem(th, k, val) })
}
