package content

import (
	"errors"
	"io/fs"
	"path"

	"jalons/internal/diag"
)

// walk is fs.WalkDir over the site's folder, with symbolic links settled
// once for every reader: a link that stays inside the site is read as what
// it points to (a link to a folder is walked, but links found inside it are
// not followed again); a link that leads out of the site, or to nothing, is
// skipped and noted. Build passes a file system rooted at the site's
// folder whose StatInside (or, without it, Stat) follows links only while
// they stay inside the site (os.Root's): it fails on a link that leaves.
// A root that is itself a link out of the site is noted the same way.
//
// An entry reached through a link is given to fn as a linkedEntry: a
// watcher sees the changes of its target under another name, or not at
// all.
func walk(fsys fs.FS, root string, notes *diag.List, fn fs.WalkDirFunc) error {
	return walkLinks(fsys, root, notes, fn, true)
}

// linkedEntry is an entry of a walk reached through a symbolic link.
type linkedEntry struct{ fs.DirEntry }

func walkLinks(fsys fs.FS, root string, notes *diag.List, fn fs.WalkDirFunc, follow bool) error {
	linked := !follow
	if d, err := fs.ReadLink(fsys, root); err == nil && d != "" {
		if _, err := statInside(fsys, root); err != nil {
			skipped(notes, root)
			return nil
		}
		linked = true
	}
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if linked && d != nil {
			d = linkedEntry{d}
		}
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return fn(p, d, err)
		}
		st, err := statInside(fsys, p)
		switch {
		case err != nil:
			skipped(notes, p)
			return nil
		case !st.IsDir():
			return fn(p, linkedEntry{fs.FileInfoToDirEntry(st)}, nil)
		case !follow:
			notes.Add(diag.Pos{File: p}, "skipped: a symbolic link to a folder inside a linked folder (Jalons follows one link to a folder, not a chain of them)")
			return nil
		}
		err = walkLinks(fsys, p, notes, fn, false)
		if errors.Is(err, fs.SkipAll) {
			return fs.SkipAll
		}
		return err
	})
}

func skipped(notes *diag.List, p string) {
	notes.Add(diag.Pos{File: path.Clean(p)}, "skipped: a symbolic link that leads out of the site's folder, to nothing, or by an absolute path (copy the file into the site, or make the link relative)")
}

// statInside stats name through fsys's StatInside when it has one.
func statInside(fsys fs.FS, name string) (fs.FileInfo, error) {
	if s, ok := fsys.(interface {
		StatInside(string) (fs.FileInfo, error)
	}); ok {
		return s.StatInside(name)
	}
	return fs.Stat(fsys, name)
}
