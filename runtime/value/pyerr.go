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

// PyfmtError converts an error of package runtime/internal/pyfmt to the
// script exception it stands for; other errors pass through.
func PyfmtError(err error) error {
	if e, ok := err.(*pyfmt.Error); ok {
		return Errorf(pyfmtClasses[e.Kind], "%s", e.Msg)
	}
	return err
}
