package build

import (
	"maps"
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
// change). With a watcher that tells every file saved (Watch), `git
// status` runs over the files told alone while the repository's stamp
// (gitlog.Repo.Stamp) stays the same: a commit, a checkout or a file
// added to the index changes it, and status runs over every file again.
type gitCache struct {
	mu      sync.Mutex
	head    string
	log     gitlog.Log
	changed map[string]content.Date      // each file's last commit, from log; never changed once made
	facts   map[string]*content.Snapshot // by blob; nil: the version does not decode

	watched bool
	repo    *gitlog.Repo // found once, when watched
	stamp   string       // the repository's when status was read
	status  *gitlog.Status
	told    []string // files of content/ told changed since status was read
	all     bool     // or any file may have
	whole   int      // how many times status ran over every file of content/
}

// maxTold is how many files told changed git status is asked about, one
// by one; beyond, it runs over every file.
const maxTold = 100

// tell records files told changed (from the site's folder), or that any
// may have (all).
func (c *gitCache) tell(paths []string, all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.all = c.all || all
	for _, p := range paths {
		if strings.HasPrefix(p, "content/") {
			c.told = append(c.told, p)
		}
	}
}

// readStatus is what git status says of content/: run over the files
// told since the last status alone when the repository kept its stamp.
// The repository is nil when there is none, or git failed.
func (c *gitCache) readStatus(dir string) (*gitlog.Repo, gitlog.Status) {
	c.mu.Lock()
	repo, last, stamp, told, all, watched := c.repo, c.status, c.stamp, c.told, c.all, c.watched
	c.told, c.all = nil, false
	c.mu.Unlock()
	if repo == nil {
		if repo = gitlog.Open(dir); repo == nil {
			return nil, gitlog.Status{}
		}
	}
	now := repo.Stamp() // before status: a change while it runs shows at the next build
	fail := func() (*gitlog.Repo, gitlog.Status) {
		c.mu.Lock()
		c.status = nil // the files told are forgotten: status runs over every file next time
		c.mu.Unlock()
		return nil, gitlog.Status{}
	}
	var st gitlog.Status
	var err error
	if watched && last != nil && now == stamp && !all && len(told) <= maxTold {
		st = gitlog.Status{Head: last.Head, Uncommitted: maps.Clone(last.Uncommitted)}
		if len(told) > 0 {
			var some gitlog.Status
			if some, err = repo.Status("content", told...); err != nil {
				return fail()
			}
			for f := range st.Uncommitted {
				for _, t := range told { // a file, or a folder of files
					if f == t || strings.HasPrefix(f, t+"/") {
						delete(st.Uncommitted, f)
					}
				}
			}
			maps.Copy(st.Uncommitted, some.Uncommitted)
		}
	} else if st, err = repo.Status("content"); err != nil {
		return fail()
	} else {
		c.mu.Lock()
		c.whole++
		c.mu.Unlock()
	}
	if watched {
		c.mu.Lock()
		c.repo, c.status, c.stamp = repo, &st, now
		c.mu.Unlock()
	}
	return repo, st
}

// readGit returns what git says of the site's files in dir, or nil when
// dir is not inside a git work tree, git is not on PATH, or git fails:
// then the site builds as if git did not exist, without a word.
func readGit(dir string, cfg *config.Config, c *gitCache) *content.Git {
	// Only the items' files are asked of git: not the output folder, which
	// may lie inside the site's, nor anything else.
	repo, st := c.readStatus(dir)
	if repo == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.log == nil || c.head != st.Head {
		log := gitlog.Log{}
		if st.Head != "" { // before the first commit, every file is new
			var err error
			if log, err = repo.Log("content"); err != nil {
				return nil
			}
		}
		c.head, c.log = st.Head, log
		c.changed = make(map[string]content.Date, len(log))
		for file, changes := range log {
			c.changed[file] = changes[0].Date
		}
	}
	g := &content.Git{Changed: c.changed, Uncommitted: st.Uncommitted}
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
	err := repo.Read(want, int64(cfg.MaxFileSize)<<20, func(i int, text []byte) {
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
