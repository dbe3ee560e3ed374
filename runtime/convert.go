package runtime

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// FromGo converts a Go value to a script value.
func FromGo(x any) (Value, error) {
	switch x := x.(type) {
	case nil:
		return value.None, nil
	case string:
		return value.MakeString(x), nil
	}
	return nil, fmt.Errorf("todo")
}
