package aio

// appendDoubling is append that doubles a full slice's capacity, where
// append grows large slices by a quarter: a heap that grows with the
// number of tasks (the timer heap) then allocates twice its final size
// in all rather than five times, which matters to the peak memory of a
// program that starts many tasks at once.
func appendDoubling[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		grown := make([]T, len(s), max(8, 2*cap(s)))
		copy(grown, s)
		s = grown
	}
	return append(s, v)
}
