// Package render turns a linked site into its files: every page through
// the theme's templates, the Atom feed, the sitemap, robots.txt, the open
// data files, and the theme's and the site's static files.
//
// It writes nothing itself: Site returns a map of output path to bytes,
// or gives each file to Options.Out as soon as it is made, and the build
// package writes them. The same site gives the same bytes.
//
// # The theme contract
//
// A theme is a folder of templates (html/template) and static files. The
// default theme is built into jalons; a site's theme, themes/<name>/,
// overrides it file by file, so that a theme may hold one file only.
//
//	layouts/base.html          every page: head, header, menu, footer;
//	                           it calls {{block "main" .}}
//	layouts/<kind>.html        one per page kind, defining "main"
//	layouts/partials/<p>.html  one template per file, {{define "<p>"}}
//	static/                    copied as it is (css/, js/…)
//
// The page kinds (Kind) and what a page of each receives, as a *Page:
//
//	home        .Site: Config, Pages, Today, Home (content/_index.md),
//	            Axes, Counts, Progress, News, Indicators
//	axis        .Axis, with .Axis.Actions
//	action      .Action, with .Action.Axis, .Indicators (with their
//	            values), .News, .LeadStructure
//	indicators  .Site.Indicators, each with its .Action
//	indicator   .Indicator, with .Indicator.Action
//	newslist    .List: Items, Number, Total, Prev, Next
//	news        .News, with .News.Axes and .News.Actions
//	governance  .Site.Governance: Bodies (a tree: Up, Children),
//	            Structures, Meetings
//	milestones  .Site.Milestones: every milestone, late ones first, then
//	            upcoming, then done, each with its .Action
//	page        .Page (a free page)
//	404         nothing more
//
// Every page also has .Kind, .Title, .Path (from the site's root, "" for
// the home page), .Description, .Crumbs and .Menu (Links), .Body (the
// item's Markdown as HTML), and .Site.Config and .Site.Pages (the free
// pages, for the footer). The items are the types of package site, which
// embed those of package content: .Title, .Slug, .Status… read the same on
// both.
//
// Items are given as views (see view.go): an item's links are cut one
// level down. On an action page, .Action.Axis is the axis with its title,
// colour, progress and counts, not its actions; an item in a list (a
// "card") has the keys that name and place it (title, slug, status, dates,
// summary, order, colour, date, image) and its figures, not its text. A
// page's cache key is a hash of its view: what a template can read is what
// decides whether the page is made again. A theme whose templates read
// fields of .Site that their kind's view does not hold (.Site.News on an
// action page) gets the whole linked site for that kind, and the key of
// the whole site. A card is made once per rendering and shared by every
// page that lists it, and hashed once; with Options.Later (jalons serve),
// the pages (but 404.html), the open data files, the search index and the
// sitemap are made only when they are asked for, and the partials made
// for cards are kept from one rendering to the next (keptPartial).
//
// Template functions:
//
//	t KEY                 a word of the interface, in the site's language
//	date DATE             "1er janvier 2010", "1 January 2010"
//	period PERIOD         "2017-2020", "depuis 2017", "until 2020"
//	number, money, percent, quantity VALUE UNIT
//	                      numbers as the language writes them
//	value INDICATOR VALUE a value, or "moins de 5" when it is masked
//	status STATUS         "En cours"; change CHANGE: a status change
//	plural N KEY          "3 actions"; noun N KEY: the word alone, "actions"
//	countsOf COUNTS CODE… "1 à venir et 2 suspendues": the statuses named
//	measured N OF         "9 actions mesurées sur 13"
//	list STRINGS          "a, b et c"
//	lang                  "fr" or "en"
//	url PATH, abs PATH    the address under the base path, the full one
//	link ITEM             the address of an item's page
//	section NAME          the address of a section: "news", "indicators",
//	                      "actions", "territories", "audiences",
//	                      "milestones", "search"…
//	markdown TEXT PREFIX  Markdown as HTML, safe by default
//	whole RATIO           a ratio as a whole percent number
//	bar, countedBar, mix, statusRows, statuses, statusIs, latest,
//	keyIndicators, firstNews, firstMilestones, milestoneStates,
//	milestonesIn, groupLinks, slugs, actionRow, hasCharts, freePage,
//	footerPage, dataFiles, licenseURL, qr
//	                      the data of partials: progress bars, status
//	                      mixes, lists cut to their first items, the
//	                      links of territories and publics, a table row
//	                      made once per build, the open data files, the
//	                      printed QR code
//	chartIndicator INDICATOR
//	                      the chart of an indicator's values
//	cachedPartial NAME DOT
//	                      {{template NAME DOT}}, made once per rendering
//	                      when DOT is a card of a list (an action of an
//	                      axis, an indicator of an action): the pages
//	                      that show the same card share it, and serve
//	                      keeps it for its next rebuild while the card
//	                      stays the same
//	keptPartial NAME DOT
//	                      {{template NAME DOT}}, kept by serve for its
//	                      next rebuild while the card DOT stays the
//	                      same: for what a rendering shows once per card
//	                      (the items of the list of every action)
//	siteHeader PAGE, siteFooter PAGE
//	                      the partials site-header and site-footer,
//	                      each made once per rendering (the header once
//	                      per menu item current and for the search page)
//
// A mistake in a template is a problem like the others: its file (from
// the site's folder, or named as the default theme's), line and column,
// in the site's language, every file's syntax errors at once.
package render

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/markdown"
	"jalons/internal/site"
)

