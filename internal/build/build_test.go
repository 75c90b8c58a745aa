package build

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/render"
	"jalons/internal/sitetest"
	"jalons/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenToday is the day the golden copy of the example site describes.
var goldenToday = content.Date{Year: 2026, Month: 12, Day: 1}

// TestExampleGolden builds the example site at the top of the repository
// and compares every output file with testdata/example/. The example site
// lives in the project's own git history: it is built without git (NoGit),
// so that its golden copy does not change with every commit of the
// project; its dates come from its updated keys alone.
func TestExampleGolden(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../..", Today: goldenToday, NoGit: true})
	if err != nil {
		t.Fatalf("building the example site: %v", err)
	}
	golden := filepath.Join("testdata", "example")
	// The theme's static files are copied as they are (ECharts is checked
	// by its checksum in package themes): no golden copy of them.
	for p := range res.Files {
		if _, err := fs.Stat(themes.Default, "static/"+p); err == nil {
			delete(res.Files, p)
		}
	}
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := Write(t.Context(), golden, res.Files); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(golden, Marker)) // not part of the site
		return
	}
	want := readTree(t, golden)
	for _, p := range sortedKeys(res.Files) {
		w, ok := want[p]
		if !ok {
			t.Errorf("%s is built but has no golden file (run go test ./internal/build -update)", p)
			continue
		}
		if !bytes.Equal(res.Files[p], w) {
			t.Errorf("%s differs from its golden file (run go test ./internal/build -update and review the diff)", p)
		}
	}
	for p := range want {
		if _, ok := res.Files[p]; !ok {
			t.Errorf("%s has a golden file but is no longer built", p)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sortedKeys(files render.Files) []string {
	var out []string
	for p := range files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

const small = `
-- config.toml --
title = "Projet social"
baseURL = "https://www.example.fr/projet-social/"
-- content/axes/precarites.md --
+++
title = "Réduire les précarités"
+++
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "in_progress"
+++
## Objectifs
-- content/indicators/familles.toml --
title = "Familles aidées"
action = "epicerie"
unit = "familles"
target = 200
[[values]]
date = 2012-12-31
value = 190
-- content/news/reunion.md --
+++
title = "Réunion"
date = 2017-04-29
+++
Texte.
`

func TestDeterministic(t *testing.T) {
	dir := sitetest.Dir(t, small)
	a, err := Render(t.Context(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		b, err := Render(t.Context(), Options{Source: dir})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Files) != len(b.Files) {
			t.Fatalf("two builds give %d and %d files", len(a.Files), len(b.Files))
		}
		for p := range a.Files {
			if !bytes.Equal(a.Files[p], b.Files[p]) {
				t.Errorf("%s differs between two builds of the same input", p)
			}
		}
	}
}

func TestAtomic(t *testing.T) {
	dir := sitetest.Dir(t, small)
	dest := filepath.Join(dir, "public")
	if _, err := Build(t.Context(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	good := readTree(t, dest)
	if _, ok := good["actions/epicerie/index.html"]; !ok {
		t.Fatal("first build wrote no action page")
	}

	// A failing build leaves the good output as it was.
	broken := filepath.Join(dir, "content/actions/epicerie.md")
	os.WriteFile(broken, []byte("+++\ntitle = \"Épicerie\"\naxis = \"inconnu\"\nstatus = \"in_progress\"\n+++\n"), 0o644)
	_, err := Build(t.Context(), Options{Source: dir})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.File != "content/actions/epicerie.md" {
		t.Fatalf("broken build: err = %v; want one problem in content/actions/epicerie.md", err)
	}
	after := readTree(t, dest)
	if len(after) != len(good) {
		t.Fatalf("failed build changed the output: %d files, was %d", len(after), len(good))
	}
	for p := range good {
		if !bytes.Equal(good[p], after[p]) {
			t.Errorf("failed build changed %s", p)
		}
	}

	// A good build replaces the output whole: no stale page lingers.
	os.Remove(broken)
	os.Remove(filepath.Join(dir, "content/indicators/familles.toml"))
	if _, err := Build(t.Context(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	after = readTree(t, dest)
	if _, ok := after["actions/epicerie/index.html"]; ok {
		t.Error("the page of a removed action lingers after a rebuild")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left beside the output: %v", leftovers)
	}
}

// TestXSS puts script into every place a writer can type text: nothing may
// reach the pages as markup.
func TestXSS(t *testing.T) {
	dir := sitetest.Dir(t, `
-- config.toml --
title = "<script>alert('config')</script>"
-- content/axes/a.md --
+++
title = "<img src=x onerror=alert(1)>"
summary = "\"><script>alert(2)</script>"
+++
<script>alert(3)</script>

<div onmouseover="alert(4)">survol</div>
-- content/actions/x.md --
+++
title = "Action</title><script>alert(5)</script>"
axis = "a"
status = "done"
lead = "<b onclick=alert(6)>"
partners = ["<svg onload=alert(7)>"]
+++
[clic](javascript:alert(8)) [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="javascript:alert(9)">lien</a>

![x](x" onerror="alert(10))
-- content/indicators/i.toml --
title = "I"
unit = "<script>"
description = "<iframe src=javascript:alert(11)>"
-- content/news/n.md --
+++
title = "</script><script>alert(12)</script>"
date = 2017-04-29
summary = "<style>body{display:none}</style>"
+++
<script>alert(13)</script>
`)
	res, err := Render(t.Context(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range res.Files {
		switch {
		case strings.HasSuffix(p, ".html"):
			checkMarkup(t, p, string(b))
		case p == "feed.xml":
			// The feed carries each item's HTML as escaped text: check the
			// markup a feed reader would see.
			for _, m := range regexp.MustCompile(`(?s)<content type="html">(.*?)</content>`).FindAllStringSubmatch(string(b), -1) {
				checkMarkup(t, p, html.UnescapeString(m[1]))
			}
		}
	}
}

// checkMarkup fails when HTML holds a script, an event handler, or a
// script or data URL.
func checkMarkup(t *testing.T, name, doc string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			// The theme's own scripts, and chart data, are the only ones.
			if attr(tok, "type") != "application/json" && !strings.HasPrefix(attr(tok, "src"), "/js/") {
				t.Errorf("%s: a <script> element reached the output", name)
			}
		case "svg":
			// The theme's QR code of the page, for print, is the only one.
			if attr(tok, "class") != "qr" {
				t.Errorf("%s: a <%s> element reached the output", name, tok.Data)
			}
		case "iframe", "object", "embed", "style":
			t.Errorf("%s: a <%s> element reached the output", name, tok.Data)
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") {
				t.Errorf("%s: <%s %s=%q> reached the output", name, tok.Data, a.Key, a.Val)
			}
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestPathTraversal(t *testing.T) {
	dir := sitetest.Dir(t, `
-- config.toml --
title = "T"
theme = "../../../tmp"
logo = "../../etc/passwd"
-- content/pages/p.md --
+++
title = "P"
slug = "../../outside"
+++
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "/etc/passwd"
imageAlt = "x"
+++
`)
	_, err := Build(t.Context(), Options{Source: dir})
	want := strings.Join([]string{
		`config.toml:2:1: theme "../../../tmp" is not a folder name under themes/ (use letters, digits, - or _)`,
		`config.toml:3:1: logo "../../etc/passwd" must be a path inside static/, like "images/photo.jpg"`,
		`content/news/n.md:4:1: image "/etc/passwd" must be a path inside static/, like "images/photo.jpg"`,
		`content/pages/p.md:3:1: slug "../../outside" must be lowercase letters, digits and hyphens, like "outside"`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("Build errors =\n%v\nwant\n%s", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a failed build wrote public/")
	}

	dest := filepath.Join(t.TempDir(), "out")
	if err := Write(t.Context(), dest, render.Files{"../escape.html": []byte("x")}); err == nil {
		t.Error(`Write accepted the path "../escape.html"`)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "escape.html")); !os.IsNotExist(err) {
		t.Error("Write wrote outside its folder")
	}
}

func TestDestinationGuard(t *testing.T) {
	dir := sitetest.Dir(t, small)
	for _, dest := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "content"), filepath.Join(dir, "static", "out")} {
		if _, err := Build(t.Context(), Options{Source: dir, Destination: dest}); err == nil {
			t.Errorf("Build accepted the destination %s, which holds or sits in the site's files", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "axes", "precarites.md")); err != nil {
		t.Fatalf("the site's files were touched: %v", err)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name, extra string
		opts        Options
		want        string
	}{
		{"theme not found", "-- config.toml --\ntitle = \"T\"\ntheme = \"mairie\"\n", Options{},
			`config.toml:2:1: theme "mairie" not found: there is no folder themes/mairie (remove the key to use the default theme)`},
		{"static file with a page's path", "-- static/axes/precarites/index.html --\n<p>x</p>\n", Options{},
			`static/axes/precarites/index.html has the path of a page the site builds: rename or move it`},
		{"base url flag", "", Options{BaseURL: "example.fr/ps"},
			`-base-url: baseURL "example.fr/ps" must be a full address such as https://www.example.fr/projet-social/`},
		{"base url with a query", "-- config.toml --\ntitle = \"T\"\nbaseURL = \"https://example.fr/?a=1\"\n", Options{},
			`config.toml:2:1: baseURL "https://example.fr/?a=1" must not have a query (?…) or fragment (#…)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Source = sitetest.Dir(t, small+tt.extra)
			_, err := Build(t.Context(), opts)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Build error = %v; want %s", err, tt.want)
			}
		})
	}
}

// TestClashWhenAskedFor: as serve builds, leaving the pages to be made
// when asked for, a file of static/ where a page goes is the same
// mistake as in a build, the page an item's or another's.
func TestClashWhenAskedFor(t *testing.T) {
	later := func(string, func() ([]byte, error)) {}
	items := func(int, func(string) (func() ([]byte, error), bool)) {}
	for _, file := range []string{"static/actions/epicerie/index.html", "static/axes/precarites/index.html"} {
		for _, opts := range []Options{{Later: later}, {Later: later, Items: items}} {
			opts.Source = sitetest.Dir(t, small+"-- "+file+" --\n<p>x</p>\n")
			_, err := Render(t.Context(), opts)
			if want := file + " has the path of a page the site builds: rename or move it"; err == nil || err.Error() != want {
				t.Errorf("%s, items found %v: error %v; want %s", file, opts.Items != nil, err, want)
			}
		}
	}
}

// TestToday: -today, else SOURCE_DATE_EPOCH, else the local day; the same
// input and the same day give the same bytes, and the home page says the
// day.
func TestToday(t *testing.T) {
	tests := []struct{ flag, epoch, want, err string }{
		{"2026-12-01", "", "2026-12-01", ""},
		{"2026-12-01", "0", "2026-12-01", ""}, // the flag wins
		{"", "1767225599", "2025-12-31", ""},  // 23:59:59 UTC
		{"", "1767225600", "2026-01-01", ""},
		{"1/12/2026", "", "", `-today "1/12/2026" must be a date written year-month-day, like -today 2026-12-01`},
		{"2026-02-30", "", "", `-today "2026-02-30" must be a date written year-month-day, like -today 2026-12-01`},
		{"", "demain", "", `SOURCE_DATE_EPOCH "demain" must be a number of seconds since 1970-01-01, like 1764547200`},
	}
	for _, tt := range tests {
		t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
		if tt.epoch == "" {
			os.Unsetenv("SOURCE_DATE_EPOCH")
		}
		got, err := Today(tt.flag)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Today(%q) with SOURCE_DATE_EPOCH=%q: error %v; want %s", tt.flag, tt.epoch, err, tt.err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("Today(%q) with SOURCE_DATE_EPOCH=%q = %v, %v; want %s", tt.flag, tt.epoch, got, err, tt.want)
		}
	}
	dir := sitetest.Dir(t, small)
	day := content.Date{Year: 2031, Month: 5, Day: 1}
	a, err := Render(t.Context(), Options{Source: dir, Today: day})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Render(t.Context(), Options{Source: dir, Today: day})
	for p := range a.Files {
		if !bytes.Equal(a.Files[p], b.Files[p]) {
			t.Errorf("%s differs between two builds on the same day", p)
		}
	}
	if !strings.Contains(string(a.Files["index.html"]), `Situation au <time datetime="2031-05-01">1er mai 2031</time>`) {
		t.Error("the home page does not say the day")
	}
}
