//go:build !race

package runtime_test

// raceEnabled reports whether the tests run under the race detector,
// which makes the script-heavy ones about ten times slower: those scale
// down under it.
const raceEnabled = false