// Files is a built site: output path ("axes/x/index.html") → content.
type Files map[string][]byte

// Link is an entry of a menu or a breadcrumb.
type Link struct {
	Title   string
	Path    string // relative to the site's root: "", "axes/x/"
	Current bool
}

// NewsList is one page of the news list.
type NewsList struct {
	Items      []*site.News
	Number     int
	Total      int
	Prev, Next string // paths of the neighbour pages, "" at the ends
}

// Page is what a template receives.
type Page struct {
	Site        *site.Site
	Kind        Kind
	Title       string
	Path        string // relative to the site's root: "" for home
	Description string
	Crumbs      []Link
	Menu        []Link
	Body        template.HTML

	Axis      *site.Axis
	Action    *site.Action
	Indicator *site.Indicator
	News      *site.News
	Page      *content.Page
	List      *NewsList

	// Section is "territories" or "audiences" on their pages.
	Section string
	Groups  []*site.Group // on the list of territories or audiences
	Group   *site.Group   // on a territory's or an audience's page
	// Status, on a list of actions, is the only status it shows; nil for
	// every action.
	Status *content.Status
}

// Cache keeps the pages of a rendering for the next one: a page whose
// inputs did not change is not rendered again. `jalons serve` keeps one
// across rebuilds; it is safe for concurrent use.
type Cache struct {
	// Gzip keeps the pages gzipped, and the Files that Site returns then
	// hold every HTML page gzipped (Plain gives it back): `jalons serve`
	// keeps a large site's pages in a fifth of the memory.
	Gzip bool
	// MaxPartials is, with Options.Later, how many partials the cache
	// keeps before a rendering forgets them all; 0 stands for eight for
	// each of the site's cards, and a thousand more.
	MaxPartials int

	mu       sync.Mutex
	pages    map[string]cached
	rendered int // files the last rendering had to make
	// the search terms of each file's text, by file and hash
	searchTerms sync.Map
	// partials made for cards, kept while their cards are (see
	// cachedPartial)
	parts map[keptKey]template.HTML
	theme *themeSet // the templates of the last rendering
}

// Rendered is the number of pages and files (feed, open data) the last
// rendering had to make, the others coming from the cache.
func (c *Cache) Rendered() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rendered
}

// terms are the search terms of a file's text, kept by file and hash;
// a nil cache keeps nothing.
func (c *Cache) terms(k string) ([2]string, bool) {
	if c == nil {
		return [2]string{}, false
	}
	v, ok := c.searchTerms.Load(k)
	if !ok {
		return [2]string{}, false
	}
	return v.([2]string), true
}

func (c *Cache) keepTerms(k string, t [2]string) {
	if c != nil {
		c.searchTerms.Store(k, t)
	}
}

// keepOnlyTerms forgets the terms of every file but those of used: the
// earlier texts of edited files, and removed files, so that a long
// session of serve does not keep them all.
func (c *Cache) keepOnlyTerms(used map[string]bool) {
	if c == nil {
		return
	}
	c.searchTerms.Range(func(k, _ any) bool {
		if !used[k.(string)] {
			c.searchTerms.Delete(k)
		}
		return true
	})
}

// SearchTerms is the number of files whose search terms the cache keeps.
func (c *Cache) SearchTerms() int {
	n := 0
	c.searchTerms.Range(func(_, _ any) bool { n++; return true })
	return n
}

type cached struct {
	key  uint64
	page []byte
}

func (c *Cache) get(file string, key uint64) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[file]
	return e.page, ok && e.key == key
}

func (c *Cache) put(file string, key uint64, page []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rendered++
	if c.pages == nil {
		c.pages = map[string]cached{}
	}
	c.pages[file] = cached{key, page}
}

// Options tune a rendering.
type Options struct {
	// Cache, when set, is used and filled.
	Cache *Cache
	// Theme is the site's own theme folder (themes/<name>), or nil: its
	// files override the default theme's.
	Theme fs.FS
	// Static is the site's static/ folder: its files that the site lists
	// (site.Site.Static) are copied as they are.
	Static fs.FS
	// Out, when set, is given every file as soon as it is made (its
	// bytes are reused once Out returns), and the Files that Site returns
	// hold the paths only: a build writes while it renders, and holds no
	// page in memory. Out is called from several goroutines at once.
	Out func(path string, b []byte) error
	// Later, when set, is given the pages (but 404.html), the open data
	// files, the search index and the sitemap instead of their content: a
	// function that makes each, safe to call from any goroutine once Site
	// has returned, and these files are not in the Files that Site
	// returns. `jalons serve` makes one when it is asked for, so that a
	// rebuild after a save is spent on reading and linking the site, and
	// the page a writer looks at is made when the browser reloads it.
	// Later is called from Site's goroutine only.
	Later func(path string, make func() ([]byte, error))
	// Items, with Later, is given the pages of the actions, indicators
	// and news items rather than Later, in one call once Site is done:
	// their number, and find, which gives the function that makes the
	// page of a file ("actions/x/index.html"), or false for a file that
	// is none of them. A rebuild then spends nothing on the pages of
	// thousands of items.
	Items func(n int, find func(file string) (make func() ([]byte, error), ok bool))
}

