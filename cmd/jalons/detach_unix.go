//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// detach makes cmd a session of its own, out of reach of the Ctrl+C
// given to the command that starts it.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} }
