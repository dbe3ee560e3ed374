//go:build race

package main

// raceEnabled reports whether the tests run under the race detector,
// which makes running scripts about ten times slower.
const raceEnabled = true