type renderer struct {
	cache     *Cache
	global    uint64 // what every page depends on: config, theme, menu, footer
	whole     uint64 // the whole site
	wide      map[Kind]bool
	site      *site.Site
	loc       *locale
	md        *markdown.Renderer
	theme     fs.FS
	siteTheme fs.FS // the site's own theme folder, or nil
	// the files of its layouts/ folder
	siteLayouts map[string]bool
	tmpl        map[Kind]func() *template.Template // the set of each kind, cloned once
	themeText   []byte                             // every template, for the cache's keys
	files       Files
	out         func(path string, b []byte) error // see Options.Out
	later       func(path string, make func() ([]byte, error))
	items       func(n int, find func(file string) (make func() ([]byte, error), ok bool))
	lazy        []lazyPage // the pages left to Options.Later
	mu          sync.Mutex
	slugs       sync.Map // name → slug.Make(name)
	charts      sync.Map // *content.Indicator → its chart (chartIndicator)
	cards       sync.Map // cardKey → the card of an item (listed)
	partials    sync.Map // partials made once: by part (siteHeader, siteFooter) or partialKey (cachedPartial)
	sums        sync.Map // sumKey → *cardSum: the hash of each card
	// the cards of every item, made before the pages (preCards)
	pre     map[cardKey]any
	preSums map[sumKey]*cardSum
}

// Site renders s with theme (the default theme, or a site's theme over
// it).
func Site(s *site.Site, theme fs.FS, opts Options) (Files, error) {
	siteTheme := opts.Theme
	if siteTheme != nil {
		theme = overlay{upper: siteTheme, lower: theme}
	}
	if c := opts.Cache; c != nil {
		c.mu.Lock()
		c.rendered = 0
		// Pages made when asked for keep partials at any time: they are
		// forgotten all at once beyond MaxPartials (else at the end of
		// Site, see forgetPartials).
		max := c.MaxPartials
		if max == 0 {
			cards := len(s.Axes) + len(s.Actions) + len(s.Indicators) + len(s.Milestones) + len(s.News) + len(s.Territories) + len(s.Audiences)
			max = 8*cards + 1000
		}
		if opts.Later != nil && len(c.parts) > max {
			c.parts = nil
		}
		c.mu.Unlock()
	}
	r := &renderer{
		cache:       opts.Cache,
		site:        s,
		loc:         newLocale(s.Config.Language),
		md:          markdown.New(s.Config.Base.Path, string(s.Config.Language), s.Config.UnsafeHTML),
		theme:       theme,
		siteTheme:   siteTheme,
		siteLayouts: layoutsOf(siteTheme),
		files:       Files{},
		out:         opts.Out,
		later:       opts.Later,
	}
	if opts.Later != nil {
		r.items = opts.Items
	}
	if err := r.parseTemplates(); err != nil {
		return nil, err
	}
	if err := r.copyTheme(theme); err != nil {
		return nil, err
	}
	for _, p := range s.Static {
		b, err := fs.ReadFile(opts.Static, p)
		if err != nil {
			return nil, diag.Errorf("static/%s: %v", p, err)
		}
		if err := r.add(p, b); err != nil {
			return nil, err
		}
	}
	if err := r.add("css/axes.css", r.axisColors()); err != nil {
		return nil, err
	}
	if s.Config.SecurityHeaders {
		for p, b := range hostHeaders(s.Config.Base.Path) {
			if err := r.add(p, b); err != nil {
				return nil, err
			}
		}
	}
	r.global = r.globalKey()
	if r.cache != nil {
		r.whole = r.wholeKey() // what the open data and the wide kinds show; no key without a cache
	}
	if r.later == nil { // else the pages are made one by one, each with its few cards
		r.preCards()
	}
	// Every file at once; the open data files first, as they are the
	// longest to make.
	jobs := append(r.data(), r.pages()...)
	jobs = append(jobs, r.feed()...)
	jobs = append(jobs, r.changesFeed)
	if err := parallel(jobs); err != nil {
		return nil, err
	}
	if r.cache != nil && r.later == nil {
		r.cache.forgetPartials(r)
	}
	for _, p := range r.lazy {
		r.later(p.file, p.make)
	}
	if r.later != nil {
		// The items' pages, found by their path: no file of static/ may
		// stand there.
		for p := range r.files {
			if _, ok := r.findItem(p); ok {
				return nil, clashError(p)
			}
		}
		if r.items != nil {
			r.items(len(s.Actions)+len(s.Indicators)+len(s.News), r.findItem)
		} else {
			for _, file := range r.itemFiles() {
				m, _ := r.findItem(file)
				r.later(file, m)
			}
		}
	}
	// The sitemap lists the pages once they are all made; serve makes it
	// when it is asked for.
	if r.later != nil {
		r.later("sitemap.xml", r.sitemap)
	} else {
		b, err := r.sitemap()
		if err != nil {
			return nil, err
		}
		if err := r.add("sitemap.xml", b); err != nil {
			return nil, err
		}
	}
	if err := r.add("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+r.abs("sitemap.xml")+"\n")); err != nil {
		return nil, err
	}
	return r.files, nil
}

// Kind is a kind of page; each has its template, layouts/<kind>.html.
type Kind string

// The kinds of page.
const (
	KindHome       Kind = "home"
	KindAxis       Kind = "axis"
	KindAction     Kind = "action"
	KindIndicators Kind = "indicators"
	KindIndicator  Kind = "indicator"
	KindNewsList   Kind = "newslist"
	KindNews       Kind = "news"
	KindGovernance Kind = "governance"
	KindPage       Kind = "page"
	KindData       Kind = "data"
	Kind404        Kind = "404"
	KindActions    Kind = "actions" // every action, or those of a status
	KindGroups     Kind = "groups"  // the territories, or the audiences
	KindGroup      Kind = "group"   // a territory or an audience
	KindSearch     Kind = "search"
	KindMilestones Kind = "milestones"
)

