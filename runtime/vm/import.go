package vm

import (
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// RegisterModule makes a module importable by name; load runs once, on
// the first import.
func (th *Thread) RegisterModule(name string, load func(th *Thread) (*value.Module, error)) {
	th.loaders[name] = load
}

// importModule returns the module called name, loading it on first use.
func (th *Thread) importModule(name string) (value.Value, error) {
	if m, ok := th.modules[name]; ok {
		return m, nil
	}
	if strings.HasPrefix(name, ".") {
		return nil, value.Errorf(value.ImportError, "attempted relative import with no known parent package")
	}
	load, ok := th.loaders[name]
	if !ok {
		// A dotted name fails at its first unknown prefix.
		missing := name
		for i := range name {
			if name[i] == '.' {
				if _, ok := th.loaders[name[:i]]; !ok {
					missing = name[:i]
					break
				}
			}
		}
		return nil, value.Errorf(value.ModuleNotFoundError, "No module named '%s'", missing)
	}
	m, err := load(th)
	if err != nil {
		return nil, err
	}
	th.modules[name] = m
	return m, nil
}

// importFrom reads name from module m for `from m import name`.
func importFrom(th *Thread, m value.Value, name string) (value.Value, error) {
	v, err := value.GetAttr(th, m, name)
	if err != nil && isAttributeError(err) {
		mod := "?"
		if mm, ok := m.(*value.Module); ok {
			mod = mm.Name
		}
		return nil, value.Errorf(value.ImportError, "cannot import name '%s' from '%s' (unknown location)", name, mod)
	}
	return v, err
}

// importStar copies the public names of module m into ns.
func importStar(th *Thread, m value.Value, ns *value.Dict) error {
	mod, ok := m.(*value.Module)
	if !ok {
		return value.Errorf(value.TypeError, "import * expects a module")
	}
	for _, item := range mod.Globals.Items() {
		k, ok := item[0].(value.String)
		if ok && !strings.HasPrefix(k.String(), "_") {
			ns.SetString(k.String(), item[1])
		}
	}
	return nil
}
