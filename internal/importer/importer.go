// Package importer brings into a site the plan of actions kept in a
// spreadsheet: jalons import actions FILE.
//
// The spreadsheet is a .csv file (comma- or semicolon-separated, as the
// header line shows; UTF-8 with or without a byte order mark, or
// Windows-1252 as French Excel saves it) or an .xlsx workbook (its first
// sheet). Its first non-empty row names the columns, in French or English,
// case and accents aside: titre/title, axe/axis, statut/status,
// début/start, fin/end, pilote/porteur/lead, partenaires/partners,
// publics/audience, territoires/territories, budget, dépensé/spent,
// avancement/progress, résumé/summary, poids/weight, and slug and url, so
// that the site's own data/actions.csv imports back (url and late, derived
// by the site, are left aside).
// Every other row is an action; empty rows are skipped.
//
// Each action becomes content/actions/<slug>.md, written as jalons new
// action writes it (see scaffold.ActionText), its slug from the slug column
// or else from the title. The axis cell names an axis by its slug or its
// title; an axis the site does not have is written too, as
// content/axes/<slug>.md. A cell is read as a writer types it: a status as
// its code, its French alias or its label ("En cours", "Réalisée",
// "In progress"), empty meaning planned; lists split on ";" (as
// actions.csv writes them) or else ","; numbers with a decimal comma or
// dot, spaces or no-break spaces between thousands and a trailing € or %;
// dates as 2024-03-12, 12/03/2024 or 12.03.2024, or an Excel date. The
// single quote that actions.csv puts before a text starting with =, +, -
// or @ is taken off.
//
// Nothing is written when the spreadsheet has a problem: every problem is
// reported at once as FILE:row:column: message, row and column counted
// from 1 as a spreadsheet shows them. An existing file is never
// overwritten. Once the files are written, the site is checked as a build
// checks it, and its problems are reported.
package importer

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"jalons/internal/build"
	"jalons/internal/config"
	"jalons/internal/diag"
	"jalons/internal/scaffold"
	"jalons/internal/slug"
)

// Actions imports the actions of the spreadsheet file into the site
// folder dir, then checks the site. It returns the files it wrote (dir
// joined with their path in the site). Problems come back as a
// diag.List: the spreadsheet's, and then nothing is written, or the
// site's once the files are written.
func Actions(ctx context.Context, dir, file string, today time.Time) ([]string, error) {
	fsys := os.DirFS(dir)
	cfg, errs := config.Load(fsys)
	if cfg == nil {
		return nil, errs.Err()
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, diag.List{diag.At(diag.Pos{File: file}, "cannot read: %v", err)}
	}
	rows, errs := read(file, data)
	if errs != nil {
		return nil, errs
	}
	im := &importer{file: file, fsys: fsys, cfg: cfg, today: today, slugs: map[string]int{}}
	im.axes = scaffold.Items(fsys, "axis")
	for _, it := range im.axes {
		im.order = max(im.order, it.Order)
	}
	im.existing = scaffold.Items(fsys, "action")
	im.rows(rows)
	if im.errs != nil {
		im.errs.Sort()
		return nil, im.errs
	}
	written, err := write(dir, im.files)
	if err != nil {
		return nil, err
	}
	if _, err := build.Render(ctx, build.Options{Source: dir}); err != nil {
		return written, err
	}
	return written, nil
}

// cell is a cell of the spreadsheet: its text as shown and, for a
// workbook, its raw value (a date's serial number, a percentage's
// fraction).
type cell struct{ text, raw string }

// file is a file to write: its path in the site and its text.
type file struct{ path, text string }

type importer struct {
	file     string
	fsys     fs.FS
	cfg      *config.Config
	today    time.Time
	axes     []scaffold.Item // the site's, then the new ones
	order    int             // highest order of the axes
	existing []scaffold.Item // the site's actions
	slugs    map[string]int  // slug → row that gives it
	files    []file
	errs     diag.List
}

// at is the place of a cell.
func (im *importer) at(row, col int) diag.Pos {
	return diag.Pos{File: im.file, Line: row, Col: col}
}

// rows reads the header row and every action after it.
func (im *importer) rows(rows [][]cell) {
	first := 0
	for first < len(rows) && blank(rows[first]) {
		first++
	}
	if first == len(rows) {
		im.errs.Add(im.at(1, 1), "the spreadsheet is empty: its first row names the columns, like titre, axe, statut, then one action a row")
		return
	}
	head := rows[first]
	cols := im.header(first+1, head)
	if cols == nil {
		return
	}
	for i := first + 1; i < len(rows); i++ {
		if blank(rows[i]) {
			continue
		}
		for j, c := range rows[i] {
			if strings.TrimSpace(c.text) != "" && (j >= len(head) || text(head[j].text) == "") {
				im.errs.Add(im.at(i+1, j+1), "this cell is in a column without a name (name the column in the header row, or empty the cell)")
			}
		}
		im.action(i+1, rows[i], cols)
	}
}