// kinds are the page templates a theme has, besides base.html and
// partials/.
var kinds = []Kind{KindHome, KindAxis, KindAction, KindIndicators, KindIndicator, KindNewsList, KindNews, KindGovernance, KindPage, KindData, Kind404,
	KindActions, KindGroups, KindGroup, KindSearch, KindMilestones}

// parseTemplates parses the theme's templates: base.html, the partials,
// and one template per page kind. Every file with a syntax error is
// reported, each at its line.
func (r *renderer) parseTemplates() error {
	partials, _ := fs.Glob(r.theme, "layouts/partials/*.html")
	names := []string{"layouts/base.html"}
	names = append(names, partials...)
	for _, k := range kinds {
		names = append(names, "layouts/"+string(k)+".html")
	}
	var errs diag.List
	texts := map[string]string{}
	var key []byte // every file's name and text: what the parse depends on
	for _, name := range names {
		b, err := fs.ReadFile(r.theme, name)
		if err != nil {
			errs.Add(diag.Pos{File: r.themeFile(name)}, "cannot read: %v", err)
			continue
		}
		r.themeText = append(r.themeText, b...)
		texts[name] = string(b)
		key = binary.LittleEndian.AppendUint64(append(append(key, name...), 0), uint64(len(b)))
		key = append(key, b...)
	}
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	funcs := r.funcs()
	r.tmpl = map[Kind]func() *template.Template{}
	if r.cache == nil { // nothing to keep: the set is this rendering's
		set, err := r.parseSet(names, partials, texts, funcs)
		if err != nil {
			return err
		}
		for k, t := range set.kinds {
			r.tmpl[k] = func() *template.Template { return t }
		}
		r.wide = set.wide
		return nil
	}
	set := r.cache.themeSet(key)
	if set == nil {
		// Parsed with the functions of a renderer of nothing: the set
		// outlives this rendering, and each gives its clones its own.
		var err error
		if set, err = r.parseSet(names, partials, texts, (&renderer{loc: r.loc}).funcs()); err != nil {
			return err
		}
		set.key = key
		r.cache.keepThemeSet(set)
	}
	// Each kind's templates are cloned, with this rendering's functions,
	// when a page of the kind is first made: serve, after a save, makes
	// one page or a few.
	for k, t := range set.kinds {
		r.tmpl[k] = sync.OnceValue(func() *template.Template { return template.Must(t.Clone()).Funcs(funcs) })
	}
	r.wide = set.wide
	return nil
}

// A themeSet is a theme's templates parsed, one set for each kind of
// page, never executed: a rendering executes clones. A Cache keeps the
// last, for the next rendering with the same theme.
type themeSet struct {
	key   []byte // the name and text of every file parsed
	kinds map[Kind]*template.Template
	wide  map[Kind]bool // see wideKinds
}

// parseSet parses the texts of the theme's files, by name, with funcs.
func (r *renderer) parseSet(names, partials []string, texts map[string]string, funcs template.FuncMap) (*themeSet, error) {
	set, failed := parseKinds(partials, texts, funcs)
	if len(failed) == 0 {
		set.wide = wideKinds(set.kinds)
		return set, nil
	}
	// A set stops at a file's first error: each file alone then, so that
	// every file's syntax errors are found.
	var errs diag.List
	for _, name := range names {
		if _, err := template.New(name).Funcs(funcs).Parse(texts[name]); err != nil {
			errs = append(errs, r.problem(err))
		}
	}
	if len(errs) == 0 { // each file parses, not the set
		for _, err := range failed {
			errs = append(errs, r.problem(err))
		}
	}
	errs.Sort()
	return nil, errs.Err()
}

// parseKinds parses the theme's files into a set of templates for each
// kind of page: the base, the partials, and the kind's own file. It
// returns the errors of the files that do not parse in the set.
func parseKinds(partials []string, texts map[string]string, funcs template.FuncMap) (*themeSet, []error) {
	root, err := template.New("layouts/base.html").Funcs(funcs).Parse(texts["layouts/base.html"])
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	for _, p := range partials {
		if _, err := root.New(p).Parse(texts[p]); err != nil {
			errs = append(errs, err)
		}
	}
	set := &themeSet{kinds: map[Kind]*template.Template{}}
	for _, k := range kinds {
		name := "layouts/" + string(k) + ".html"
		t := template.Must(root.Clone())
		if _, err := t.New(name).Parse(texts[name]); err != nil {
			errs = append(errs, err)
		}
		set.kinds[k] = t
	}
	return set, errs
}

// themeSet is the set of templates kept for the theme files of key, or
// nil; a nil cache keeps nothing.
func (c *Cache) themeSet(key []byte) *themeSet {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.theme != nil && bytes.Equal(c.theme.key, key) {
		return c.theme
	}
	return nil
}

func (c *Cache) keepThemeSet(set *themeSet) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.theme = set
}

// add records an output file, or gives it to Out.
func (r *renderer) add(p string, b []byte) error { return r.record(p, b, false) }

// addPage records a page, which no file of static/ may stand in for, or
// gives it to Out.
func (r *renderer) addPage(file string, page []byte) error { return r.record(file, page, true) }

func (r *renderer) record(p string, b []byte, page bool) error {
	kept := b
	if r.out != nil {
		kept = nil // Out has it: only the path is kept
	}
	r.mu.Lock()
	_, clash := r.files[p]
	if !page || !clash {
		r.files[p] = kept
	}
	r.mu.Unlock()
	if page && clash {
		return clashError(p)
	}
	if r.out != nil {
		return r.out(p, b)
	}
	return nil
}

