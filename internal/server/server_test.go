package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"jalons/internal/build"
	"jalons/internal/sitetest"
)

const site = `
-- config.toml --
title = "Projet social"
baseURL = "https://www.example.fr/projet-social/"
-- content/axes/a.md --
+++
title = "Axe A"
+++
-- content/actions/x.md --
+++
title = "Action X"
axis = "a"
status = "in_progress"
+++
Premier texte.
`

// start runs Serve on a free port and returns its address.
func start(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Config{Build: build.Options{Source: dir}, Addr: "127.0.0.1:0",
			Ready: func(addr string) { ready <- addr }}, io.Discard, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not start")
	}
	return ""
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// events listens to the reload stream and sends one value per reload.
func events(t *testing.T, base string) <-chan struct{} {
	t.Helper()
	resp, err := http.Get(base + "/__jalons/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ch := make(chan struct{}, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "event: reload" {
				ch <- struct{}{}
			}
		}
	}()
	return ch
}

// waitReload waits for the reload of one change, then checks that no
// second reload follows for the same change.
func waitReload(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event")
	}
	select {
	case <-ch:
		t.Error("two reloads for one change")
	case <-time.After(400 * time.Millisecond):
	}
}

func TestServe(t *testing.T) {
	dir := sitetest.Dir(t, site)
	base := start(t, dir)
	page := base + "/projet-social/actions/x/"

	tests := []struct {
		url, ctype string
		status     int
		contains   string
	}{
		{base + "/", "", http.StatusOK, "Axe A"}, // redirected to the base path
		{page, "text/html; charset=utf-8", http.StatusOK, `<script src="/__jalons/reload.js" defer></script>`},
		{base + "/projet-social/actions/x", "text/html; charset=utf-8", http.StatusOK, "Premier texte."},
		{base + "/projet-social/css/jalons.css", "text/css; charset=utf-8", http.StatusOK, "--text"},
		{base + "/projet-social/feed.xml", "text/xml; charset=utf-8", http.StatusOK, "<feed"},
		{base + "/projet-social/sitemap.xml", "text/xml; charset=utf-8", http.StatusOK, "/projet-social/actions/x/</loc>"},
		{base + "/projet-social/data/site.json", "application/json", http.StatusOK, `"title":"Projet social"`},
		{base + "/projet-social/data/search.json", "application/json", http.StatusOK, `"Action X"`},
		{base + "/projet-social/data/search/p.json", "application/json", http.StatusOK, `"premier"`},
		{base + "/projet-social/nulle-part/", "text/html; charset=utf-8", http.StatusNotFound, "Page introuvable"},
		{base + "/__jalons/reload.js", "text/javascript; charset=utf-8", http.StatusOK, "EventSource"},
	}
	for _, tt := range tests {
		status, ctype, body := get(t, tt.url)
		if status != tt.status || (tt.ctype != "" && ctype != tt.ctype) || !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s = %d %s; want %d %s containing %q", tt.url, status, ctype, tt.status, tt.ctype, tt.contains)
		}
	}

	reloads := events(t, base)
	file := filepath.Join(dir, "content/actions/x.md")
	edit := func(text string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		waitReload(t, reloads)
	}

	// An edit reloads the page with the new text.
	edit(strings.Replace(site[strings.Index(site, "+++\ntitle = \"Action X\""):], "Premier texte.", "Second texte.", 1))
	if _, _, body := get(t, page); !strings.Contains(body, "Second texte.") || strings.Contains(body, "jalons-problems") {
		t.Errorf("after an edit the page is not the new one:\n%s", body)
	}
	// The search index, made when asked for, is the new build's.
	_, _, s := get(t, base+"/projet-social/data/search/s.json")
	_, _, p := get(t, base+"/projet-social/data/search/p.json")
	if !strings.Contains(s, `"second"`) || strings.Contains(p, `"premier"`) {
		t.Errorf("after an edit the search index is not the new one:\n%s\n%s", s, p)
	}

	// A mistake shows in every page, which keeps the last good build.
	edit("+++\ntitle = \"Action X\"\naxis = \"b\"\nstatus = \"in_progress\"\n+++\nTroisième texte.\n")
	_, _, body := get(t, page)
	if !strings.Contains(body, `id="jalons-problems"`) || !strings.Contains(body, `content/actions/x.md:3:1: axe inconnu &#34;b&#34;`) ||
		!strings.Contains(body, "Second texte.") {
		t.Errorf("after a mistake the page does not show it over the last good build:\n%s", body)
	}

	// Fixing it clears the problems.
	edit("+++\ntitle = \"Action X\"\naxis = \"a\"\nstatus = \"done\"\n+++\nQuatrième texte.\n")
	if _, _, body := get(t, page); strings.Contains(body, "jalons-problems") || !strings.Contains(body, "Quatrième texte.") {
		t.Errorf("after the fix the problems remain:\n%s", body)
	}

	// A new action appears; a removed one is gone.
	os.WriteFile(filepath.Join(dir, "content/actions/y.md"), []byte("+++\ntitle = \"Action Y\"\naxis = \"a\"\nstatus = \"planned\"\n+++\n"), 0o644)
	waitReload(t, reloads)
	if status, _, _ := get(t, base+"/projet-social/actions/y/"); status != http.StatusOK {
		t.Errorf("new action: status %d", status)
	}
	os.Remove(filepath.Join(dir, "content/actions/y.md"))
	waitReload(t, reloads)
	if status, _, _ := get(t, base+"/projet-social/actions/y/"); status != http.StatusNotFound {
		t.Errorf("removed action: status %d", status)
	}
}

