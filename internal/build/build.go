// Package build runs a whole build: it reads a site's folder, checks it,
// renders it, and writes the output folder in one swap.
//
// A build that finds a problem writes nothing: the previous output stays as
// it was. A good build is written into a new folder beside the
// destination, which then replaces the old one whole, so that no file of
// an older build lingers and nobody sees a half-written site. Nothing is
// ever written outside the destination.
package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/render"
	"jalons/internal/site"
	"jalons/themes"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site's folder
	Destination string // the output folder; "" means public/ inside Source
	BaseURL     string // overrides config.toml's baseURL when set
	Drafts      bool   // build news drafts too
	// Today is the day the site describes (section 12.1); zero means the
	// day of the build, as Today("") gives it.
	Today content.Date
	// NoGit builds as if the site's folder were not inside a git work
	// tree: no dates from git, no history (sections 12.4 and 12.5). The
	// golden copy of the example site, which lives in the project's own
	// history, is built so, and so is `jalons check`.
	NoGit bool
	// Cache, when set, keeps what a build read and rendered for the next
	// one (jalons serve): files that did not change are not read again,
	// pages whose files did not change are not rendered again.
	Cache *Cache
	// Later, for Render, leaves the pages, the open data files, the search
	// index and the sitemap to be made when asked for: see
	// render.Options.Later. Build makes
	// every file whatever it says.
	Later func(path string, make func() ([]byte, error))
	// Items, with Later, is given the pages of the actions, indicators
	// and news items rather than Later: see render.Options.Items.
	Items func(n int, find func(file string) (make func() ([]byte, error), ok bool))
	// Aside, for Build, is given the folder that holds the previous
	// output once the new one has taken its place, with the number of
	// pages the build wrote, to remove it (see RemoveAside) rather than
	// Build: jalons build leaves a large one to a process of its own, so
	// as to return once the new output is in place. Its error is Build's.
	Aside func(dir string, pages int) error
}

// Cache is what a build keeps for the next one.
type Cache struct {
	Content content.Cache
	Render  render.Cache
	git     gitCache
	link    site.Memo
}

// Watch says that a watcher will tell Changed every change of the site's
// files from now on: the files of content/ are then not stamped again on
// each build (see content.Cache).
func (c *Cache) Watch() {
	c.Content.Watch()
	c.git.mu.Lock()
	defer c.git.mu.Unlock()
	c.git.watched = true
}

// Changed tells the cache the files that changed (from the site's
// folder), or that any may have (all).
func (c *Cache) Changed(paths []string, all bool) {
	c.Content.Changed(paths, all)
	c.git.tell(paths, all)
}

// Result tells what a build made.
type Result struct {
	Site     *site.Site
	Files    render.Files // after Build, which writes them as they are made: the paths only
	Pages    int          // HTML pages
	Duration time.Duration
}

// Render reads, checks and renders the site in memory. Problems in the
// content come back as a diag.List. When ctx is cancelled, Render returns
// its error at once; nothing was written.
func Render(ctx context.Context, opts Options) (*Result, error) {
	return renderTo(ctx, opts, nil)
}

// renderTo is Render, giving each file to out as soon as it is made when
// out is not nil (see render.Options.Out). When ctx is cancelled, it
// returns at once without out; with out, once out is no longer called.
func renderTo(ctx context.Context, opts Options, out *output) (*Result, error) {
	type done struct {
		res *Result
		err error
	}
	c := make(chan done, 1)
	go func() {
		res, err := load(opts, out)
		c <- done{res, err}
	}()
	select {
	case d := <-c:
		return d.res, d.err
	case <-ctx.Done():
		if out != nil {
			<-c // out fails from now on: wait, so that nothing is written after
		}
		return nil, ctx.Err()
	}
}

