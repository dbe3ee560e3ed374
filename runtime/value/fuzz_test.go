package value

import (
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

// FuzzFormat checks that str.format, % formatting and format specs never
// panic, whatever the format string.
func FuzzFormat(f *testing.F) {
	for _, seed := range []string{
		"{} {}", "{0!r:>{1}}", "{a[0].x}", "{:%}", "{{}}", "{", "}", "{0[", "{:,.2f}", "{!}",
		"%s %d", "%(a)s", "%-*.*f", "%c", "%", "%#x %o", "%5.2e %g", "{:{}{}}", "{0.__class__}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, format string) {
		th := newTestThread()
		args := []Value{MakeInt(42), MakeString("ab"), Float(2.5), NewList([]Value{MakeInt(1)})}
		kwargs := []Kwarg{{"a", NewList([]Value{MakeString("x")})}}
		_, _ = strFormat(th, format, args, kwargs)
		_, _ = Binary(th, lang.Mod, MakeString(format), Tuple(args))
		_, _ = Binary(th, lang.Mod, MakeString(format), MakeInt(3))
		for _, v := range args {
			_, _ = Format(th, v, format)
		}
	})
}
