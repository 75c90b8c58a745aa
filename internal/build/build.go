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
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/render"
	"jalons/themes"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site's folder
	Destination string // the output folder; "" means public/ inside Source
	BaseURL     string // overrides config.toml's baseURL when set
	Drafts      bool   // build news drafts too
	// Cache, when set, keeps what a build read and rendered for the next
	// one (jalons serve): files that did not change are not read again,
	// pages whose files did not change are not rendered again.
	Cache *Cache
}

// Cache is what a build keeps for the next one.
type Cache struct {
	Content content.Cache
	Render  render.Cache
}

// Result tells what a build made.
type Result struct {
	Site     *content.Site
	Files    render.Files
	Pages    int // HTML pages
	Duration time.Duration
}

// Render reads, checks and renders the site in memory. Problems in the
// content come back as a diag.List.
func Render(opts Options) (*Result, error) {
	start := time.Now()
	fsys := os.DirFS(opts.Source)
	cfg, errs := config.Load(fsys)
	if cfg == nil {
		return nil, errs
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("-base-url: %w", err)
		}
	}
	theme, themeErr := siteTheme(fsys, cfg)
	if themeErr != nil {
		errs = append(errs, themeErr)
	}
	var contentCache *content.Cache
	var renderCache *render.Cache
	if opts.Cache != nil {
		contentCache, renderCache = &opts.Cache.Content, &opts.Cache.Render
	}
	site, contentErrs := content.LoadCached(fsys, cfg, opts.Drafts, contentCache)
	errs.Append(contentErrs)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	static, _ := fs.Sub(fsys, "static")
	files, err := render.Site(site, themes.Default, render.Options{Theme: theme, Static: static, Cache: renderCache})
	if err != nil {
		return nil, err
	}
	res := &Result{Site: site, Files: files}
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			res.Pages++
		}
	}
	res.Duration = time.Since(start)
	return res, nil
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
// destination.
func Build(opts Options) (*Result, error) {
	dest, err := destination(opts)
	if err != nil {
		return nil, err
	}
	res, err := Render(opts)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := Write(dest, res.Files); err != nil {
		return nil, err
	}
	res.Duration += time.Since(start)
	return res, nil
}

// destination returns the output folder, refusing one that would hold the
// site's own files: replacing it would delete them.
func destination(opts Options) (string, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return "", err
	}
	dest := opts.Destination
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	dest, err = filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	within := func(dir, p string) bool {
		rel, err := filepath.Rel(dir, p)
		return err == nil && (rel == "." || filepath.IsLocal(rel))
	}
	if within(dest, src) {
		return "", fmt.Errorf("destination %s holds the site's folder: building there would delete the site (choose an empty folder, such as public/)", dest)
	}
	for _, own := range []string{"content", "static", "themes", config.File} {
		if within(filepath.Join(src, own), dest) {
			return "", fmt.Errorf("destination %s is inside the site's %s: choose another folder, such as public/", dest, own)
		}
	}
	return dest, nil
}

// writers is how many files Write writes at once.
const writers = 8

// Write writes files into a new folder beside dest, then puts it in
// dest's place. Every path must stay inside dest.
func Write(dest string, files render.Files) (err error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	// Make each folder once, parents first, then write the files from
	// several goroutines: on most disks a build waits on system calls.
	dirs := map[string]bool{}
	for p := range files {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return fmt.Errorf("refusing to write %q outside the output folder", p)
		}
		for d := filepath.Dir(filepath.FromSlash(p)); d != "."; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	for _, d := range sorted {
		if err := os.Mkdir(filepath.Join(tmp, d), 0o755); err != nil {
			return err
		}
	}
	paths := make(chan string)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var first error
			for p := range paths {
				if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(p)), files[p], 0o644); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		}()
	}
	for p := range files {
		paths <- p
	}
	close(paths)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	old := ""
	if _, err := os.Stat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("cannot replace %s: %w", dest, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		return fmt.Errorf("cannot replace %s: %w", dest, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
