//go:build !unix

package build

import (
	"io/fs"
	"os"
)

// openFile is os.OpenFile.
func openFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// Open is fast's Open.
func (s siteFS) Open(name string) (fs.File, error) { return s.fast.Open(name) }

// removeDir removes the empty folder p.
func removeDir(p string) error { return os.Remove(p) }