func load(opts Options, out *output) (*Result, error) {
	start := time.Now()
	fsys, root, err := openSite(opts.Source)
	if err != nil {
		return nil, sourceError(opts.Source, err)
	}
	defer root.Close()
	strict := fsys.strict
	cfg, errs := config.Load(strict)
	if cfg == nil {
		return nil, errs
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, diag.Errorf("-base-url: %v", err)
		}
	}
	theme, themeErr := siteTheme(strict, cfg)
	if themeErr != nil {
		errs = append(errs, themeErr)
	}
	var contentCache *content.Cache
	var renderCache *render.Cache
	var memo *site.Memo
	if opts.Cache != nil {
		contentCache, renderCache, memo = &opts.Cache.Content, &opts.Cache.Render, &opts.Cache.link
	}
	today := opts.Today
	if today.IsZero() {
		today, _ = Today("")
	}
	var git *content.Git
	gitRead := make(chan struct{})
	go func() { // git runs while the files are read
		defer close(gitRead)
		if !opts.NoGit {
			gc := &gitCache{}
			if opts.Cache != nil {
				gc = &opts.Cache.git
			}
			git = readGit(opts.Source, cfg, gc)
		}
	}()
	items, contentErrs := content.LoadCached(fsys, cfg, opts.Drafts, contentCache)
	errs.Append(contentErrs)
	// git may still run while the items are linked: Link asks for what it
	// says once they are.
	linked, linkErrs := site.LinkWhile(items, today, func() *content.Git { <-gitRead; return git }, memo)
	<-gitRead
	items.Git = git
	errs.Append(linkErrs)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	static, _ := fs.Sub(fsys, "static")
	ropts := render.Options{Theme: theme, Static: static, Cache: renderCache}
	lazyPages := 0
	if opts.Later != nil {
		ropts.Later = func(p string, make func() ([]byte, error)) {
			if strings.HasSuffix(p, ".html") {
				lazyPages++
			}
			opts.Later(p, make)
		}
		if opts.Items != nil {
			ropts.Items = func(n int, find func(string) (func() ([]byte, error), bool)) {
				lazyPages += n
				opts.Items(n, find)
			}
		}
	}
	if out != nil {
		ropts.Out = out.write
	}
	files, err := render.Site(linked, themes.Default, ropts)
	if err != nil {
		return nil, err
	}
	res := &Result{Site: linked, Files: files, Pages: lazyPages}
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			res.Pages++
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// Today is the day a build describes: the date flag gives (YYYY-MM-DD)
// when it is not empty, else the UTC day of SOURCE_DATE_EPOCH when it is
// set (reproducible builds), else the local day.
func Today(flag string) (content.Date, error) {
	if flag != "" {
		t, err := time.Parse(time.DateOnly, flag)
		if err != nil || t.Year() < 1 {
			return content.Date{}, diag.Errorf("-today %q must be a date written year-month-day, like -today 2026-12-01", flag)
		}
		return dateOf(t), nil
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || sec < 0 {
			return content.Date{}, diag.Errorf("SOURCE_DATE_EPOCH %q must be a number of seconds since 1970-01-01, like 1764547200", epoch)
		}
		return dateOf(time.Unix(sec, 0).UTC()), nil
	}
	return dateOf(time.Now()), nil
}

func dateOf(t time.Time) content.Date {
	return content.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// siteFS reads a site's folder through os.DirFS, and settles symbolic
// links through strict, a root that no link can leave (content's walk
// calls StatInside on every link it meets).
type siteFS struct {
	dir          string // fast's folder
	fast, strict fs.FS
}

// openSite opens the site's folder dir to be read. Symbolic links are
// settled through a root that no link can leave, which the caller
// closes; the files they lead to, and all others, are read the quick way.
func openSite(dir string) (siteFS, *os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return siteFS{}, nil, err
	}
	return siteFS{dir: dir, fast: os.DirFS(dir), strict: root.FS()}, root, nil
}

