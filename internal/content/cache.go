package content

import (
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"time"

	"jalons/internal/diag"
)

// Cache keeps what Load decoded of each file, so that the next Load, in
// `jalons serve`, reads and decodes only the files that changed since
// (their size or modification time differ). It is safe for concurrent use.
//
// Once Watch is called, a watcher reports every change to Changed, and a
// file the cache holds is taken from it without asking the system for its
// size and time (21,000 calls on a large site): only files reached through
// a symbolic link are still checked, as a watcher sees their changes under
// another name. Nor is content/ walked again unless a path told changed
// was added or removed.
type Cache struct {
	mu      sync.Mutex
	files   map[string]cachedFile
	watched bool
	// what the last walk of content/ found, and the paths told changed
	// since: the walk is made again only when one of them was added or
	// removed (see found)
	walked  *contentFiles
	changed []string
	// what the last read of a walk's files gave, the paths told changed
	// since it began, and how many times every file was forgotten (see
	// lastRead)
	last   *readParts
	told   []string
	forgot int
}

// Watch says that from now on, every change of the site's files is told
// to Changed before the next Load.
func (c *Cache) Watch() {
	c.mu.Lock()
	c.watched = true
	c.mu.Unlock()
}

// Changed forgets the files named (from the site's folder, slash-
// separated), or every file when all is true (a watcher that may have
// missed changes).
func (c *Cache) Changed(paths []string, all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if all {
		c.files, c.walked, c.last, c.told = nil, nil, nil, nil
		c.forgot++
		return
	}
	for _, p := range paths {
		delete(c.files, p)
	}
	if c.walked != nil {
		c.changed = append(c.changed, paths...)
	}
	c.told = append(c.told, paths...)
}

// lastRead returns what the last read gave, in a watched cache, when it
// read the files of walk w with key, and the paths told changed since it
// began; else nil. The paths told from now on are kept for the next read,
// as what this one reads may be older; forgot is for keepLastRead.
func (c *Cache) lastRead(w *contentFiles, key readKey) (last *readParts, told []string, forgot int) {
	if c == nil {
		return nil, nil, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	last, told = c.last, c.told
	c.told = nil
	if last == nil || !c.watched || last.walk != w || last.key != key {
		return nil, nil, c.forgot
	}
	return last, told, c.forgot
}

// keepLastRead records what a read that began when the cache had forgot
// every file forgot times gave; nothing if it has forgotten them since.
func (c *Cache) keepLastRead(r *readParts, forgot int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.forgot == forgot {
		c.last = r
	}
}

// found returns what the last walk of content/ found, in a watched cache,
// when every path told changed since is still what the walk met (an edit
// of a file it found, or nothing under content/); else nil.
func (c *Cache) found(fsys fs.FS, drafts bool) *contentFiles {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	w, changed := c.walked, c.changed
	c.walked, c.changed = nil, nil
	if w == nil || !c.watched || w.linked || w.drafts != drafts {
		return nil
	}
	for _, p := range changed {
		if p != "content" && !strings.HasPrefix(p, "content/") {
			continue
		}
		was, met := w.seen[p]
		st, err := fs.Lstat(fsys, p)
		if (err == nil) != met || err == nil && st.Mode().Type() != was {
			return nil // added, removed, or another kind of file
		}
	}
	c.walked = w
	return w
}

// keepFound records what a walk of content/ found.
func (c *Cache) keepFound(w *contentFiles) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.walked, c.changed = w, nil
}

type cachedFile struct {
	size  int64
	mod   time.Time
	src   Source
	value reflect.Value // the decoded front matter, before any check or link
	ok    bool
	errs  diag.List
	// what reading the file gave once checked (its item, its problems),
	// with what that depended on besides the file
	part    *loader
	partKey readKey
}

// readKey is what reading a file depends on besides the file: whether
// news drafts are kept, and the size limit.
type readKey struct {
	drafts bool
	maxMB  int
}

// read returns what reading file gave last time, checked, when the cache
// trusts its entry without a stamp (see decoded) and key is the same;
// else nil. The items it holds are shared: nothing changes them (package
// site links them into a model of its own).
func (c *Cache) read(file string, linked bool, key readKey) *loader {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.files[file]
	if !found || !c.watched || linked || e.part == nil || e.partKey != key {
		return nil
	}
	return e.part
}

// keepRead records what reading file gave, when the cache holds its
// decoded text.
func (c *Cache) keepRead(file string, key readKey, part *loader) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, found := c.files[file]; found {
		e.part, e.partKey = part, key
		c.files[file] = e
	}
}

// decoded fills v from the cache when file did not change, and reports
// whether it did. The file's stamp, taken before any reading, is what keep
// records: a file written while it is read is read again next time.
//
// A file not linked, in a watched cache, is not stamped again: its entry
// is current until Changed forgets it.
func (c *Cache) decoded(fsys fs.FS, file string, linked bool, v any, errs *diag.List) (src Source, ok, hit bool, st fs.FileInfo) {
	if c == nil {
		return Source{}, false, false, nil
	}
	c.mu.Lock()
	e, found := c.files[file]
	trusted := c.watched && !linked
	c.mu.Unlock()
	if !found || !trusted {
		var err error
		if st, err = fs.Stat(fsys, file); err != nil {
			return Source{}, false, false, nil
		}
	}
	if !found || e.value.Type() != reflect.TypeOf(v).Elem() || !trusted && (e.size != st.Size() || !e.mod.Equal(st.ModTime())) {
		return Source{}, false, false, st
	}
	reflect.ValueOf(v).Elem().Set(e.value)
	errs.Append(e.errs)
	return e.src, e.ok, true, st
}

// keep records what decoding file, stamped st, gave, before v is checked
// and linked.
func (c *Cache) keep(st fs.FileInfo, file string, v any, src Source, ok bool, errs diag.List) {
	if c == nil || st == nil {
		return
	}
	value := reflect.New(reflect.TypeOf(v).Elem()).Elem()
	value.Set(reflect.ValueOf(v).Elem())
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string]cachedFile{}
	}
	c.files[file] = cachedFile{size: st.Size(), mod: st.ModTime(), src: src, value: value, ok: ok, errs: errs}
}
