package runtime

// Close stops the interpreter. Later calls fail with ErrClosed.
func (in *Interpreter) Close() error {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.closed = true
	return nil
}
