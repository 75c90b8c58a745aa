//go:build unix

package build

import (
	"io/fs"
	"os"
	"syscall"
)

// openFile is os.OpenFile without the runtime's poller: os.OpenFile offers
// every file it opens to the poller, which a regular file costs four fcntl
// and an epoll_ctl that fails, and a build opens every file of the site
// and every page it writes. os.NewFile takes the descriptor as it is.
func openFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err != syscall.EINTR {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// Open is fast's Open, with openFile.
func (s siteFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return s.fast.Open(name) // its error
	}
	f, err := openFile(s.dir+"/"+name, os.O_RDONLY, 0)
	if err != nil {
		err.(*fs.PathError).Path = name // as os.DirFS says it
		return nil, err
	}
	return f, nil
}

// removeDir removes the empty folder p: os.Remove would try it as a file
// first, a failed unlink a folder of the old output.
func removeDir(p string) error {
	for {
		err := syscall.Rmdir(p)
		if err == nil {
			return nil
		}
		if err != syscall.EINTR {
			return &fs.PathError{Op: "remove", Path: p, Err: err}
		}
	}
}