func (s siteFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(s.fast, name) }
func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fast, name) }
func (s siteFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(s.fast, name) }
func (s siteFS) ReadLink(name string) (string, error)       { return fs.ReadLink(s.strict, name) }
func (s siteFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(s.strict, name) }

// StatInside stats name following links only while they stay inside the
// site: a link out of it, or to nothing, is an error.
func (s siteFS) StatInside(name string) (fs.FileInfo, error) { return fs.Stat(s.strict, name) }

// sourceError says why the site's folder cannot be read.
func sourceError(src string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return diag.Errorf("there is no folder %s (-source names the site's folder, the one that holds config.toml)", src)
	}
	return diag.Errorf("the site's folder %s cannot be read: %v", src, errors.Unwrap(err))
}

// siteTheme returns the site's own theme folder, or nil for the default
// theme alone.
func siteTheme(fsys fs.FS, cfg *config.Config) (fs.FS, *diag.Error) {
	dir := "themes/" + cfg.Theme
	if st, err := fs.Stat(fsys, dir); err == nil && st.IsDir() {
		sub, _ := fs.Sub(fsys, dir)
		return sub, nil
	}
	if cfg.Theme == "default" {
		return nil, nil
	}
	return nil, diag.At(cfg.Doc.Pos("theme"),
		"theme %q not found: there is no folder themes/%s (remove the key to use the default theme)", cfg.Theme, cfg.Theme)
}

// Build renders the site and, when it has no problem, writes it into the
// destination. A destination that a build did not make is refused before
// anything is read (see destination).
func Build(ctx context.Context, opts Options) (*Result, error) {
	dest, err := destination(opts)
	if err != nil {
		return nil, err
	}
	// The files are written as they are made, into a new folder that
	// takes dest's place once the whole site is in it.
	out, err := newOutput(ctx, dest)
	if err != nil {
		return nil, err
	}
	opts.Later = nil
	res, err := renderTo(ctx, opts, out)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		out.discard()
		return nil, err
	}
	start := time.Now()
	old, err := swap(out.tmp, dest)
	if err != nil {
		out.discard()
		return nil, err
	}
	if old != "" {
		if opts.Aside != nil {
			err = opts.Aside(old, res.Pages)
		} else {
			err = removeAll(old)
		}
		if err != nil {
			return nil, err
		}
	}
	res.Duration += time.Since(start)
	return res, nil
}

// output is the new folder a build writes into, beside its destination.
type output struct {
	ctx  context.Context
	tmp  string
	dirs sync.Map // folders made in tmp
}

// newOutput removes what earlier builds killed while writing left beside
// dest, then makes a new folder beside it, marked as made by a build.
func newOutput(ctx context.Context, dest string) (*output, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if err := removeLeftovers(dest); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, err
	}
	o := &output{ctx: ctx, tmp: tmp}
	if err := os.Chmod(tmp, 0o755); err != nil {
		o.discard()
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		o.discard()
		return nil, err
	}
	return o, nil
}

// write writes one file, p relative to the output folder, slash-
// separated. It fails once the build is cancelled.
func (o *output) write(p string, b []byte) error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
	if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker {
		return diag.Errorf("refusing to write %q outside the output folder", p)
	}
	name := filepath.Join(o.tmp, filepath.FromSlash(p))
	if dir := filepath.Dir(name); dir != o.tmp {
		if _, made := o.dirs.Load(dir); !made {
			// One call when the parent is there, as it mostly is.
			if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			o.dirs.Store(dir, true)
		}
	}
	return writeFile(name, b)
}

