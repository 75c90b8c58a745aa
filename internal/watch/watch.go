// Package watch reports which files under a site's folder changed, in
// batches, so that `jalons serve` rebuilds once per save whatever the
// editor.
//
// A Watcher watches every folder under its root (fsnotify has no recursive
// watch), and a folder that appears is watched at once, its files reported
// as changed. Create, write, remove and rename count as changes; a change of
// permissions alone does not. Names a site ignores (content.Ignored: hidden
// files, "_" names but _index.md, "#…#", "…~") and editor temporary names
// ("*.swp", "*.swx", vim's "4913", "*.tmp", JetBrains' "___jb_tmp___" and
// "___jb_old___") are never reported, nor anything Options.Skip refuses.
//
// Changes are debounced: a batch is sent once no change has come for
// Options.Quiet, or Options.MaxWait after its first change, so that a save
// or a `git checkout` of hundreds of files gives one batch. A file that was
// created and is gone again before its batch is sent (the temporary file of
// `sed -i` or of a write-then-rename) is left out: every editor's save
// gives one batch naming the real file.
//
// A batch is Full when paths may have been missed: the kernel's event queue
// overflowed, or a watched folder was removed or renamed (the watches are
// then rebuilt from scratch). The consumer should then rescan everything.
//
// One goroutine owns the watches and never waits for the consumer: while a
// batch is not taken, later changes are merged into it. The consumer reads
// Events in its own goroutine and rebuilds there:
//
//	w, err := watch.New(dir, watch.Options{Skip: func(rel string) bool { return rel == "public" }})
//	if err != nil {
//		return err // names the sysctl to raise when the system's limits are reached
//	}
//	defer w.Close()
//	for {
//		select {
//		case <-ctx.Done():
//			return nil
//		case b := <-w.Events():
//			rebuild(b) // everything if b.Full; b.Paths to log what changed
//		case err := <-w.Errors():
//			log.Print(err)
//		}
//	}
//
// Network and bind mounts send no events: with Options.Poll set, the
// Watcher instead walks the tree at that interval and compares each file's
// size, modification time and mode, with the same batches.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"jalons/internal/content"
	"jalons/internal/diag"
)

// Options tune a Watcher. The zero value watches with fsnotify, waits
// 50 ms of quiet and at most 2 s.
type Options struct {
	Quiet   time.Duration // send a batch once no change came for this long (default 50 ms: one save, however the editor writes, takes less)
	MaxWait time.Duration // send a batch at most this long after its first change (default 2 s)
	// Poll, when positive, checks the tree at this interval instead of
	// using fsnotify: for network and bind mounts, which send no events.
	Poll time.Duration
	// Skip reports whether a path (relative to the root, slash-separated)
	// is left out, with everything under it: the output folder "public".
	Skip func(rel string) bool
}

// Batch is a set of changes.
type Batch struct {
	Paths []string // changed files, relative to the root, slash-separated, sorted, no duplicates
	Full  bool     // paths may be missing: rescan everything
}

// Watcher reports batches of changed paths under a root folder.
type Watcher struct {
	root string
	opts Options
	fsw  *fsnotify.Watcher // nil when polling

	events  chan Batch
	errors  chan error
	done    chan struct{} // closed by Close
	stopped chan struct{} // closed when the loop returns
	once    sync.Once
	err     error // from Close

	// Owned by the loop.
	known   map[string]bool  // paths seen at the last batch; true for folders
	snap    map[string]stamp // poll mode: every file and folder at the last poll
	pending map[string]bool  // changed paths of the next batch
	full    bool             // the next batch is Full
	rewatch bool             // rebuild the watches before the next batch
	first   time.Time        // the next batch's first change
	timer   *time.Timer      // fires when the next batch is due
}

// New watches root and everything under it.
func New(root string, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 50 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = 2 * time.Second
	}
	root = filepath.Clean(root)
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r // WalkDir does not enter a root that is a link
	}
	if info, err := os.Stat(root); err != nil {
		return nil, diag.Errorf("cannot watch %s: %v", root, err)
	} else if !info.IsDir() {
		return nil, diag.Errorf("cannot watch %s: not a folder", root)
	}
	w := &Watcher{
		root: root, opts: opts,
		events: make(chan Batch), errors: make(chan error, 16),
		done: make(chan struct{}), stopped: make(chan struct{}),
		known: map[string]bool{}, pending: map[string]bool{},
		timer: time.NewTimer(time.Hour),
	}
	w.timer.Stop()
	var err error
	if opts.Poll > 0 {
		w.snap, err = w.snapshot()
		for rel, s := range w.snap {
			w.known[rel] = s.mode.IsDir()
		}
	} else {
		if w.fsw, err = fsnotify.NewWatcher(); err != nil {
			return nil, limitError(root, err)
		}
		if err = w.watchTree(root, false); err != nil {
			w.fsw.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	go w.loop()
	return w, nil
}

// Events returns the channel of batches. It is closed by Close.
func (w *Watcher) Events() <-chan Batch { return w.events }

// Errors returns the channel of errors that did not stop the Watcher: a new
// folder it could not watch, a file it could not read. Errors that come
// while 16 wait unread are dropped. It is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close stops watching and closes the Events and Errors channels.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		<-w.stopped
		if w.fsw != nil {
			w.err = w.fsw.Close()
		}
		close(w.events)
		close(w.errors)
	})
	return w.err
}

