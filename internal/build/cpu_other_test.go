//go:build !unix

package build

import "time"

// cpuTime is -1: not measured here.
func cpuTime() time.Duration { return -1 }
