package watch

import (
	"io/fs"
)

// stamp is what polling compares to tell that a file changed.
type stamp struct {
	size  int64
	mtime int64 // nanoseconds
	mode  fs.FileMode
}

// snapshot stamps every file and folder under the root.
func (w *Watcher) snapshot() (map[string]stamp, error) {
	snap := map[string]stamp{}
	err := w.walk(w.root, func(p, rel string, d fs.DirEntry) error {
		info, err := d.Info()
		if err != nil {
			return nil // gone since the folder was read
		}
		snap[rel] = stamp{info.Size(), info.ModTime().UnixNano(), info.Mode()}
		return nil
	})
	return snap, err
}

// poll compares the tree with the last snapshot and records what changed.
// A folder that went away makes the batch Full, as with fsnotify.
func (w *Watcher) poll() {
	snap, err := w.snapshot()
	if err != nil {
		w.report(err) // and compare what could be read
	}
	changed := false
	for rel, s := range snap {
		if old, ok := w.snap[rel]; (!ok || old != s) && !s.mode.IsDir() {
			w.pending[rel], changed = true, true
		}
	}
	for rel, old := range w.snap {
		if _, ok := snap[rel]; ok {
			continue
		}
		if old.mode.IsDir() {
			w.full = true
		} else {
			w.pending[rel] = true
		}
		changed = true
	}
	w.snap = snap
	if changed {
		w.touch()
	}
}
