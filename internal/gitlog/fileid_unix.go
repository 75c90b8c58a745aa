//go:build unix

package gitlog

import (
	"io/fs"
	"syscall"
)

// fileID is the inode of the file st describes: git writes its index
// and branches anew, under another inode, rather than in place.
func fileID(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Ino)
	}
	return 0
}