func TestBuildOutputHasNoReloadScript(t *testing.T) {
	res, err := build.Render(t.Context(), build.Options{Source: sitetest.Dir(t, site)})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range res.Files {
		if strings.Contains(string(b), "__jalons") {
			t.Errorf("%s of jalons build mentions the reload script", p)
		}
	}
}

// TestNoHalfBuiltPage: while the site is rebuilt over and over, a reader
// going from page to page never sees an older build after a newer one,
// and never a partial page. Each build retitles the action "Action X vN",
// shown on its page and on its axis's page; a server that swapped in the
// new pages one by one would show a reader the action page of build N,
// then the axis page of build N-1.
func TestNoHalfBuiltPage(t *testing.T) {
	dir := sitetest.Dir(t, site)
	s := New(build.Options{Source: dir})
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 1; i <= 30; i++ {
			text := fmt.Sprintf("+++\ntitle = \"Action X v%d\"\naxis = \"a\"\nstatus = \"done\"\n+++\nTexte.\n", i)
			os.WriteFile(filepath.Join(dir, "content/actions/x.md"), []byte(text), 0o644)
			s.Rebuild()
		}
	}()
	version := regexp.MustCompile(`Action X v(\d+)`)
	seen, reads := 0, 0
	for reading := true; reading; reads++ {
		select {
		case <-done:
			reading = false
		default:
		}
		for _, p := range []string{"actions/x/", "axes/a/"} {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/projet-social/"+p, nil))
			body := rec.Body.String()
			if rec.Code != 200 || !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
				t.Fatalf("a read of /%s during rebuilds got %d and a partial page:\n%s", p, rec.Code, body)
			}
			v := 0
			if m := version.FindStringSubmatch(body); m != nil {
				v, _ = strconv.Atoi(m[1])
			}
			if v < seen {
				t.Fatalf("/%s shows build %d after this reader saw build %d: a half-built site", p, v, seen)
			}
			seen = v
		}
	}
	if seen != 30 {
		t.Errorf("the last read showed build %d; want 30", seen)
	}
	t.Logf("%d reads of two pages during 30 rebuilds", reads)
}

// TestProblemsInSiteLanguage checks that the problems show in the site's
// language, read from config.toml when no build was good yet.
func TestProblemsInSiteLanguage(t *testing.T) {
	const broken = "-- content/actions/y.md --\n+++\ntitle = \"Y\"\naxis = \"b\"\nstatus = \"done\"\n+++\n"
	english := strings.Replace(site, `title = "Projet social"`, "title = \"Projet social\"\nlanguage = \"en\"", 1)
	tests := []struct {
		name, site string
		want       []string
	}{
		{"French, never built", site + broken, []string{
			"La dernière modification comporte des erreurs",
			"content/actions/y.md:3:1: axe inconnu &#34;b&#34; (valeurs possibles\u00a0: a)"}},
		{"English, never built", english + broken, []string{
			"The last change has problems",
			"content/actions/y.md:3:1: unknown axis &#34;b&#34; (known: a)"}},
		{"English, built before", english, []string{
			"The last change has problems",
			"content/actions/y.md:3:1: unknown axis &#34;b&#34; (known: a)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, tt.site)
			s := New(build.Options{Source: dir})
			if _, err := s.Rebuild(); err == nil {
				os.WriteFile(filepath.Join(dir, "content/actions/y.md"), []byte(broken[strings.Index(broken, "+++"):]), 0o644)
				if _, err := s.Rebuild(); err == nil {
					t.Fatal("no problem after the broken edit")
				}
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/projet-social/actions/x/", nil))
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("page does not show %q:\n%s", w, rec.Body.String())
				}
			}
		})
	}
}

func TestServeBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Serve(context.Background(), Config{Build: build.Options{Source: sitetest.Dir(t, site)}, Addr: ln.Addr().String()}, io.Discard, io.Discard)
	want := "cannot listen on " + ln.Addr().String() + ": "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "(is another jalons serve running? try -port)") {
		t.Errorf("Serve on a busy port: %v; want %q…", err, want)
	}
}

