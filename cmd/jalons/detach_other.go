//go:build !unix

package main

import "os/exec"

// detach does nothing here: cmd outlives the command that starts it.
func detach(cmd *exec.Cmd) {}