// copyTheme copies the theme's static/ folder (the default theme's,
// under a site theme's own files).
func (r *renderer) copyTheme(theme fs.FS) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return nil // no static folder
			}
			return err
		}
		if p != "static" && content.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return diag.Errorf("the theme: %v", err)
		}
		return r.add(strings.TrimPrefix(p, "static/"), b)
	})
}

// gzipped is b gzipped, as fast as gzip goes.
func gzipped(b []byte) []byte {
	out := getBuffer()
	defer putBuffer(out)
	out.Reset()
	w := gzips.Get().(*gzip.Writer)
	defer gzips.Put(w)
	w.Reset(out)
	w.Write(b) // to memory: no error
	w.Close()
	return bytes.Clone(out.Bytes()) // no room to spare: serve keeps them all
}

var gzips = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// Plain is a file of Files as it is served: an HTML page that a Cache
// with Gzip keeps gzipped is given back as it was made.
func Plain(name string, b []byte) ([]byte, error) {
	if !strings.HasSuffix(name, ".html") || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil // HTML starts with text, never with gzip's magic number
	}
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// buffers are reused from page to page: a page is made in a buffer grown
// by earlier pages, then written out, or copied out at its size. They are
// kept in a channel rather than a sync.Pool, which every collection of
// garbage empties: a buffer would grow again from nothing, a few times a
// second on a large site. A buffer grown past maxKept (the list of every
// action) is left to the collector.
var buffers = make(chan *bytes.Buffer, 32)

const maxKept = 1 << 20

func getBuffer() *bytes.Buffer {
	select {
	case b := <-buffers:
		return b
	default:
		return new(bytes.Buffer)
	}
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxKept {
		return
	}
	b.Reset()
	select {
	case buffers <- b:
	default:
	}
}

// execute renders one page with its kind's template into buf.
func (r *renderer) execute(buf *bytes.Buffer, p *Page) error {
	if err := r.tmpl[p.Kind]().ExecuteTemplate(buf, "layouts/base.html", p); err != nil {
		return r.problem(err)
	}
	return nil
}

// The site's header and footer are the same on most pages: each variant
// is made once per rendering, from the first page that shows it.
type part struct {
	name    string
	current uint64 // the menu items that are current, a bit each
	exact   uint64 // those that are the page itself
	search  bool   // the search page, whose header has no search form
}

// siteHeader is the header of page p (partial "site-header"): its
// variants differ by the menu's current item and the search form.
func (r *renderer) siteHeader(p *Page) (template.HTML, error) {
	v := part{name: "site-header", search: p.Kind == KindSearch}
	for i, l := range p.Menu {
		if l.Current {
			v.current |= 1 << i
			if l.Path == p.Path {
				v.exact |= 1 << i
			}
		}
	}
	return r.part(v, p)
}

// siteFooter is the footer of every page (partial "site-footer").
func (r *renderer) siteFooter(p *Page) (template.HTML, error) {
	return r.part(part{name: "site-footer"}, p)
}

func (r *renderer) part(v part, p *Page) (template.HTML, error) {
	if h, ok := r.partials.Load(v); ok {
		return h.(template.HTML), nil
	}
	h, err := r.partial(v.name, p)
	if err != nil {
		return "", err
	}
	r.partials.Store(v, h)
	return h, nil
}

// partial is the partial name made with dot (every kind's templates have
// the same partials); a mistake is at the partial's own line.
func (r *renderer) partial(name string, dot any) (template.HTML, error) {
	b := getBuffer() // grown by earlier partials: the partial is copied out at its size
	defer putBuffer(b)
	if err := r.tmpl[KindHome]().ExecuteTemplate(b, name, dot); err != nil {
		return "", r.problem(err)
	}
	return template.HTML(b.String()), nil
}

// cachedPartial is the partial name made with dot, once per rendering
// when dot is a card (see listed): a partial sees nothing but its dot and
// the functions, and a card is shared and never changed, so that every
// page that shows the card can take the partial made for the first. With
// any other dot, the partial is made each time. With a cache, it is also
// kept for the next rendering (see keptPartial).
func (r *renderer) cachedPartial(name string, dot any) (template.HTML, error) {
	card, sum := r.card(dot)
	if sum == nil {
		return r.partial(name, dot)
	}
	k := partialKey{name, card}
	if h, ok := r.partials.Load(k); ok {
		return h.(template.HTML), nil
	}
	h, err := r.kept(name, dot, card, sum)
	if err == nil {
		r.partials.Store(k, h)
	}
	return h, err
}

// keptPartial is the partial name made with dot. With a cache (serve),
// when dot is a card, it is kept for the next rendering by the card's
// hash, while the card stays the same: a list of every action is made
// again from its items when one action changes. Unlike cachedPartial, it
// is not kept within a rendering: it is for partials that a rendering
// shows once per card, which a build would keep for nothing.
func (r *renderer) keptPartial(name string, dot any) (template.HTML, error) {
	if r.cache == nil {
		return r.partial(name, dot)
	}
	card, sum := r.card(dot)
	if sum == nil {
		return r.partial(name, dot)
	}
	return r.kept(name, dot, card, sum)
}