func blank(row []cell) bool {
	for _, c := range row {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// column is a column of the spreadsheet that the header row names.
type column struct {
	key  string // the key of the content format, or "url"
	name string // as the header writes it
	col  int    // from 1
}

// names maps a column name, in lower case without accents and with
// hyphens between words (slug.Make), to its key.
var names = map[string]string{
	"titre": "title", "title": "title", "intitule": "title",
	"axe": "axis", "axis": "axis", "thematique": "axis",
	"statut": "status", "status": "status", "etat": "status",
	"debut": "start", "start": "start", "date-de-debut": "start",
	"fin": "end", "end": "end", "date-de-fin": "end",
	"pilote": "lead", "porteur": "lead", "lead": "lead",
	"partenaires": "partners", "partners": "partners",
	"publics": "audience", "public": "audience", "audience": "audience",
	"territoires": "territories", "territoire": "territories", "territories": "territories",
	"budget":  "budget",
	"depense": "spent", "depenses": "spent", "spent": "spent",
	"avancement": "progress", "progress": "progress",
	"resume": "summary", "summary": "summary",
	"poids": "weight", "weight": "weight",
	"slug": "slug", "url": "url", "late": "late", "en-retard": "late",
}

// known are the column names a hint may suggest.
var known = []string{"titre", "title", "axe", "axis", "statut", "status", "début", "start", "fin", "end",
	"pilote", "porteur", "lead", "partenaires", "partners", "publics", "audience", "territoires", "territories",
	"budget", "dépensé", "spent", "avancement", "progress", "résumé", "summary", "poids", "weight", "slug", "url", "en retard", "late"}

// header reads the header row, at row: the columns it names, by key. A
// column whose name is unknown is reported and left aside. It returns nil
// when a column the import needs is missing.
func (im *importer) header(row int, cells []cell) map[string]column {
	cols := map[string]column{}
	for i, c := range cells {
		name := text(c.text)
		if name == "" {
			continue // a column without a name must stay empty: see action
		}
		key, ok := names[slug.Make(name)]
		if !ok {
			hint := diag.Suggest(name, known)
			if hint == nil {
				hint = diag.Errorf(" (known columns: %s)", strings.Join(known, ", "))
			}
			im.errs.Add(im.at(row, i+1), "unknown column %q%s", name, hint)
			continue
		}
		if other, dup := cols[key]; dup {
			im.errs.Add(im.at(row, i+1), "column %q says the same as column %d, %q (keep one of them)", name, other.col, other.name)
			continue
		}
		cols[key] = column{key: key, name: name, col: i + 1}
	}
	missing := false
	for _, need := range [][3]string{{"title", "titre", "title"}, {"axis", "axe", "axis"}} {
		if _, ok := cols[need[0]]; !ok {
			im.errs.Add(im.at(row, 1), "the header row has no %s column (add a column named %s or %s)", need[0], need[1], need[2])
			missing = true
		}
	}
	if missing {
		return nil
	}
	return cols
}

// action reads the action of row.
func (im *importer) action(row int, cells []cell, cols map[string]column) {
	get := func(key string) (cell, column, bool) {
		c, ok := cols[key]
		if !ok || c.col > len(cells) {
			return cell{}, c, false
		}
		v := cells[c.col-1]
		v.text = unneutral(strings.TrimSpace(v.text))
		return v, c, v.text != ""
	}
	set := map[string]any{}
	before := len(im.errs)

	title, tc, ok := get("title")
	if !ok {
		im.errs.Add(im.at(row, tc.col), "no title: every action needs one (write it in this cell, or delete the row)")
	} else {
		set["title"] = text(title.text)
	}
	s := ""
	if c, sc, ok := get("slug"); ok {
		if !slug.Valid(c.text) {
			im.errs.Add(im.at(row, sc.col), "slug %q must be lowercase letters, digits and hyphens, like %q", c.text, slug.Make(c.text))
		} else {
			s = c.text
		}
	} else if set["title"] != nil {
		if s = slug.Make(title.text); s == "" {
			im.errs.Add(im.at(row, tc.col), "%s %q gives no file name (write letters or digits)", tc.name, title.text)
		}
	}

	if c, ac, ok := get("axis"); !ok {
		im.errs.Add(im.at(row, ac.col), "no axis: every action needs one (write the slug or the title of an axis)")
	} else if a := im.axis(row, ac, text(c.text)); a != "" {
		set["axis"] = a
	}

	set["status"] = "planned"
	if c, sc, ok := get("status"); ok {
		if code, ok := status(c.text); ok {
			set["status"] = code
		} else {
			all := statusNames()
			im.errs.Add(im.at(row, sc.col), "unknown status %q%s; use one of %s", c.text, diag.Suggest(c.text, all), strings.Join(all, ", "))
		}
	}
	for _, key := range []string{"start", "end"} {
		if c, dc, ok := get(key); ok {
			if d, ok := date(c); ok {
				set[key] = d
			} else {
				im.errs.Add(im.at(row, dc.col), "%s: %q is not a date (write it like 12/03/2024 or 2024-03-12)", dc.name, c.text)
			}
		}
	}
	for _, key := range []string{"lead", "summary"} {
		if c, _, ok := get(key); ok {
			set[key] = text(c.text)
		}
	}
	for _, key := range []string{"partners", "audience", "territories"} {
		if c, _, ok := get(key); ok {
			if l := split(c.text); len(l) > 0 {
				set[key] = l
			}
		}
	}
	for _, key := range []string{"budget", "spent", "progress", "weight"} {
		if c, nc, ok := get(key); ok {
			if n, ok := number(c, key == "progress"); ok {
				set[key] = n
			} else {
				im.errs.Add(im.at(row, nc.col), "%s: %q is not a number (write digits, like 45000, 45 000 or 1 500,50 €)", nc.name, c.text)
			}
		}
	}
	if len(im.errs) > before || s == "" {
		return
	}
	col := tc.col
	if sc, ok := cols["slug"]; ok {
		col = sc.col
	}
	if other, dup := im.slugs[s]; dup {
		im.errs.Add(im.at(row, col), "row %d gives the slug %q already (change one of the titles, or fill a slug column)", other, s)
		return
	}
	im.slugs[s] = row
	p := path.Join("content", "actions", s+".md")
	if _, err := fs.Stat(im.fsys, p); err == nil {
		im.errs.Add(im.at(row, col), "%s already exists: the import never replaces a file (delete the row, or give it another slug)", p)
		return
	}
	for _, it := range im.existing {
		if it.Slug == s {
			im.errs.Add(im.at(row, col), "%s already has the slug %q: the import never replaces an action (delete the row, or give it another slug)", it.File, s)
			return
		}
	}
	im.files = append(im.files, file{p, scaffold.ActionText(im.cfg, im.today, s, set)})
}

// axis returns the slug of the axis that the cell v names by slug or
// title, adding a new axis when the site has none such, or "" after a
// problem.
func (im *importer) axis(row int, c column, v string) string {
	s := slug.Make(v)
	if s == "" {
		im.errs.Add(im.at(row, c.col), "%s %q gives no file name (write letters or digits)", c.name, v)
		return ""
	}
	for _, a := range im.axes {
		if a.Slug == v || slug.Make(a.Title) == s {
			return a.Slug
		}
	}
	for _, a := range im.axes {
		if a.Slug == s {
			return a.Slug
		}
	}
	p := path.Join("content", "axes", s+".md")
	if _, err := fs.Stat(im.fsys, p); err == nil {
		return s // a file that cannot be read: the check reports it
	}
	im.order++
	im.axes = append(im.axes, scaffold.Item{File: p, Slug: s, Title: v, Order: im.order})
	im.files = append(im.files, file{p, scaffold.AxisText(im.cfg, s, v, im.order)})
	return s
}

// write writes every file, or none: a file that exists already, or an
// error, removes the ones written before it.
func write(dir string, files []file) ([]string, error) {
	var written []string
	undo := func(err error) ([]string, error) {
		for _, p := range written {
			os.Remove(p)
		}
		return nil, err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return undo(err)
		}
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return undo(diag.Errorf("%s already exists: nothing was imported", p))
		} else if err != nil {
			return undo(err)
		}
		written = append(written, p)
		_, err = w.WriteString(f.text)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return undo(err)
		}
	}
	return written, nil
}

