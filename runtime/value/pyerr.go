package value

import "github.com/asyncgen/asyncgen/runtime/internal/pyfmt"

var pyfmtClasses = [...]*Class{
	pyfmt.ValueError:        ValueError,
	pyfmt.TypeError:         TypeError,
	pyfmt.OverflowError:     OverflowError,
	pyfmt.ZeroDivisionError: ZeroDivisionError,
	pyfmt.IndexError:        IndexError,
	pyfmt.MemoryError:       MemoryError,
}

// pyErr converts an error of package pyfmt to the script exception.
func pyErr(err error) error {
	if e, ok := err.(*pyfmt.Error); ok {
		return Errorf(pyfmtClasses[e.Kind], "%s", e.Msg)
	}
	return err
}
