package pyfmt

import (
	"fmt"
	"math"
)

// Spec is a parsed format spec:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// Zero values of the byte fields mean "not given".
type Spec struct {
	Fill      rune  // the fill character, if given
	Align     byte  // '<', '>', '^', '='; 0 if not given
	Sign      byte  // '+', '-', ' '; 0 if not given
	NoNeg0    bool  // 'z': coerce negative zero to zero
	Alt       bool  // '#': alternate form
	Zero      bool  // '0' before the width: zero padding
	Width     int64 // -1 if not given
	Grouping  byte  // ',' or '_'; 0 if not given
	Precision int64 // -1 if not given
	Type      rune  // the presentation type; 0 if not given

	// TypeName is the type that error messages name, for subclasses and
	// bool ("... for object of type 'bool'"); "" means int, float or str.
	TypeName string

	fillSet bool   // Fill was given (it may be NUL)
	text    string // the spec as given, for error messages
	invalid bool   // more than one character follows the precision
}

// ParseSpec parses a format spec. It reports the syntax errors that CPython
// reports whatever the formatted type ("Format specifier missing
// precision", "Cannot specify both ',' and '_'.", "Too many decimal digits
// in format string"), as ValueError. Errors whose text names the formatted
// type ("Invalid format specifier '10x10' for object of type 'int'") are
// reported by FormatInt, FormatFloat and FormatString.
func ParseSpec(spec string) (Spec, error) {
	s := Spec{Width: -1, Precision: -1, text: spec}
	r := []rune(spec)
	i := 0
	if len(r) >= 2 && isAlign(r[1]) {
		s.Fill, s.Align, s.fillSet = r[0], byte(r[1]), true
		i = 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		s.Align = byte(r[0])
		i = 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		s.Sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == 'z' {
		s.NoNeg0 = true
		i++
	}
	if i < len(r) && r[i] == '#' {
		s.Alt = true
		i++
	}
	if !s.fillSet && i < len(r) && r[i] == '0' {
		s.Zero = true
		i++
	}
	var err error
	if s.Width, i, err = parseCount(r, i); err != nil {
		return s, err
	}
	if i < len(r) && r[i] == ',' {
		s.Grouping = ','
		i++
	}
	if i < len(r) && r[i] == '_' {
		if s.Grouping != 0 {
			return s, errBothSeparators
		}
		s.Grouping = '_'
		i++
	}
	if i < len(r) && r[i] == ',' && s.Grouping == '_' {
		return s, errBothSeparators
	}
	if i < len(r) && r[i] == '.' {
		i++
		j := i
		if s.Precision, i, err = parseCount(r, i); err != nil {
			return s, err
		}
		if i == j {
			return s, errorf(ValueError, "Format specifier missing precision")
		}
	}
	switch len(r) - i {
	case 0:
	case 1:
		s.Type = r[i]
	default:
		s.invalid = true
	}
	return s, nil
}

var errBothSeparators = errorf(ValueError, "Cannot specify both ',' and '_'.")

func isAlign(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }

// parseCount reads the decimal digits (any Unicode decimal digits, as in
// CPython) at r[i:], returning -1 if there are none.
func parseCount(r []rune, i int) (int64, int, error) {
	n := int64(-1)
	for ; i < len(r) && isDecimal(r[i]); i++ {
		d := int64(decimalValue(r[i]))
		if n < 0 {
			n = 0
		}
		if n > (math.MaxInt64-d)/10 {
			return 0, i, errorf(ValueError, "Too many decimal digits in format string")
		}
		n = n*10 + d
	}
	return n, i, nil
}

// resolve applies the defaults of a type (its presentation type and
// alignment) and makes the checks CPython makes at the end of parsing,
// which name the type in their messages.
func (s Spec) resolve(typeName string, defType rune, defAlign byte) (Spec, error) {
	if s.TypeName == "" {
		s.TypeName = typeName
	}
	if s.invalid {
		return s, errorf(ValueError, fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", s.text, s.TypeName))
	}
	if !s.fillSet {
		s.Fill = ' '
		if s.Zero {
			s.Fill = '0'
		}
	}
	if s.Align == 0 {
		s.Align = defAlign
		if s.Zero && defAlign == '>' {
			s.Align = '='
		}
	}
	if s.Type == 0 {
		s.Type = defType
	}
	if s.Grouping != 0 {
		switch s.Type {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if s.Grouping != '_' {
				return s, groupingError(s)
			}
		default:
			return s, groupingError(s)
		}
	}
	return s, nil
}

func groupingError(s Spec) error {
	return errorf(ValueError, fmt.Sprintf("Cannot specify '%c' with %s.", s.Grouping, quoteCode(s.Type)))
}

// quoteCode writes a presentation type in quotes as CPython's messages do:
// 's', or '\x1' for unprintable ones.
func quoteCode(c rune) string {
	if c > 32 && c < 128 {
		return fmt.Sprintf("'%c'", c)
	}
	return fmt.Sprintf(`'\x%x'`, c)
}

func unknownCode(c rune, typeName string) error {
	return errorf(ValueError, fmt.Sprintf("Unknown format code %s for object of type '%s'", quoteCode(c), typeName))
}