// kept is the partial name made with dot, the card whose key and sum are
// card and sum, taken from the cache when it keeps it, and kept there
// when it is made.
func (r *renderer) kept(name string, dot any, card sumKey, sum *cardSum) (template.HTML, error) {
	if r.cache == nil {
		return r.partial(name, dot)
	}
	k := keptKey{name, card.t, r.global, sum.of(reflect.ValueOf(dot), r)}
	if h, ok := r.cache.partial(k); ok {
		return h, nil
	}
	h, err := r.partial(name, dot)
	if err == nil {
		r.cache.keepPartial(k, h)
	}
	return h, err
}

// keptKey is a partial made for a card in Cache.parts: a partial sees
// its dot, and functions that depend on the settings and theme alone
// (global).
type keptKey struct {
	name   string
	t      reflect.Type
	global uint64
	sum    uint64
}

// partial is the partial kept for k.
func (c *Cache) partial(k keptKey) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.parts[k]
	return h, ok
}

func (c *Cache) keepPartial(k keptKey, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.parts == nil {
		c.parts = map[keptKey]template.HTML{}
	}
	c.parts[k] = h
}

// Partials is the number of partials the cache keeps for the next
// rendering.
func (c *Cache) Partials() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.parts)
}

// forgetPartials forgets the partials of the cards that the rendering r
// no longer has, and those made with other settings or another theme.
func (c *Cache) forgetPartials(r *renderer) {
	live := map[uint64]bool{}
	r.sums.Range(func(_, v any) bool {
		if c := v.(*cardSum); c.done {
			live[c.sum] = true
		}
		return true
	})
	for _, c := range r.preSums {
		if c.done {
			live[c.sum] = true
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.parts {
		if k.global != r.global || !live[k.sum] {
			delete(c.parts, k)
		}
	}
}

// partialKey is a partial made for a card in renderer.partials.
type partialKey struct {
	name string
	card sumKey
}

func (r *renderer) menu(current string) []Link {
	links := []Link{{Title: r.loc.T("home"), Path: ""}, {Title: r.loc.T("actions"), Path: r.section("actions")}}
	if len(r.site.Territories) > 0 {
		links = append(links, Link{Title: r.loc.T("territories"), Path: r.section("territories")})
	}
	if len(r.site.Audiences) > 0 {
		links = append(links, Link{Title: r.loc.T("audience"), Path: r.section("audiences")})
	}
	if len(r.site.Indicators) > 0 {
		links = append(links, Link{Title: r.loc.T("indicators"), Path: r.section("indicators")})
	}
	links = append(links, Link{Title: r.loc.T("news"), Path: r.section("news")})
	if r.site.Governance != nil {
		links = append(links, Link{Title: r.loc.T("governance"), Path: r.section("governance")})
	}
	for i := range links {
		l := &links[i]
		l.Current = current == l.Path || (l.Path != "" && strings.HasPrefix(current, l.Path))
	}
	return links
}

// section is the path of a section in the site's language: "actualites/".
func (r *renderer) section(name string) string {
	if p, ok := r.loc.paths[name]; ok {
		return p
	}
	return "/" // a theme's unknown name, as it always was
}

// pathOf is the path of an item's page.
func (r *renderer) pathOf(item any) string {
	switch v := item.(type) {
	case *site.Axis:
		return r.section("axes") + v.Slug + "/"
	case *site.Action:
		return r.section("actions") + v.Slug + "/"
	case *site.Indicator:
		return r.section("indicators") + v.Slug + "/"
	case *site.News:
		return r.section("news") + v.Slug + "/"
	case *content.Page:
		return v.Slug + "/"
	case content.Status:
		return r.section("actions") + r.loc.T("path.status") + "/" + r.slug(r.loc.Status(v)) + "/"
	}
	panic(fmt.Sprintf("render: no page for %T", item))
}

// url is the address of a path from the server's root, under the base
// path: "/projet-social/axes/x/".
func (r *renderer) url(p string) string { return r.site.Config.Base.Path + p }

// abs is the full address of a path: "https://…/projet-social/axes/x/".
func (r *renderer) abs(p string) string { return r.site.Config.BaseURL + p }

func (r *renderer) markdown(src, prefix string) (template.HTML, error) {
	return r.md.HTML(src, prefix)
}

// pages are the jobs that make the HTML pages.
func (r *renderer) pages() []func() error {
	s := r.site
	home := &Page{Kind: "home", Title: s.Config.Title, Description: s.Config.Description}
	if s.Home != nil {
		home.Page = s.Home
		if s.Home.Summary != "" {
			home.Description = s.Home.Summary
		}
	}
	crumbs := r.crumbs
	// The lists of every action, of a status, of a territory come first:
	// the list of every action is the longest page to make, and would
	// else end the build alone on one core.
	jobs := r.ways(crumbs)
	jobs = append(jobs, func() error { return r.item(home, "", "", "index.html") })
	for _, a := range s.Axes {
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindAxis, Title: a.Title, Path: r.pathOf(a), Description: a.Summary, Axis: a,
				Crumbs: crumbs()}, a.Src.Body, "", "")
		})
	}
	if r.later == nil { // else the items' pages are found when asked for (findItem)
		for _, a := range s.Actions {
			jobs = append(jobs, func() error { return r.item(r.actionPage(a, r.pathOf(a)), a.Src.Body, "", "") })
		}
		for _, ind := range s.Indicators {
			jobs = append(jobs, func() error { return r.item(r.indicatorPage(ind, r.pathOf(ind)), ind.Description, "", "") })
		}
		for _, n := range s.News {
			jobs = append(jobs, func() error { return r.item(r.newsPage(n, r.pathOf(n)), n.Src.Body, "", "") })
		}
	}
	if len(s.Indicators) > 0 {
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindIndicators, Title: r.loc.T("indicators"), Path: r.section("indicators"), Crumbs: crumbs()}, "", "", "")
		})
	}
	jobs = append(jobs, r.newsLists()...)
	if g := s.Governance; g != nil {
		title := g.Title
		if title == "" {
			title = r.loc.T("governance")
		}
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindGovernance, Title: title, Path: r.section("governance"), Crumbs: crumbs()}, g.Src.Body, "", "")
		})
	}
	for _, pg := range s.Pages {
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindPage, Title: pg.Title, Path: r.pathOf(pg), Description: pg.Summary, Page: pg, Crumbs: crumbs()}, pg.Src.Body, "", "")
		})
	}
	if len(s.Milestones) > 0 {
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindMilestones, Title: r.loc.T("allMilestones"), Path: r.section("milestones"), Crumbs: crumbs()}, "", "", "")
		})
	}
	jobs = append(jobs, func() error {
		return r.item(&Page{Kind: KindData, Title: r.loc.T("openData"), Path: "data/", Description: r.loc.T("data.intro"), Crumbs: crumbs()}, "", "", "")
	})
	jobs = append(jobs, func() error {
		return r.item(&Page{Kind: Kind404, Title: r.loc.T("notFound")}, "", "", "404.html")
	})
	return jobs
}

