package main

import "syscall"

// The requests getting and setting terminal attributes.
const (
	ioctlGetTermios = syscall.TCGETS
	ioctlSetTermios = syscall.TCSETS
)
