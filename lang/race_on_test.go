//go:build race

package lang

// raceEnabled reports whether the tests run under the race detector,
// which makes parsing about ten times slower.
const raceEnabled = true
