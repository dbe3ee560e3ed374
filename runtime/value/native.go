package value

// nativeState is the per-thread state of operations implemented in Go
// that recurse through values: the containers being printed and the
// nesting depth, which CPython bounds by the recursion limit.
type nativeState struct {
	active []Value // containers whose repr is being computed
	depth  int
}

// maxNativeDepth is CPython's default recursion limit.
const maxNativeDepth = 1000

const nativeStateKey = "value.native"

// stateOf returns th's nativeState (a fresh one when th is nil).
func stateOf(th Thread) *nativeState {
	if th == nil {
		return &nativeState{}
	}
	st, _ := th.Local(nativeStateKey).(*nativeState)
	if st == nil {
		st = &nativeState{}
		th.SetLocal(nativeStateKey, st)
	}
	return st
}

// enter counts one level of nesting; what completes the RecursionError
// message "maximum recursion depth exceeded...".
func (st *nativeState) enter(what string) error {
	if st.depth >= maxNativeDepth {
		return Errorf(RecursionError, "maximum recursion depth exceeded%s", what)
	}
	st.depth++
	return nil
}

func (st *nativeState) leave() { st.depth-- }
