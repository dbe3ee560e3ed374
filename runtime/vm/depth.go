package vm

// Depth returns the number of frames running, each called by the one
// before: the event loop compares depths to tell an await in a task's own
// coroutine from other ways of resuming a coroutine.
func (th *Thread) Depth() int { return th.depth }
