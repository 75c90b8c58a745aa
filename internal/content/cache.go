package content

import (
	"io/fs"
	"reflect"
	"sync"
	"time"

	"jalons/internal/diag"
)

// Cache keeps what Load decoded of each file, so that the next Load, in
// `jalons serve`, reads and decodes only the files that changed since
// (their size or modification time differ). It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
}

type cachedFile struct {
	size  int64
	mod   time.Time
	src   Source
	value reflect.Value // the decoded front matter, before any check or link
	ok    bool
	errs  diag.List
}

// decoded fills v from the cache when file did not change, and reports
// whether it did. The file's stamp, taken before any reading, is what keep
// records: a file written while it is read is read again next time.
func (c *Cache) decoded(fsys fs.FS, file string, v any, errs *diag.List) (src Source, ok, hit bool, st fs.FileInfo) {
	if c == nil {
		return Source{}, false, false, nil
	}
	st, err := fs.Stat(fsys, file)
	if err != nil {
		return Source{}, false, false, nil
	}
	c.mu.Lock()
	e, found := c.files[file]
	c.mu.Unlock()
	if !found || e.size != st.Size() || !e.mod.Equal(st.ModTime()) || e.value.Type() != reflect.TypeOf(v).Elem() {
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
