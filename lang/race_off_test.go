//go:build !race

package lang

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = false