// writeFile is os.WriteFile with openFile.
func writeFile(name string, b []byte) error {
	f, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// discard removes the output folder.
func (o *output) discard() { removeAll(o.tmp) }

// writers is how many files Write writes at once.
const writers = 8

// Write writes files into a new folder beside dest, marks it as made by
// a build, then puts it in dest's place in one step. Every path must stay
// inside dest. What earlier builds killed while writing left beside dest
// is removed first. When ctx is cancelled, Write stops, removes what it
// wrote, and leaves dest as it was.
func Write(ctx context.Context, dest string, files render.Files) (err error) {
	out, err := newOutput(ctx, dest)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.discard()
		}
	}()
	// Several goroutines: on most disks a build waits on system calls.
	err = share(func(paths chan<- string) {
		for p := range files {
			select {
			case paths <- p:
			case <-ctx.Done():
				return
			}
		}
	}, func(p string) error { return out.write(p, files[p]) })
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	old, err := swap(out.tmp, dest)
	if err != nil || old == "" {
		return err
	}
	return removeAll(old)
}

// swap puts the folder tmp in dest's place, and returns the folder that
// holds the old dest, to remove, or "" when there was none.
func swap(tmp, dest string) (old string, err error) {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, dest)
	} else if err != nil {
		return "", err
	}
	// Where the system can exchange two folders in one step, dest is
	// whole at every moment, even if the build is killed.
	if exchange(tmp, dest) == nil {
		return tmp, nil
	}
	old = tmp + ".old"
	if err := os.Rename(dest, old); err != nil {
		return "", diag.Errorf("cannot replace %s: %v", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(old, dest)
		return "", diag.Errorf("cannot replace %s: %v", dest, err)
	}
	return old, nil
}

// RemoveAside removes dir, the previous output that Build gave to
// Options.Aside. It refuses any folder but those a build leaves beside
// its destination (".public.new-…"), which the next build would remove
// if this removal were killed.
func RemoveAside(dir string) error {
	if !leftover(filepath.Base(dir), "") {
		return diag.Errorf("%s is not a folder that a build left beside its output: not removed", dir)
	}
	return removeAll(dir)
}

// removeAll is os.RemoveAll(dir) by several goroutines, which share the
// files and folders two levels down: the old output of a site of 10,000
// actions holds 16,000 folders (actions/ one a page), and os.RemoveAll
// took 0.4 s to remove them, at the end of a build of 6.5 s. Half of it
// is left; the goroutines wait on each other for the folder they remove
// from, which costs a fifth more CPU than removing alone.
func removeAll(dir string) error {
	type item struct {
		path string
		dir  bool
	}
	err := share(func(items chan<- item) {
		top, _ := os.ReadDir(dir) // os.RemoveAll says what fails
		for _, e := range top {
			p := filepath.Join(dir, e.Name())
			var sub []fs.DirEntry
			if e.IsDir() {
				sub, _ = os.ReadDir(p)
			}
			for _, s := range sub {
				items <- item{filepath.Join(p, s.Name()), s.IsDir()}
			}
			if !e.IsDir() {
				items <- item{p, false}
			}
		}
	}, func(it item) error { return removeTree(it.path, it.dir) })
	if err != nil {
		return err
	}
	return os.RemoveAll(dir) // what is left: the folders above, emptied
}

// share calls do on each item that send sends, in several goroutines
// (writers), and returns the first error, once send has returned and
// every item is done.
func share[T any](send func(chan<- T), do func(T) error) error {
	items := make(chan T)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			var first error
			for it := range items {
				if err := do(it); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		})
	}
	send(items)
	close(items)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// removeTree removes the file p, or the folder p and all it holds.
func removeTree(p string, dir bool) error {
	if !dir {
		return removed(os.Remove(p))
	}
	// Most folders of an output are a page's, which holds index.html
	// alone: removed without reading the folder.
	if os.Remove(filepath.Join(p, "index.html")) == nil && removeDir(p) == nil {
		return nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return os.RemoveAll(p) // which says why
	}
	for _, e := range entries {
		if err := removeTree(filepath.Join(p, e.Name()), e.IsDir()); err != nil {
			return err
		}
	}
	return removed(removeDir(p))
}

// removed is the error of a removal, nil for what was gone already.
func removed(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
