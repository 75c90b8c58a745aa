package build

import (
	"path"
	"strings"
	"sync"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/gitlog"
	"jalons/internal/site"
)

// gitCache keeps what git said at the last build of `jalons serve`: the
// log is read again only when HEAD names another commit, and an old
// version of a file, once decoded, is never read again (a commit does not
// change). `git status` runs at every build, since a file saved while
// serving has changes not committed yet.
type gitCache struct {
	mu    sync.Mutex
	head  string
	log   gitlog.Log
	facts map[string]*content.Snapshot // by blob; nil: the version does not decode
}

// readGit returns what git says of the site's files in dir, or nil when
// dir is not inside a git work tree, git is not on PATH, or git fails:
// then the site builds as if git did not exist, without a word.
func readGit(dir string, cfg *config.Config, c *gitCache) *content.Git {
	repo := gitlog.Open(dir)
	if repo == nil {
		return nil
	}
	// Only the items' files are asked of git: not the output folder, which
	// may lie inside the site's, nor anything else.
	st, err := repo.Status("content")
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.log == nil || c.head != st.Head {
		log := gitlog.Log{}
		if st.Head != "" { // before the first commit, every file is new
			if log, err = repo.Log("content"); err != nil {
				return nil
			}
		}
		c.head, c.log = st.Head, log
	}
	g := &content.Git{Changed: make(map[string]content.Date, len(c.log)), Uncommitted: st.Uncommitted}
	for file, changes := range c.log {
		g.Changed[file] = changes[0].Date
	}
	if !cfg.History {
		return g
	}
	if c.facts == nil {
		c.facts = map[string]*content.Snapshot{}
	}
	g.History = map[string][]content.Revision{}
	var want []string                        // blobs to read, once each
	into := map[string][]*content.Revision{} // where each blob's facts go
	files := map[string]string{}             // a file each blob was, for messages
	for file, changes := range c.log {
		if !actionFile(file) {
			continue
		}
		revs := make([]content.Revision, len(changes))
		for i, ch := range changes {
			revs[i] = content.Revision{Commit: ch.Hash, Date: ch.Date, Subject: ch.Subject}
			if i > site.MaxHistory || ch.Blob == "" { // the one before the oldest shown tells what it changed
				continue
			}
			if f, ok := c.facts[ch.Blob]; ok {
				revs[i].Facts = f
				continue
			}
			if into[ch.Blob] == nil {
				want = append(want, ch.Blob)
				files[ch.Blob] = file
			}
			into[ch.Blob] = append(into[ch.Blob], &revs[i])
		}
		g.History[file] = revs
	}
	for _, b := range want {
		c.facts[b] = nil // missing or too large: not asked again
	}
	err = repo.Read(want, int64(cfg.MaxFileSize)<<20, func(i int, text []byte) {
		b := want[i]
		if s, ok := content.DecodeSnapshot(files[b], text); ok {
			c.facts[b] = &s
			for _, r := range into[b] {
				r.Facts = &s
			}
		}
	})
	if err != nil {
		c.facts = nil
		return nil
	}
	return g
}

// actionFile reports whether file, from the site's folder, is an action's.
func actionFile(file string) bool {
	dir, name := path.Split(file)
	return dir == "content/"+content.KindAction.Folder()+"/" && strings.HasSuffix(name, content.KindAction.Ext()) && !content.Ignored(name)
}
