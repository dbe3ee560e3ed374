//go:build linux || darwin

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// makeRaw puts the terminal f in raw mode for line editing: keys come one
// by one, unechoed, Ctrl-C as a key rather than a signal. Output
// processing stays on, so that "\n" still starts a new line. It returns
// the function that restores the previous mode.
func makeRaw(f *os.File) (restore func(), err error) {
	fd := f.Fd()
	var old syscall.Termios
	if err := termios(fd, ioctlGetTermios, &old); err != nil {
		return nil, err
	}
	raw := old
	raw.Iflag &^= syscall.ICRNL | syscall.INLCR | syscall.IGNCR | syscall.IXON | syscall.ISTRIP | syscall.BRKINT
	raw.Lflag &^= syscall.ECHO | syscall.ICANON | syscall.ISIG | syscall.IEXTEN
	raw.Cc[syscall.VMIN], raw.Cc[syscall.VTIME] = 1, 0
	if err := termios(fd, ioctlSetTermios, &raw); err != nil {
		return nil, err
	}
	return func() { termios(fd, ioctlSetTermios, &old) }, nil
}

// termios gets or sets the terminal attributes of fd.
func termios(fd, req uintptr, t *syscall.Termios) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(unsafe.Pointer(t))); errno != 0 {
		return errno
	}
	return nil
}