// text is a cell's text on one line, its spaces collapsed.
func text(s string) string { return strings.Join(strings.Fields(s), " ") }

// unneutral takes off the single quote that data/actions.csv puts before
// a text a spreadsheet would take for a formula.
func unneutral(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// split splits a list on ";", or else on ",".
func split(s string) []string {
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = text(unneutral(strings.TrimSpace(p))); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// statuses are the ways a status may be written, by code: code, French
// alias, French label, English label.
var statuses = [][4]string{
	{"planned", "a-venir", "À venir", "Planned"},
	{"in_progress", "en-cours", "En cours", "In progress"},
	{"done", "realisee", "Réalisée", "Done"},
	{"suspended", "suspendue", "Suspendue", "Suspended"},
	{"abandoned", "abandonnee", "Abandonnée", "Abandoned"},
}

// status returns the code of the status v names, case and accents aside.
func status(v string) (string, bool) {
	f := slug.Make(v)
	for _, s := range statuses {
		for _, name := range s {
			if slug.Make(name) == f {
				return s[0], true
			}
		}
	}
	return "", false
}

func statusNames() []string {
	var out []string
	for _, s := range statuses {
		out = append(out, s[2])
	}
	for _, s := range statuses {
		out = append(out, s[0])
	}
	return out
}
