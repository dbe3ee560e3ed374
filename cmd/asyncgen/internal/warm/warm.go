// Package warm builds the parser's grammar on a goroutine of its own
// while the command's other packages initialise. It is a package of its
// own so that it initialises as early as it can: Go initialises packages
// in the order of their import paths once their imports are, so this one
// comes right after lang, before value, vm, aio and runtime.
package warm

import "github.com/asyncgen/asyncgen/lang"

func init() { go lang.Prepare() }
