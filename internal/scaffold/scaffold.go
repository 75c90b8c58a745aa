// Package scaffold writes the files a site starts from: a whole starter
// site (jalons init DIR) and one new item at a time (jalons new KIND
// "Title").
//
// # New
//
// New(dir, kind, title, today) writes one file under the site folder dir,
// named after the slug of the title (slug.Make: "Épicerie sociale" →
// epicerie-sociale):
//
//	axis       content/axes/<slug>.md
//	action     content/actions/<slug>.md
//	indicator  content/indicators/<slug>.toml
//	news       content/news/<slug>.md
//	page       content/pages/<slug>.md
//
// The file holds every key the content format (docs/content-format.md)
// gives its kind. Required keys are set: title from the argument, an
// action's axis to the slug of the site's first axis (by order, then
// title) or, when the site has no axis yet, to a placeholder the writer
// must replace, an action's status to "planned", a news item's date to
// today. An axis's order is set too, one after the site's last axis, so
// that the new axis comes last rather than first. Optional keys follow,
// commented out, each with an example value and a one-line explanation.
// The file ends with a short body to replace (for an action: Objectifs,
// Moyens, Résultats). Comments and body are in the site's language, read
// from config.toml: French for "fr", English for "en". Except for an
// action in a site with no axis, the new file builds as it is, and so
// does every optional key once uncommented.
//
// New refuses, writing nothing: a folder without config.toml or with one
// that cannot be read; an unknown kind (with a "did you mean" hint); a
// blank title, or one with no letter or digit to make a slug; a page slug
// that a section of the site uses; a file that exists already, or another
// item of the same kind with the same slug. It creates the folder of the
// kind when it is missing.
//
// # Init
//
// Init(dir) makes a small working site in dir, which must be new or empty:
// config.toml, a home page introduction, two axes, three actions (planned,
// in progress, done), an indicator with two values and a target, a news
// item, content/governance.md (a steering committee with two members, a
// structure and a meeting), and two free pages: an accessibility
// statement following RGAA 4.1 (not compliant until an audit is made) and
// a legal notice. Its text is in French, plausible and short, and says
// everywhere that it is there to be replaced. The starter files are the
// folder starter/ of this package, embedded in the binary.
//
// Errors read like the build's: what is wrong, then what would be right,
// in parentheses or after a colon. Paths in them are dir joined with the
// file's path in the site; dir "." is named "the current folder". A
// config.toml that cannot be read comes back as the diag.List of
// config.Load, whose paths are relative to dir.
package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/site"
	"jalons/internal/slug"
	"jalons/internal/tomlfile"
)

// Kinds names what New can make, in the order usage messages show them.
var Kinds = func() []string {
	names := make([]string, len(content.Kinds))
	for i, k := range content.Kinds {
		names[i] = string(k)
	}
	return names
}()

// examples are titles shown in messages, one for each kind.
var examples = map[content.Kind]string{
	content.KindAxis:      "Réduire les précarités",
	content.KindAction:    "Épicerie sociale",
	content.KindIndicator: "Familles aidées",
	content.KindNews:      "Réunion des partenaires",
	content.KindPage:      "Mentions légales",
}

