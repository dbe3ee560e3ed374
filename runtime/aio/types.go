package aio

import "github.com/asyncgen/asyncgen/runtime/value"

func newClass(module, name string, base *value.Class) *value.Class {
	return &value.Class{Name: name, Module: module, Base: base, Dict: value.NewDict(0)}
}

// The classes of the event loop's values.
var (
	FutureType     = newClass("_asyncio", "Future", value.ObjectType)
	TaskType       = newClass("_asyncio", "Task", FutureType)
	GatheringType  = newClass("asyncio.tasks", "_GatheringFuture", FutureType)
	FutureIterType = newClass("_asyncio", "FutureIter", value.ObjectType)
	CoroutineType  = newClass("builtins", "coroutine", value.ObjectType)
	WrapperType    = newClass("builtins", "coroutine_wrapper", value.ObjectType)
	HandleType     = newClass("asyncio.events", "Handle", value.ObjectType)
	TimerType      = newClass("asyncio.events", "TimerHandle", HandleType)
	LoopType       = newClass("asyncio.unix_events", "_UnixSelectorEventLoop", value.ObjectType)

	// InvalidStateError is asyncio.InvalidStateError.
	InvalidStateError = newClass("asyncio.exceptions", "InvalidStateError", value.ExceptionClass)
)