func (w *Watcher) loop() {
	defer close(w.stopped)
	var evc chan fsnotify.Event
	var errc chan error
	var tick <-chan time.Time
	if w.fsw != nil {
		evc, errc = w.fsw.Events, w.fsw.Errors
	} else {
		t := time.NewTicker(w.opts.Poll)
		defer t.Stop()
		tick = t.C
	}
	var ready *Batch // made, not yet taken
	for {
		var out chan Batch
		var b Batch
		if ready != nil {
			out, b = w.events, *ready
		}
		select {
		case <-w.done:
			return
		case ev := <-evc:
			w.handle(ev)
		case err := <-errc:
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.full, w.rewatch = true, true
				w.touch()
			} else {
				w.report(diag.Errorf("%s: %v", w.root, err))
			}
		case <-tick:
			w.poll()
		case <-w.timer.C:
			if w.late(evc) {
				continue
			}
			ready = merge(ready, w.flush())
		case out <- b:
			ready = nil
		}
	}
}

// late takes an event that was already waiting when the timer fired (the
// loop woke late, on a loaded machine) and reports whether it delayed the
// batch.
func (w *Watcher) late(evc chan fsnotify.Event) bool {
	for time.Since(w.first) < w.opts.MaxWait {
		select {
		case ev := <-evc:
			if w.handle(ev) {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// handle records one fsnotify event and reports whether it counted.
func (w *Watcher) handle(ev fsnotify.Event) bool {
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
		return false // Chmod alone
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel != "." && w.skip(rel) {
		return false
	}
	switch {
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		if rel == "." || w.known[rel] {
			// A watched folder went away: the watches under it are gone or
			// name the old path (fsnotify #694).
			w.full, w.rewatch = true, true
		} else {
			w.pending[rel] = true
		}
	case ev.Has(fsnotify.Create):
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// Its files may predate the watch: report them all.
			if err := w.watchTree(ev.Name, true); err != nil {
				w.report(err)
			}
		} else {
			w.pending[rel] = true
		}
	default:
		w.pending[rel] = true
	}
	w.touch()
	return true
}

// touch (re)arms the timer after a change.
func (w *Watcher) touch() {
	now := time.Now()
	if w.first.IsZero() {
		w.first = now
	}
	w.timer.Reset(max(0, min(w.opts.Quiet, w.opts.MaxWait-now.Sub(w.first))))
}

// flush returns the next batch, empty when nothing is left to report.
func (w *Watcher) flush() Batch {
	if w.rewatch {
		// Watches of removed folders are gone; those under a renamed one
		// still name the old path (fsnotify #694): drop them, then watch
		// every folder (Add keeps a watch that is still right).
		w.rewatch = false
		for _, p := range w.fsw.WatchList() {
			if info, err := os.Lstat(p); err != nil || !info.IsDir() {
				w.fsw.Remove(p)
			}
		}
		clear(w.known)
		if err := w.watchTree(w.root, false); err != nil {
			w.report(err)
		}
	}
	b := Batch{Full: w.full}
	for rel := range w.pending {
		info, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel)))
		switch {
		case err == nil && info.IsDir():
			w.known[rel] = true
		case errors.Is(err, fs.ErrNotExist):
			if _, ok := w.known[rel]; ok {
				b.Paths = append(b.Paths, rel) // removed
				delete(w.known, rel)
			} // else a temporary file, created and gone since the last batch
		default:
			b.Paths = append(b.Paths, rel)
			w.known[rel] = false
		}
	}
	sort.Strings(b.Paths)
	clear(w.pending)
	w.full, w.first = false, time.Time{}
	return b
}

// merge adds b to a batch not yet taken.
func merge(ready *Batch, b Batch) *Batch {
	if len(b.Paths) == 0 && !b.Full {
		return ready
	}
	if ready == nil {
		return &b
	}
	seen := map[string]bool{}
	var paths []string
	for _, p := range append(ready.Paths, b.Paths...) {
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return &Batch{Paths: paths, Full: ready.Full || b.Full}
}

func (w *Watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

// watchTree watches dir and every folder under it. Its files are recorded
// as known, or as changed when report is set (a new folder).
func (w *Watcher) watchTree(dir string, report bool) error {
	return w.walk(dir, func(p, rel string, d fs.DirEntry) error {
		switch {
		case d.IsDir():
			if err := w.fsw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return limitError(p, err)
			}
			w.known[rel] = true
		case report:
			w.pending[rel] = true
		default:
			w.known[rel] = false
		}
		return nil
	})
}

// walk calls fn for dir and everything under it that is not skipped. Paths
// that vanish during the walk are passed over.
func (w *Watcher) walk(dir string, fn func(p, rel string, d fs.DirEntry) error) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != w.root {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(w.root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel != "." && w.skip(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		return fn(p, rel, d)
	})
}

// skip reports whether rel, or a folder it is in, is never reported.
func (w *Watcher) skip(rel string) bool {
	for i := 0; i <= len(rel); i++ {
		if i < len(rel) && rel[i] != '/' {
			continue
		}
		name := rel[strings.LastIndexByte(rel[:i], '/')+1 : i]
		if content.Ignored(name) || temporary(name) || (w.opts.Skip != nil && w.opts.Skip(rel[:i])) {
			return true
		}
	}
	return false
}

// temporary reports whether name is an editor's temporary file that
// content.Ignored lets through (it already leaves out ".#name", "#name#",
// ".name.swp" and "name~").
func temporary(name string) bool {
	return name == "4913" || // vim checks it may write in the folder
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}

// limitError explains the system limits a watcher can meet.
func limitError(path string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return diag.Errorf("%s: cannot watch folder: the system's limit on watched folders is reached: %v "+
			"(raise it with: sudo sysctl fs.inotify.max_user_watches=524288; or use -poll)", path, err)
	case errors.Is(err, syscall.EMFILE):
		return diag.Errorf("%s: cannot start watching: the system's limit on inotify instances is reached: %v "+
			"(raise it with: sudo sysctl fs.inotify.max_user_instances=512; or use -poll)", path, err)
	}
	return diag.Errorf("%s: cannot watch: %v", path, err)
}
