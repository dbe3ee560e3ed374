package runtime

// Close stops the interpreter, as asyncio.run ends: the tasks still
// running in the background (Start) are cancelled and their finally
// blocks run, unfinished async generators are closed, and exceptions
// nobody retrieved are reported to Options.Stderr. The contexts of host
// goroutines are cancelled. Later calls fail with ErrClosed.
//
// Without Start there is nothing left to stop: each Exec or Call that
// ran the event loop shut it down the same way before returning.
func (in *Interpreter) Close() error {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return nil
	}
	in.closed = true
	var err error
	if s := in.liveSession(); s != nil {
		s.stop()
		in.sess = nil
		err = s.err
	}
	in.cancelBase()
	return err
}