// TestAfterBodyTag: the problem list goes right after the body's start
// tag, whatever its attributes.
func TestAfterBodyTag(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x", "<html><body>|<p>x"},
		{`<html><body class="home" data-x='a>b'><p>x`, `<html><body class="home" data-x='a>b'>|<p>x`},
		{"<html><BODY\nid=top>x", "<html><BODY\nid=top>|x"},
		{"<html><bodyguard><body>x", "<html><bodyguard><body>|x"},
		{"<html><p>no body", "<html><p>no body"},
		{`<html><body class="x`, `<html><body class="x`},
	}
	for _, tt := range tests {
		i := afterBodyTag([]byte(tt.page))
		got := tt.page
		if i >= 0 {
			got = tt.page[:i] + "|" + tt.page[i:]
		}
		if got != tt.want {
			t.Errorf("afterBodyTag(%q) cuts at %q; want %q", tt.page, got, tt.want)
		}
	}
}

// TestProblemsWithBodyAttributes: a site theme whose body has attributes
// still shows the problems.
func TestProblemsWithBodyAttributes(t *testing.T) {
	dir := sitetest.Dir(t, site+`
-- themes/mairie/layouts/base.html --
<!DOCTYPE html>
<html lang="fr"><head><title>{{.Title}}</title></head>
<body class="page-{{.Kind}}" data-theme="mairie">
{{template "main" .}}
</body></html>
`)
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Projet social\"\ntheme = \"mairie\"\n"), 0o644)
	s := New(build.Options{Source: dir})
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/actions/x.md"), []byte("+++\ntitle = \"X\"\naxis = \"b\"\nstatus = \"done\"\n+++\n"), 0o644)
	if _, err := s.Rebuild(); err == nil {
		t.Fatal("no problem after the broken edit")
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/actions/x/", nil))
	body := rec.Body.String()
	if !strings.Contains(body, `data-theme="mairie">`+"\n"+`<div id="jalons-problems"`) {
		t.Errorf("the problems are not shown after <body …>:\n%s", body)
	}
	if !strings.Contains(body, `<script src="/__jalons/reload.js" defer></script>`) {
		t.Error("no reload script")
	}
}

// TestItemPages: the pages of actions, indicators and news items, which a
// rebuild does not even list, are found when asked for, and only theirs.
func TestItemPages(t *testing.T) {
	dir := sitetest.Dir(t, site+`-- content/indicators/familles.toml --
title = "Familles aidées"
action = "x"
-- content/news/reunion.md --
+++
title = "Réunion publique"
date = 2024-01-01
+++
`)
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Projet social\"\n"), 0o644) // served at the root
	s := New(build.Options{Source: dir})
	res, err := s.Rebuild()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.later.byPath) != res.Pages-1-3+6+1+36+1 { // but 404.html and the items'; the open data, search and sitemap files
		t.Errorf("%d files left to make by path, of %d pages", len(s.later.byPath), res.Pages)
	}
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/actions/x/", http.StatusOK, "<h1>Action X</h1>"},
		{"/indicateurs/familles/", http.StatusOK, "Familles aidées</h1>"},
		{"/actualites/reunion/", http.StatusOK, "Réunion publique</h1>"},
		{"/actions/x", http.StatusMovedPermanently, ""},
		{"/actions/y/", http.StatusNotFound, ""},
		{"/indicateurs/x/", http.StatusNotFound, ""},
		{"/actions/x/y/", http.StatusNotFound, ""},
		{"/actions/", http.StatusOK, "Action X"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313"+tt.path, nil))
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("GET %s = %d %.200q; want %d with %q", tt.path, rec.Code, rec.Body.String(), tt.status, tt.want)
		}
	}
}

// TestPagesMadeWhenAskedFor: a rebuild leaves the pages to be made when
// they are asked for; a page whose template fails answers with the
// problem, and the rebuild stays good.
func TestPagesMadeWhenAskedFor(t *testing.T) {
	tests := []struct {
		name   string
		theme  string // layouts/action.html of the site's theme, "" for none
		status int
		want   string // in the page
	}{
		{"the default theme", "", http.StatusOK, "<h1>Action X</h1>"},
		{"a template that fails", `{{define "main"}}{{index .Site.Pages 5}}{{end}}`, http.StatusInternalServerError,
			"themes/mairie/layouts/action.html:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, site)
			config := "title = \"Projet social\"\n" // served at the root
			if tt.theme != "" {
				os.MkdirAll(filepath.Join(dir, "themes/mairie/layouts"), 0o755)
				os.WriteFile(filepath.Join(dir, "themes/mairie/layouts/action.html"), []byte(tt.theme), 0o644)
				config += "theme = \"mairie\"\n"
			}
			os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o644)
			s := New(build.Options{Source: dir})
			if _, err := s.Rebuild(); err != nil {
				t.Fatal(err)
			}
			if _, made := s.files["actions/x/index.html"]; made {
				t.Error("the rebuild made actions/x/index.html; want it left to be made when asked for")
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/actions/x/", nil))
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("GET /actions/x/ = %d %q; want %d with %q", rec.Code, rec.Body.String(), tt.status, tt.want)
			}
		})
	}
}
