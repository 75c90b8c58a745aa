package content

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unique"

	"jalons/internal/config"
	"jalons/internal/diag"
	"jalons/internal/markdown"
	"jalons/internal/slug"
	"jalons/internal/tomlfile"
)

// Ignored reports whether a file or folder name is left out of a site:
// hidden files, editor backups and swap files. content/_index.md is the
// one name starting with "_" that counts.
func Ignored(name string) bool {
	if name == "_index.md" {
		return false
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// Kind is a kind of item of a site, one file each in its folder of
// content/.
type Kind string

// The kinds of item, in the order messages list them.
const (
	KindAxis      Kind = "axis"
	KindAction    Kind = "action"
	KindIndicator Kind = "indicator"
	KindNews      Kind = "news"
	KindPage      Kind = "page"
)

// Kinds lists every kind of item.
var Kinds = []Kind{KindAxis, KindAction, KindIndicator, KindNews, KindPage}

var folders = map[Kind][2]string{
	KindAxis: {"axes", ".md"}, KindAction: {"actions", ".md"}, KindIndicator: {"indicators", ".toml"},
	KindNews: {"news", ".md"}, KindPage: {"pages", ".md"},
}

// Folder is the folder of content/ that holds the kind's files: "axes".
func (k Kind) Folder() string { return folders[k][0] }

// Ext is the extension of the kind's files: ".md" or ".toml".
func (k Kind) Ext() string { return folders[k][1] }

// kindOf is the kind whose folder is dir, if any.
func kindOf(dir string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Folder() == dir {
			return k, true
		}
	}
	return "", false
}

type loader struct {
	fsys   fs.FS
	cache  *Cache // nil: read every file
	linked bool   // the file read was reached through a symbolic link
	errs   diag.List
	notes  diag.List // what was skipped, said without failing the build
	site   *Items
	// looked: reading the file looked at another one (an image or a
	// report of static/ that must exist), so that what it found may
	// change while the file does not, and the cache keeps none of it
	looked bool
}

// Load reads config's site from fsys, the site's folder: content/ and the
// list of files under static/. News drafts are kept only when drafts is
// true. It returns the items it could read, and every problem.
func Load(fsys fs.FS, cfg *config.Config, drafts bool) (*Items, diag.List) {
	return LoadCached(fsys, cfg, drafts, nil)
}

// LoadCached is Load with a cache of the files read by earlier loads.
func LoadCached(fsys fs.FS, cfg *config.Config, drafts bool, cache *Cache) (*Items, diag.List) {
	l := &loader{fsys: fsys, cache: cache, site: &Items{Config: cfg, Unread: map[Kind][]string{}}}
	l.walkContent(drafts)
	l.site.Static = l.listStatic()
	if cfg.Logo != "" {
		l.checkStatic(func() diag.Pos { return cfg.Doc.Pos("logo") }, "logo", cfg.Logo)
	}
	l.errs.Sort()
	l.notes.Sort()
	l.site.Notes = l.notes
	return l.site, l.errs
}

// walkContent finds the files of content/ (or takes what the cache's
// last walk found), then reads them.
func (l *loader) walkContent(drafts bool) {
	files := l.cache.found(l.fsys, drafts)
	if files == nil {
		files = (&loader{fsys: l.fsys}).find(drafts) // its problems kept apart, with the files
		l.cache.keepFound(files)
	}
	l.errs.Append(files.errs)
	l.notes.Append(files.notes)
	l.read(files, drafts)
}

// contentFiles are the files of content/ that a walk found, and what it
// had to say.
type contentFiles struct {
	files       []contentFile
	errs, notes diag.List
	drafts      bool
	seen        map[string]fs.FileMode // every path met, and its type
	linked      bool                   // one was reached through a link
	at          func() map[string]int  // the place of each file in files
}

type contentFile struct {
	path   string
	read   func(*loader)
	linked bool
}

// find walks content/; l holds nothing else.
func (l *loader) find(drafts bool) *contentFiles {
	out := &contentFiles{drafts: drafts, seen: map[string]fs.FileMode{}}
	var files []contentFile
	err := walk(l.fsys, "content", &l.notes, func(p string, d fs.DirEntry, err error) error {
		if d != nil {
			out.seen[p] = d.Type()
			out.linked = out.linked || isLinked(d)
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "content" {
				return fs.SkipDir // a site may start with no content at all
			}
			l.errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			return nil
		}
		if p == "content" {
			return nil
		}
		if Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(p, "content/")
		dir, name := path.Split(rel)
		dir = strings.TrimSuffix(dir, "/")
		if d.IsDir() {
			if _, ok := kindOf(rel); !ok {
				l.errs.Add(diag.Pos{File: p}, "unexpected folder: content/ holds the folders axes, actions, indicators, news and pages%s",
					diag.Suggest(rel, []string{"axes", "actions", "indicators", "news", "pages"}))
				return fs.SkipDir
			}
			return nil
		}
		if dir == "" {
			switch name {
			case "_index.md":
				files = append(files, contentFile{p, func(l *loader) { l.home(p) }, isLinked(d)})
			case "governance.md":
				files = append(files, contentFile{p, func(l *loader) { l.governance(p) }, isLinked(d)})
			default:
				l.errs.Add(diag.Pos{File: p}, "unexpected file: content/ holds _index.md, governance.md and the folders axes, actions, indicators, news and pages (free pages go in content/pages/)")
			}
			return nil
		}
		if name == "_index.md" {
			l.errs.Add(diag.Pos{File: p}, "unexpected file: _index.md belongs at the top of content/, where it introduces the home page")
			return nil
		}
		kind, _ := kindOf(dir)
		if path.Ext(name) != kind.Ext() {
			l.errs.Add(diag.Pos{File: p}, "unexpected file: content/%s/ holds only %s files", dir, kind.Ext())
			return nil
		}
		files = append(files, contentFile{path: p, linked: isLinked(d), read: func(l *loader) {
			var read bool
			switch kind {
			case KindAxis:
				read = l.axis(p)
			case KindAction:
				read = l.action(p)
			case KindIndicator:
				read = l.indicator(p)
			case KindNews:
				read = l.news(p, drafts)
			case KindPage:
				var pg *Page
				if pg, read = l.page(p); pg != nil {
					l.site.Pages = append(l.site.Pages, pg)
				}
			}
			if !read {
				if s := fileSlug(p); s != "" {
					l.site.Unread[kind] = append(l.site.Unread[kind], s)
				}
			}
		}})
		return nil
	})
	if err != nil {
		l.errs.Add(diag.Pos{File: "content"}, "cannot read: %v", err)
	}
	out.files, out.errs, out.notes = files, l.errs, l.notes
	out.at = sync.OnceValue(func() map[string]int {
		at := make(map[string]int, len(files))
		for i, f := range files {
			at[f.path] = i
		}
		return at
	})
	return out
}

// read reads files, several at a time (readers), each into its own part;
// the parts are joined in the order of the walk, so that the items come in
// the same order whatever the timing.
func (l *loader) read(w *contentFiles, drafts bool) {
	files := w.files
	parts := make([]*loader, len(files))
	key := readKey{drafts, l.site.Config.MaxFileSize}
	// In serve, the last read of the same walk gives every file's part
	// but those of the files told changed since, and of those whose
	// reading looked at another: only they are read again, and put in
	// place of their last part (see patch). Else what the cache holds is
	// taken here, and the other files go to the readers.
	last, told, forgot := l.cache.lastRead(w, key)
	var todo []int
	if last != nil {
		copy(parts, last.parts)
		todo = append(todo, last.looked...)
		at := w.at()
		for _, p := range told {
			if i, ok := at[p]; ok {
				todo = append(todo, i)
			}
		}
		slices.Sort(todo)
		todo = slices.Compact(todo)
	} else {
		for i, f := range files {
			if parts[i] = l.cache.read(f.path, f.linked, key); parts[i] == nil {
				todo = append(todo, i)
			}
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(readers, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				part := &loader{fsys: l.fsys, cache: l.cache, linked: f.linked,
					site: &Items{Config: l.site.Config, Unread: map[Kind][]string{}}}
				f.read(part)
				if !part.looked {
					l.cache.keepRead(f.path, key, part)
				}
				parts[i] = part
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	r := last.patch(parts, todo)
	if r == nil {
		r = joinParts(parts)
	}
	r.walk, r.key = w, key
	l.cache.keepLastRead(r, forgot)
	l.errs.Append(r.errs)
	l.notes.Append(r.notes)
	s, j := l.site, r.joined
	s.Home, s.Governance, s.Unread = j.Home, j.Governance, j.Unread
	s.Axes, s.Actions, s.Indicators, s.News, s.Pages = j.Axes, j.Actions, j.Indicators, j.News, j.Pages
}

// readParts is what reading the files of a walk gave: each file's part,
// and them joined.
type readParts struct {
	walk        *contentFiles
	key         readKey
	parts       []*loader // by file
	joined      *Items    // their items: Home, Governance, the five lists, Unread
	errs, notes diag.List
	at          [][5]int32 // where each part's items start in the five lists
	looked      []int      // the files whose reading looked at another
}

// joinParts joins the parts of every file, in order.
func joinParts(parts []*loader) *readParts {
	j := &loader{site: &Items{Unread: map[Kind][]string{}}}
	r := &readParts{parts: parts, joined: j.site, at: make([][5]int32, len(parts))}
	for i, part := range parts {
		s := j.site
		r.at[i] = [5]int32{int32(len(s.Axes)), int32(len(s.Actions)), int32(len(s.Indicators)), int32(len(s.News)), int32(len(s.Pages))}
		if part.looked {
			r.looked = append(r.looked, i)
		}
		j.join(part)
	}
	r.errs, r.notes = j.errs, j.notes
	return r
}

// patch is r with the parts of the files todo read again: their items in
// place of the last ones, when each part has the same number of items of
// each kind as its last, and no problem, note or unread file before or
// after; else nil, for a whole join. A nil r patches nothing.
func (r *readParts) patch(parts []*loader, todo []int) *readParts {
	if r == nil {
		return nil
	}
	type shape struct {
		n          [5]int
		home, gov  bool
		reportable bool
	}
	shapeOf := func(p *loader) shape {
		s := p.site
		return shape{[5]int{len(s.Axes), len(s.Actions), len(s.Indicators), len(s.News), len(s.Pages)},
			s.Home != nil, s.Governance != nil, len(p.errs)+len(p.notes)+len(s.Unread) > 0}
	}
	j := *r.joined
	j.Axes, j.Actions, j.Indicators = slices.Clone(j.Axes), slices.Clone(j.Actions), slices.Clone(j.Indicators)
	j.News, j.Pages = slices.Clone(j.News), slices.Clone(j.Pages)
	for _, i := range todo {
		was, is := shapeOf(r.parts[i]), shapeOf(parts[i])
		if was != is || is.reportable {
			return nil
		}
		s, at := parts[i].site, r.at[i]
		copy(j.Axes[at[0]:], s.Axes)
		copy(j.Actions[at[1]:], s.Actions)
		copy(j.Indicators[at[2]:], s.Indicators)
		copy(j.News[at[3]:], s.News)
		copy(j.Pages[at[4]:], s.Pages)
		if is.home {
			j.Home = s.Home
		}
		if is.gov {
			j.Governance = s.Governance
		}
	}
	out := *r
	out.parts, out.joined = parts, &j
	// A file read again may look at another now, or no longer.
	out.looked = slices.DeleteFunc(slices.Clone(r.looked), func(i int) bool { _, again := slices.BinarySearch(todo, i); return again })
	for _, i := range todo {
		if parts[i].looked {
			out.looked = append(out.looked, i)
		}
	}
	slices.Sort(out.looked)
	return &out
}

func isLinked(d fs.DirEntry) bool {
	_, ok := d.(linkedEntry)
	return ok
}

// readers is how many files of content/ are read at once.
const readers = 8

// join adds what a part of the reading found.
func (l *loader) join(part *loader) {
	l.errs.Append(part.errs)
	l.notes.Append(part.notes)
	s, p := l.site, part.site
	if p.Home != nil {
		s.Home = p.Home
	}
	if p.Governance != nil {
		s.Governance = p.Governance
	}
	s.Axes = append(s.Axes, p.Axes...)
	s.Actions = append(s.Actions, p.Actions...)
	s.Indicators = append(s.Indicators, p.Indicators...)
	s.News = append(s.News, p.News...)
	s.Pages = append(s.Pages, p.Pages...)
	if len(p.Unread) > 0 {
		for k, slugs := range p.Unread {
			s.Unread[k] = append(s.Unread[k], slugs...)
		}
	}
}

// markdown reads a Markdown file: its front matter into v, and its body.
func (l *loader) markdown(file string, v any) (Source, bool) {
	return l.decode(file, true, v)
}

// decode reads file into v: the front matter of a Markdown file (front),
// or a whole TOML file. With a cache, an unchanged file is not read again.
func (l *loader) decode(file string, front bool, v any) (Source, bool) {
	src, ok, hit, stamp := l.cache.decoded(l.fsys, file, l.linked, v, &l.errs)
	if hit {
		return src, ok
	}
	var errs diag.List
	maxMB := l.site.Config.MaxFileSize
	src, ok = decodeText(l.fsys, file, front, maxMB, v, &errs)
	l.errs.Append(errs)
	tooBig := stamp != nil && stamp.Size() > int64(maxMB)<<20 // maxFileSize may change
	if !tooBig {
		l.cache.keep(stamp, file, v, src, ok, errs)
	}
	return src, ok
}

func decodeText(fsys fs.FS, file string, front bool, maxMB int, v any, errs *diag.List) (Source, bool) {
	data, rerrs := tomlfile.Read(fsys, file, maxMB, maxFileSizeHint)
	if rerrs != nil {
		errs.Append(rerrs)
		return Source{}, false
	}
	text, terrs := tomlfile.Text(file, data)
	if terrs != nil {
		errs.Append(terrs)
		return Source{}, false
	}
	toml, line0, body, bodyLine0 := text, 0, "", 0
	if front {
		var ferrs diag.List
		toml, line0, body, bodyLine0, ferrs = tomlfile.SplitFront(file, text)
		if ferrs != nil {
			errs.Append(ferrs)
			return Source{}, false
		}
		if merrs := markdown.Check(file, body, bodyLine0); merrs != nil {
			errs.Append(merrs)
			return Source{}, false
		}
	}
	doc, derrs := tomlfile.Decode(file, toml, line0, v)
	errs.Append(derrs)
	checkImages(errs, body, func(img markdown.Image) diag.Pos {
		return diag.Pos{File: file, Line: bodyLine0 + img.Line, Col: img.Col}
	})
	return Source{File: file, Doc: doc, Body: body, BodyLine0: bodyLine0, Hash: hash(file, text)}, doc != nil
}

// checkImages reports the images of the Markdown text md that a page
// would load from another host (section 9: pages load nothing from another
// host), each at the place at gives it.
func checkImages(errs *diag.List, md string, at func(markdown.Image) diag.Pos) {
	for _, img := range markdown.ForeignImages(md) {
		errs.Add(at(img), "image %q is not a file of the site: pages load nothing from another host (put the image in static/ and write ![…](/images/photo.jpg))", img.Dest)
	}
}

var maxFileSizeHint = diag.Errorf(" (split it, or raise maxFileSize, in megabytes, in config.toml)")

// slugOf returns an item's slug, from its front matter or its file name.
// Two items of a kind with the same slug are package site's to report.
func (l *loader) slugOf(src Source, key string) string {
	if key != "" {
		if !slug.Valid(key) {
			l.errs.Add(src.Doc.Pos("slug"), "slug %q must be lowercase letters, digits and hyphens, like %q", key, slug.Make(key))
			return ""
		}
		return key
	}
	s := fileSlug(src.File)
	if s == "" {
		l.errs.Add(diag.Pos{File: src.File}, "the file name gives no slug: name it with letters or digits, like mon-action%s", path.Ext(src.File))
	}
	return s
}

// fileSlug is the slug a file's name gives.
func fileSlug(file string) string {
	base := path.Base(file)
	return slug.Make(strings.TrimSuffix(base, path.Ext(base)))
}

func (l *loader) page(file string) (*Page, bool) {
	pg := &Page{}
	src, ok := l.markdown(file, pg)
	if !ok {
		return nil, false
	}
	pg.Src = src
	l.required(src, pg.Title, "title")
	pg.Slug = l.slugOf(src, pg.SlugKey)
	pg.TitleKey = slug.Make(pg.Title)
	return pg, true
}

// home reads content/_index.md, whose keys are a page's, none required:
// the home page's title is the site's.
func (l *loader) home(file string) {
	var front struct {
		Title   string `toml:"title"`
		Summary string `toml:"summary"`
	}
	if src, ok := l.markdown(file, &front); ok {
		l.site.Home = &Page{Title: front.Title, Summary: front.Summary, Src: src}
	}
}

func (l *loader) axis(file string) bool {
	a := &Axis{}
	src, ok := l.markdown(file, a)
	if !ok {
		return false
	}
	a.Src = src
	a.Slug = l.slugOf(src, a.SlugKey)
	l.required(src, a.Title, "title")
	if a.Color != "" && !isHexColor(a.Color) {
		l.errs.Add(src.Doc.Pos("color"), "color %q must be a hex colour like \"#b34e00\"", a.Color)
	}
	l.site.Axes = append(l.site.Axes, a)
	return true
}

func (l *loader) action(file string) bool {
	a := &Action{}
	src, ok := l.markdown(file, a)
	if !ok {
		return false
	}
	a.Src = src
	a.Slug = l.slugOf(src, a.SlugKey)
	a.TitleKey = slug.Make(a.Title)
	a.Territories, a.TerritorySlugs = names(a.Territories)
	a.Audience, a.AudienceSlugs = names(a.Audience)
	l.required(src, a.Title, "title")
	pos := src.Doc.Pos
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
		l.errs.Add(pos("end"), "end %s is before start %s (end must be on or after start)", a.End, a.Start)
	}
	if a.Manual != nil && (*a.Manual < 0 || *a.Manual > 100) {
		l.errs.Add(pos("progress"), "progress %v is outside 0..100 (a percentage: 0 for nothing done, 100 for all done)", *a.Manual)
	}
	if a.Weight != nil && *a.Weight <= 0 {
		l.errs.Add(pos("weight"), "weight %v must be more than 0 (1 is the default; 2 counts the action twice)", *a.Weight)
	}
	for _, k := range []struct {
		key string
		v   *float64
	}{{"budget", a.Budget}, {"spent", a.Spent}} {
		if k.v != nil && *k.v < 0 {
			l.errs.Add(pos(k.key), "%s %v must not be negative", k.key, *k.v)
		}
	}
	l.milestones(src, a.Milestones)
	l.site.Actions = append(l.site.Actions, a)
	return true
}

// intern is the one copy of s's text: texts that many items repeat
// compare at a glance, as their pointers, when they are the same.
func intern(s string) string { return unique.Make(s).Value() }

// names gives a list of names (territories, publics) interned, and their
// slugs as handles: the site's groups are found by handle, which hashes
// and compares as a pointer, and named by names that compare at a glance.
func names(list []string) ([]string, []unique.Handle[string]) {
	slugs := make([]unique.Handle[string], len(list))
	for i, n := range list {
		list[i] = intern(n)
		slugs[i] = unique.Make(slug.Make(n))
	}
	return list, slugs
}

func (l *loader) indicator(file string) bool {
	ind := &Indicator{}
	src, ok := l.decode(file, false, ind)
	if !ok {
		return false
	}
	ind.Src = src
	doc := src.Doc
	ind.Slug = l.slugOf(ind.Src, ind.SlugKey)
	ind.TitleKey = slug.Make(ind.Title)
	checkImages(&l.errs, ind.Description, func(markdown.Image) diag.Pos { return doc.Pos("description") })
	l.required(ind.Src, ind.Title, "title")
	if errs := markdown.Check(file, ind.Description, 0); errs != nil {
		// The description is Markdown; its line is looked for only now:
		// the keys' places are found when first asked for.
		l.errs.Append(markdown.Check(file, ind.Description, doc.Pos("description").Line-1))
	}
	if ind.Direction == "" {
		ind.Direction = Increase
	}
	where := make(map[Date]int, len(ind.Values))
	for i, v := range ind.Values {
		if j, dup := where[v.Date]; dup && !v.Date.IsZero() {
			l.errs.Add(doc.Pos("values", itoa(i), "date"), "two values on %s (the other one is at line %d): keep one value per date",
				v.Date, doc.Pos("values", itoa(j), "date").Line)
		}
		where[v.Date] = i
	}
	if ind.MaskBelow != nil && *ind.MaskBelow <= 0 {
		l.errs.Add(doc.Pos("maskBelow"), "maskBelow %v must be more than 0 (values below it are published as \"fewer than …\"; 5 is usual)", *ind.MaskBelow)
	}
	l.site.Indicators = append(l.site.Indicators, ind)
	return true
}

// milestones checks an action's milestones: a note is one line, and no
// two milestones have the same date and title.
func (l *loader) milestones(src Source, ms []Milestone) {
	type key struct {
		date  Date
		title string
	}
	first := make(map[key]int, len(ms))
	for i, m := range ms {
		ms[i].Title = intern(m.Title) // the site's milestones are sorted by title too
		if strings.ContainsAny(m.Note, "\r\n") {
			l.errs.Add(src.Doc.Pos("milestones", itoa(i), "note"), "note must be one line (write it without line breaks; the action's text can say more)")
		}
		l.required(src, m.Title, "milestones", itoa(i), "title")
		if m.Date.IsZero() || strings.TrimSpace(m.Title) == "" {
			continue // missing or empty key: reported already
		}
		k := key{m.Date, m.Title}
		if j, dup := first[k]; dup {
			l.errs.Add(src.Doc.Pos("milestones", itoa(i), "title"), "two milestones on %s titled %q, at lines %d and %d (keep one)",
				m.Date, m.Title, src.Doc.Pos("milestones", itoa(j), "title").Line, src.Doc.Pos("milestones", itoa(i), "title").Line)
			continue
		}
		first[k] = i
	}
}

func (l *loader) news(file string, drafts bool) bool {
	n := &News{}
	src, ok := l.markdown(file, n)
	if !ok {
		return false
	}
	n.Src = src
	n.Slug = l.slugOf(src, n.SlugKey)
	l.required(src, n.Title, "title")
	if n.Image != "" {
		l.checkStatic(func() diag.Pos { return src.Doc.Pos("image") }, "image", n.Image)
		if strings.TrimSpace(n.ImageAlt) == "" {
			l.errs.Add(src.Doc.Pos("image"), "image needs imageAlt, a text that says what the image shows for people who cannot see it (imageAlt = \"…\")")
		}
	}
	if n.Draft && !drafts {
		return true
	}
	l.site.News = append(l.site.News, n)
	return true
}

func (l *loader) governance(file string) {
	g := &Governance{}
	src, ok := l.markdown(file, g)
	if !ok {
		return
	}
	g.Src = src
	for i, m := range g.Meetings {
		if m.Report != "" {
			l.checkStatic(func() diag.Pos { return src.Doc.Pos("meetings", itoa(i), "report") }, "report", m.Report)
		}
	}
	for i, s := range g.Structures {
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			l.errs.Add(src.Doc.Pos("structures", itoa(i), "url"), "url %q must be a full address starting with https://", s.URL)
		}
	}
	l.site.Governance = g
}

// required reports a required text key that is present but blank.
func (l *loader) required(src Source, value string, key ...string) {
	if strings.TrimSpace(value) == "" && src.Doc.Has(key...) {
		l.errs.Add(src.Doc.Pos(key...), "%s must not be empty", key[len(key)-1])
	}
}

// checkStatic checks that p names a regular file under static/; a
// problem is at the place at gives.
func (l *loader) checkStatic(at func() diag.Pos, key, p string) {
	clean := path.Clean(p)
	if path.IsAbs(p) || strings.Contains(p, "\\") || clean == ".." || strings.HasPrefix(clean, "../") {
		l.errs.Add(at(), "%s %q must be a path inside static/, like \"images/photo.jpg\"", key, p)
		return
	}
	if rest, ok := strings.CutPrefix(clean, "static/"); ok {
		l.errs.Add(at(), "%s %q: paths start inside static/, without \"static/\" (write %s = %q)", key, p, key, rest)
		return
	}
	l.looked = true
	st, err := fs.Stat(l.fsys, path.Join("static", clean))
	switch {
	case err == nil && st.IsDir():
		l.errs.Add(at(), "%s %q is a folder, not a file (name a file in it, like \"%s\")", key, p, path.Join(clean, "photo.jpg"))
	case err != nil || !st.Mode().IsRegular():
		l.errs.Add(at(), "%s %q: no such file under static/ (put the file in static/%s)", key, p, clean)
	}
}

func (l *loader) listStatic() []string {
	var files []string
	walk(l.fsys, "static", &l.notes, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "static" {
				l.errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			}
			return nil
		}
		if p != "static" && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, strings.TrimPrefix(p, "static/"))
		}
		return nil
	})
	return files
}

func itoa(i int) string { return strconv.Itoa(i) }

// hash sums up a file's name and text; the seed is this process's, as
// the sums are kept in memory alone.
func hash(file, text string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(file)
	h.WriteByte(0)
	h.WriteString(text)
	return h.Sum64()
}

var seed = maphash.MakeSeed()

func isHexColor(s string) bool {
	if len(s) != 7 && len(s) != 4 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