// New writes a new item of kind ("axis", "action", "indicator", "news" or
// "page") titled title into the site folder dir, and returns the path of
// the file it wrote (dir joined with content/<folder>/<slug>.<ext>).
// today is the date of a news item. New never overwrites a file.
func New(dir, name, title string, today time.Time) (string, error) {
	if !slices.Contains(Kinds, name) {
		return "", diag.Errorf("unknown kind %q%s; use one of %s", name, diag.Suggest(name, Kinds), strings.Join(Kinds, ", "))
	}
	kind := content.Kind(name)
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return "", diag.Errorf("the title is empty: give one in quotes, like jalons new %s %q", kind, examples[kind])
	}
	s := slug.Make(title)
	if s == "" {
		return "", diag.Errorf("the title %q gives no file name: use letters or digits (accents are fine), like jalons new %s %q", title, kind, examples[kind])
	}
	if kind == content.KindPage {
		for _, r := range site.Reserved {
			if s == r {
				return "", diag.Errorf("the page slug %q is taken by a section of the site (choose another title)", s)
			}
		}
	}

	fsys := os.DirFS(dir)
	cfg, errs := config.Load(fsys)
	if cfg == nil {
		if _, err := fs.Stat(fsys, config.File); errors.Is(err, fs.ErrNotExist) {
			return "", diag.Errorf("no config.toml in %s: jalons new works in a site's folder (give it with -source DIR, or make a site with jalons init DIR)", folderName(dir))
		}
		return "", errs.Err() // the file is there but cannot be read: show why
	}
	// Other problems of config.toml are the build's to report: New only
	// needs the language, which defaults to French.

	rel := path.Join("content", kind.Folder(), s+kind.Ext())
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Lstat(file); err == nil {
		return "", diag.Errorf("%s already exists (edit it, or choose another title)", file)
	}
	for _, it := range scan(fsys, kind) {
		if it.slug == s {
			return "", diag.Errorf("%s already has the slug %q (edit it, or choose another title)",
				filepath.Join(dir, filepath.FromSlash(it.file)), s)
		}
	}

	v := vars{
		lang:      cfg.Language,
		title:     title,
		slug:      s,
		today:     tomlfile.Date{Year: today.Year(), Month: today.Month(), Day: today.Day()},
		territory: cfg.Territory,
	}
	if axes := scan(fsys, content.KindAxis); len(axes) > 0 {
		v.axis = axes[0].slug
		for _, a := range axes {
			v.maxOrder = max(v.maxOrder, a.order)
		}
	}
	if actions := scan(fsys, content.KindAction); len(actions) > 0 {
		v.action = actions[0].slug
	}
	text := newFile(kind, v)

	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", diag.Errorf("%s already exists (edit it, or choose another title)", file)
	} else if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(file)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(file)
		return "", err
	}
	return file, nil
}

// item is an existing item of a folder of content/, read just enough to
// name it and place it.
type item struct {
	file  string // path in the site
	slug  string
	title string
	order int
}

// scan reads the items of a kind in the site, ordered like the site orders
// axes: by order, then title (accents folded), then slug. A file whose
// keys cannot be read counts by its file name: the build reports its
// problems, not New.
func scan(fsys fs.FS, kind content.Kind) []item {
	dir := path.Join("content", kind.Folder())
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var items []item
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || content.Ignored(name) || path.Ext(name) != kind.Ext() {
			continue
		}
		file := path.Join(dir, name)
		it := item{file: file, slug: slug.Make(strings.TrimSuffix(name, path.Ext(name)))}
		var front struct {
			Title string `toml:"title"`
			Order int    `toml:"order"`
			Slug  string `toml:"slug"`
		}
		if data, err := fs.ReadFile(fsys, file); err == nil {
			if text, errs := tomlfile.Text(file, data); errs == nil {
				line0 := 0
				if path.Ext(name) == ".md" {
					text, line0, _, _, errs = tomlfile.SplitFront(file, text)
				}
				if errs == nil {
					tomlfile.Decode(file, text, line0, &front)
				}
			}
		}
		if slug.Valid(front.Slug) {
			it.slug = front.Slug
		}
		it.title, it.order = front.Title, front.Order
		if it.slug != "" {
			items = append(items, it)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if ka, kb := slug.Make(a.title), slug.Make(b.title); ka != kb {
			return ka < kb
		}
		return a.slug < b.slug
	})
	return items
}

// folderName names dir in a message: "the current folder" for ".".
func folderName(dir string) *diag.Msg {
	if filepath.Clean(dir) == "." {
		return diag.Errorf("the current folder")
	}
	return diag.Errorf("%s", dir)
}