// crumbs is the trail of a page: the home page, then links.
func (r *renderer) crumbs(links ...Link) []Link {
	return append([]Link{{Title: r.loc.T("home")}}, links...)
}

// actionPage, indicatorPage and newsPage are the pages of items, at path.
func (r *renderer) actionPage(a *site.Action, path string) *Page {
	return &Page{Kind: KindAction, Title: a.Title, Path: path, Description: a.Summary, Action: a,
		Crumbs: r.crumbs(Link{Title: a.Axis.Title, Path: r.pathOf(a.Axis)})}
}

func (r *renderer) indicatorPage(ind *site.Indicator, path string) *Page {
	c := r.crumbs(Link{Title: r.loc.T("indicators"), Path: r.section("indicators")})
	return &Page{Kind: KindIndicator, Title: ind.Title, Path: path, Indicator: ind, Crumbs: c}
}

func (r *renderer) newsPage(n *site.News, path string) *Page {
	c := r.crumbs(Link{Title: r.loc.T("news"), Path: r.section("news")})
	return &Page{Kind: KindNews, Title: n.Title, Path: path, Description: n.Summary, News: n, Crumbs: c}
}

// findItem gives the function that makes the page of an action, an
// indicator or a news item that has the file ("actions/x/index.html"),
// for Options.Items; false for any other file.
func (r *renderer) findItem(file string) (func() ([]byte, error), bool) {
	path, ok := strings.CutSuffix(file, "index.html")
	if !ok {
		return nil, false
	}
	slugIn := func(section string) string { // "" when path is not an item's of section
		rest, ok := strings.CutPrefix(path, r.section(section))
		if slug, ok2 := strings.CutSuffix(rest, "/"); ok && ok2 && !strings.Contains(slug, "/") {
			return slug
		}
		return ""
	}
	s := r.site
	maker := func(p *Page, body string) (func() ([]byte, error), bool) {
		return func() ([]byte, error) { return r.made(p, body, "", file) }, true
	}
	if a := s.ActionOf(slugIn("actions")); a != nil {
		return maker(r.actionPage(a, path), a.Src.Body)
	}
	if ind := s.IndicatorOf(slugIn("indicators")); ind != nil {
		return maker(r.indicatorPage(ind, path), ind.Description)
	}
	if n := s.NewsOf(slugIn("news")); n != nil {
		return maker(r.newsPage(n, path), n.Src.Body)
	}
	return nil, false
}

// item renders the Markdown body, then the page, into file (by default
// the page's path + index.html). With a cache, a page whose view did not
// change (see view.go) is taken from it.
//
// With Options.Later, the page is left to be made when it is asked for
// (but for 404.html, which serve shows for any path it does not know).
func (r *renderer) item(p *Page, body, prefix, file string) error {
	if file == "" {
		file = p.Path + "index.html"
	}
	if r.later != nil && file != "404.html" {
		return r.lazyPage(file, func() ([]byte, error) { return r.made(p, body, prefix, file) })
	}
	return r.page(p, body, prefix, file, func(b []byte) error { return r.addPage(file, b) })
}

// made is the page p made into file, for Options.Later.
func (r *renderer) made(p *Page, body, prefix, file string) ([]byte, error) {
	var made []byte
	err := r.page(p, body, prefix, file, func(b []byte) error { made = b; return nil })
	return made, err
}

// lazyPage records a page that Site will give to Options.Later, once
// it is sure that no file of static/ has its path.
func (r *renderer) lazyPage(file string, make func() ([]byte, error)) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, clash := r.files[file]; clash {
		return clashError(file)
	}
	r.lazy = append(r.lazy, lazyPage{file, make})
	return nil
}

// clashError says that a file of static/ stands where a page goes.
func clashError(file string) error {
	return diag.Errorf("static/%s has the path of a page the site builds: rename or move it", file)
}

// lazyPage is a page left to be made when it is asked for.
type lazyPage struct {
	file string
	make func() ([]byte, error)
}

// page makes the page p into file and gives it to use.
func (r *renderer) page(p *Page, body, prefix, file string, use func([]byte) error) error {
	r.view(p)
	key := func() uint64 {
		if r.wide[p.Kind] {
			return r.whole
		}
		return r.key(p) // the body is an item's, whose file the view holds
	}
	buf := getBuffer()
	defer putBuffer(buf)
	page, err := r.cached(file, key, func() ([]byte, error) {
		// The menu is made from the page's path, which the key holds, and
		// from what every page shows (r.global): it is not hashed, and
		// made only for a page that is made.
		p.Menu = r.menu(p.Path)
		if p.Kind == KindHome && r.site.Home != nil {
			body = r.site.Home.Src.Body
		}
		if body != "" {
			html, err := r.markdown(body, prefix)
			if err != nil {
				return nil, err
			}
			p.Body = html
		}
		buf.Reset()
		if err := r.execute(buf, p); err != nil {
			return nil, err
		}
		if r.cache == nil && r.out != nil {
			return buf.Bytes(), nil // written before buf is used again
		}
		if r.cache != nil && r.cache.Gzip {
			return gzipped(buf.Bytes()), nil
		}
		return bytes.Clone(buf.Bytes()), nil
	})
	if err != nil {
		return err
	}
	return use(page) // before buf is used again
}

// cached returns the content of file from the cache when it was made with
// the same key; else it makes it. Without a cache, it always makes it, and
// the key is not computed.
func (r *renderer) cached(file string, key func() uint64, make func() ([]byte, error)) ([]byte, error) {
	if r.cache == nil {
		return make()
	}
	k := key()
	if b, ok := r.cache.get(file, k); ok {
		return b, nil
	}
	b, err := make()
	if err == nil {
		r.cache.put(file, k, b)
	}
	return b, err
}

// globalKey sums up what every page shows beside its own content: the
// theme, the settings, the menu and the footer.
func (r *renderer) globalKey() uint64 {
	h := fnv.New64a()
	h.Write(r.themeText)
	c := r.site.Config
	fmt.Fprintf(h, "%q %q %q %q %q %v %q %q %d %v %q %q", c.Title, c.Territory, c.BaseURL, c.Language, c.Description,
		c.Period, c.Contact, c.Logo, c.NewsPerPage, c.UnsafeHTML, c.DataLicense, c.Accessibility)
	fmt.Fprintf(h, " %d %v", len(r.site.Indicators), r.site.Governance != nil)
	for _, p := range r.site.Pages {
		fmt.Fprintf(h, " %s %q", p.Slug, p.Title)
	}
	fmt.Fprintf(h, " %d %d", len(r.site.Territories), len(r.site.Audiences)) // the menu
	return h.Sum64()
}

func (r *renderer) newsLists() []func() error {
	per := r.site.Config.NewsPerPage
	news := r.site.News
	total := max(1, (len(news)+per-1)/per)
	pathOf := func(n int) string {
		if n == 1 {
			return r.section("news")
		}
		return fmt.Sprintf("%spage/%d/", r.section("news"), n)
	}
	var jobs []func() error
	for n := 1; n <= total; n++ {
		list := &NewsList{Items: news[min((n-1)*per, len(news)):min(n*per, len(news))], Number: n, Total: total}
		if n > 1 {
			list.Prev = pathOf(n - 1)
		}
		if n < total {
			list.Next = pathOf(n + 1)
		}
		title := r.loc.T("news")
		if n > 1 {
			title = fmt.Sprintf("%s – %s %d %s %d", title, r.loc.T("page"), n, r.loc.T("pageOf"), total)
		}
		crumbs := []Link{{Title: r.loc.T("home")}}
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindNewsList, Title: title, Path: pathOf(n), List: list, Crumbs: crumbs}, "", "", "")
		})
	}
	return jobs
}

// parallel runs jobs on every core. It returns every problem they met as
// a diag.List, or else the first other error.
func parallel(jobs []func() error) error {
	const workers = 8
	ch := make(chan func() error)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				errs <- j()
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	close(errs)
	var problems diag.List
	var other []error
	for err := range errs {
		var p *diag.Error
		switch {
		case err == nil:
		case errors.As(err, &p):
			problems = append(problems, p)
		default:
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		sort.Slice(other, func(i, j int) bool { return other[i].Error() < other[j].Error() })
		return other[0]
	}
	problems.Sort()
	return problems.Err()
}

// pagePaths lists the paths of every HTML page, made or left to Later,
// for the sitemap.
func (r *renderer) pagePaths() []string {
	seen := map[string]bool{}
	add := func(p string) {
		if strings.HasSuffix(p, "index.html") {
			seen[strings.TrimSuffix(p, "index.html")] = true
		}
	}
	for p := range r.files {
		add(p)
	}
	for _, p := range r.lazy {
		add(p.file) // once made, the caller may have put it in Files too
	}
	if r.later != nil {
		for _, file := range r.itemFiles() {
			add(file)
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// itemFiles are the files of the pages of every action, indicator and
// news item.
func (r *renderer) itemFiles() []string {
	var out []string
	for _, a := range r.site.Actions {
		out = append(out, r.pathOf(a)+"index.html")
	}
	for _, ind := range r.site.Indicators {
		out = append(out, r.pathOf(ind)+"index.html")
	}
	for _, n := range r.site.News {
		out = append(out, r.pathOf(n)+"index.html")
	}
	return out
}

// axisColors is a style sheet with a class per axis (.axis-<slug>), so
// that pages carry no inline style and a strict Content-Security-Policy
// holds.
func (r *renderer) axisColors() []byte {
	var b strings.Builder
	for _, a := range r.site.Axes {
		fmt.Fprintf(&b, ".axis-%s { --axis: %s; }\n", a.Slug, a.Color)
	}
	return []byte(b.String())
}
