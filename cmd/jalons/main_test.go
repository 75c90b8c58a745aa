package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jalons/internal/sitetest"
)

const site = `
-- config.toml --
title = "Projet social"
-- content/axes/a.md --
+++
title = "A"
+++
-- content/actions/x.md --
+++
title = "X"
axis = "a"
status = "done"
+++
`

func jalons(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), err
}

// english is a site in English.
func english(site string) string {
	return strings.Replace(site, "title = \"Projet social\"\n", "title = \"Projet social\"\nlanguage = \"en\"\n", 1)
}

// durations are the times in a line, which vary from run to run.
var durations = regexp.MustCompile(`\b(in|en) \d+(\.\d+)?(ns|µs|ms|s)\b`)

func TestBuild(t *testing.T) {
	dir := sitetest.Dir(t, site)
	out, errOut, err := jalons("build", "-source", dir)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "actions", "x", "index.html")); err != nil {
		t.Error(err)
	}
	dest := filepath.Join(t.TempDir(), "site")
	if _, errOut, err := jalons("build", "-source", dir, "-destination", dest, "-base-url", "https://www.ville.fr/ps/"); err != nil {
		t.Fatalf("build -destination: %v %s", err, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !strings.Contains(string(b), `href="/ps/axes/a/"`) {
		t.Error("-base-url did not set the links' base path")
	}
	_ = out
}

// TestOutputLanguage checks the exact lines of each command, in French
// and in English: DIR stands for the site's folder, D for a duration.
func TestOutputLanguage(t *testing.T) {
	const published = "baseURL = \"https://www.ville.fr/projet-social/\"\n"
	const broken = `
-- content/actions/y.md --
+++
title = "Y"
axis = "b"
status = "fini"
+++
`
	type step struct {
		args           []string
		site           string // the site's files, when the step needs its own site
		stdout, stderr string
		fails          bool
	}
	tests := []struct {
		lang  string
		steps []step
	}{
		{"fr", []step{
			{args: []string{"build"}, site: site + "-- x --\n",
				stdout: "jalons: 13 pages et 57 fichiers écrits dans DIR/public en D\n",
				stderr: "config.toml:1:1: attention\u00a0: baseURL = \"http://localhost:1313/\" est une adresse de cet ordinateur ou d'exemple\u00a0: le flux, le plan du site et les liens partagés mèneraient là (indiquez l'adresse réelle du site, comme https://www.ville.fr/projet-social/)\n"},
			{args: []string{"build"}, site: strings.Replace(site, "-- config.toml --\n", "-- config.toml --\n"+published, 1),
				stdout: "jalons: 13 pages et 57 fichiers écrits dans DIR/public en D\n"},
			{args: []string{"build", "-base-url", "http://127.0.0.1:8080/ps/"},
				stdout: "jalons: 13 pages et 57 fichiers écrits dans DIR/public en D\n",
				stderr: "jalons: attention\u00a0: -base-url = \"http://127.0.0.1:8080/ps/\" est une adresse de cet ordinateur ou d'exemple\u00a0: le flux, le plan du site et les liens partagés mèneraient là (indiquez l'adresse réelle du site, comme https://www.ville.fr/projet-social/)\n"},
			{args: []string{"check"}, stdout: "jalons: aucun problème trouvé (13 pages, 1 action, 0 indicateur)\n"},
			{args: []string{"new", "action", "Épicerie sociale"}, stdout: "jalons: créé\u00a0: DIR/content/actions/epicerie-sociale.md\n"},
			{args: []string{"new", "actoin", "Épicerie"}, fails: true,
				stderr: "jalons: type inconnu \"actoin\" (vouliez-vous dire \"action\"\u00a0?)\u00a0; utilisez l'un de ceux-ci\u00a0: axis, action, indicator, news, page\n"},
			{args: []string{"build"}, site: site + broken, fails: true,
				stderr: "content/actions/y.md:3:1: axe inconnu \"b\" (valeurs possibles\u00a0: a)\n" +
					"content/actions/y.md:4:1: \"status\"\u00a0: statut inconnu \"fini\"\u00a0; utilisez l'une de ces valeurs\u00a0: planned, in_progress, done, suspended, abandoned, a-venir, en-cours, realisee, suspendue, abandonnee\n" +
					"jalons: 2 problèmes\u00a0: rien n'a été écrit, le site précédent est intact\n"},
			{args: []string{"publish"}, fails: true, stderr: "jalons: commande inconnue \"publish\"\n" + usage.Text("fr")},
			{args: []string{"check", "-x"}, fails: true, stderr: "jalons: option inconnue -x\n" +
				"utilisation\u00a0: jalons check  [-source DOSSIER] [-today AAAA-MM-JJ]\n" +
				"  -source dossier\n    \tle dossier du site (par défaut\u00a0: .)\n" +
				"  -today date\n    \tla date que décrit le site, AAAA-MM-JJ (par défaut\u00a0: SOURCE_DATE_EPOCH, sinon aujourd'hui)\n"},
		}},
		{"en", []step{
			{args: []string{"build"}, site: english(site),
				stdout: "jalons: 13 pages and 57 files written to DIR/public in D\n",
				stderr: "config.toml:1:1: warning: baseURL \"http://localhost:1313/\" is an address of this machine or for examples: the site's feed, sitemap and shared links would lead there (give the site's real address, like https://www.ville.fr/projet-social/)\n"},
			{args: []string{"build"}, site: english(strings.Replace(site, "-- config.toml --\n", "-- config.toml --\n"+published, 1)),
				stdout: "jalons: 13 pages and 57 files written to DIR/public in D\n"},
			{args: []string{"build", "-base-url", "http://127.0.0.1:8080/ps/"},
				stdout: "jalons: 13 pages and 57 files written to DIR/public in D\n",
				stderr: "jalons: warning: -base-url \"http://127.0.0.1:8080/ps/\" is an address of this machine or for examples: the site's feed, sitemap and shared links would lead there (give the site's real address, like https://www.ville.fr/projet-social/)\n"},
			{args: []string{"check"}, stdout: "jalons: no problem found (13 pages, 1 action, 0 indicators)\n"},
			{args: []string{"new", "action", "Épicerie sociale"}, stdout: "jalons: created DIR/content/actions/epicerie-sociale.md\n"},
			{args: []string{"new", "actoin", "Épicerie"}, fails: true,
				stderr: "jalons: unknown kind \"actoin\" (did you mean \"action\"?); use one of axis, action, indicator, news, page\n"},
			{args: []string{"build"}, site: english(site + broken), fails: true,
				stderr: "content/actions/y.md:3:1: unknown axis \"b\" (known: a)\n" +
					"content/actions/y.md:4:1: \"status\": unknown status \"fini\"; use one of planned, in_progress, done, suspended, abandoned, a-venir, en-cours, realisee, suspendue, abandonnee\n" +
					"jalons: 2 problems: nothing was written, the previous site is untouched\n"},
			{args: []string{"publish"}, fails: true, stderr: "jalons: unknown command \"publish\"\n" + usage.Text("en")},
			{args: []string{"check", "-x"}, fails: true, stderr: "jalons: unknown flag -x\n" +
				"usage: jalons check  [-source DIR] [-today YYYY-MM-DD]\n" +
				"  -source folder\n    \tthe site's folder (default .)\n" +
				"  -today date\n    \tthe date the site describes, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)\n"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			var dir string
			for _, st := range tt.steps {
				if st.site != "" {
					dir = sitetest.Dir(t, st.site)
				}
				args := st.args
				if args[0] != "publish" {
					args = append(args, "-source", dir)
				} else {
					t.Chdir(dir)
				}
				out, errOut, err := jalons(args...)
				clean := func(s string) string { return durations.ReplaceAllString(strings.ReplaceAll(s, dir, "DIR"), "$1 D") }
				if (err != nil) != st.fails || clean(out) != st.stdout || clean(errOut) != st.stderr {
					t.Errorf("jalons %q = %v,\n%q,\n%q; want failure %v,\n%q,\n%q", st.args, err, clean(out), clean(errOut), st.fails, st.stdout, st.stderr)
				}
			}
		})
	}
}

// TestInitOutput: init says where the site is in the language it is
// given, French by default, and writes it in config.toml with the
// address given.
func TestInitOutput(t *testing.T) {
	tests := []struct {
		args       []string
		want, conf string
	}{
		{nil, "jalons: nouveau site dans DIR (pour le voir\u00a0: jalons serve -source DIR)\n", `language = "fr"`},
		{[]string{"-language", "fr"}, "jalons: nouveau site dans DIR (pour le voir\u00a0: jalons serve -source DIR)\n", `language = "fr"`},
		{[]string{"-language", "en"}, "jalons: new site in DIR (see it with: jalons serve -source DIR)\n", `language = "en"`},
		{[]string{"-base-url", "https://www.ville.fr/ps", "-language", "en"}, "jalons: new site in DIR (see it with: jalons serve -source DIR)\n", `baseURL = "https://www.ville.fr/ps/"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			out, errOut, err := jalons(append(append([]string{"init"}, tt.args...), dir)...)
			if got := strings.ReplaceAll(out, dir, "DIR"); err != nil || got != tt.want || errOut != "" {
				t.Errorf("jalons init %q = %v, %q, %q; want nil, %q, \"\"", tt.args, err, got, errOut, tt.want)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "config.toml")); !strings.Contains(string(b), tt.conf) {
				t.Errorf("jalons init %q wrote no %s in config.toml:\n%s", tt.args, tt.conf, b)
			}
		})
	}
	errTests := []struct {
		args []string
		want string
	}{
		{[]string{"-base-url", "ville.fr"}, "jalons: -base-url\u00a0: baseURL = \"ville.fr\"\u00a0: il faut une adresse complète, comme https://www.example.fr/projet-social/\n"},
		{[]string{"-language", "en", "-base-url", "ville.fr"}, "jalons: -base-url: baseURL \"ville.fr\" must be a full address such as https://www.example.fr/projet-social/\n"},
		{[]string{"-language", "de"}, "jalons: -language \"de\"\u00a0: utilisez fr ou en\n"},
	}
	for _, tt := range errTests {
		dir := filepath.Join(t.TempDir(), "site")
		_, errOut, err := jalons(append(append([]string{"init"}, tt.args...), dir)...)
		if err == nil || errOut != tt.want {
			t.Errorf("jalons init %q = %v, %q; want an error, %q", tt.args, err, errOut, tt.want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("jalons init %q made %s", tt.args, dir)
		}
	}
}

// TestBaseURLWarning: build warns, in one line and without failing, when
// the site's address is one of this machine or for examples.
func TestBaseURLWarning(t *testing.T) {
	tests := []struct {
		url  string
		warn bool
	}{
		{"http://localhost:1313/", true},
		{"http://127.0.0.1/", true},
		{"http://[::1]:8080/ps/", true},
		{"http://0.0.0.0/", true},
		{"https://example.com/", true},
		{"https://www.example.org/ps/", true},
		{"https://example.net/", true},
		{"https://www.example.fr/projet-social/", true},
		{"https://ville.example/", true},
		{"https://ville.test/", true},
		{"http://site.localhost/", true},
		{"https://www.ville.fr/projet-social/", false},
		{"https://example.gouv.fr/", false},
		{"https://counterexample.com/", false},
		{"http://192.168.1.10/", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			dir := sitetest.Dir(t, strings.Replace(site, "-- config.toml --\n", "-- config.toml --\nbaseURL = \""+tt.url+"\"\n", 1))
			_, errOut, err := jalons("build", "-source", dir)
			if err != nil {
				t.Fatalf("build with baseURL %s: %v\n%s", tt.url, err, errOut)
			}
			warned := strings.HasPrefix(errOut, "config.toml:1:1: attention\u00a0: baseURL = ") && strings.Count(errOut, "\n") == 1
			if warned != tt.warn || !tt.warn && errOut != "" {
				t.Errorf("build with baseURL %s printed %q; want a warning: %v", tt.url, errOut, tt.warn)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "utilisation\u00a0:"},
		{[]string{"build", "-sauce", "x"}, "jalons: option inconnue -sauce\n"},
		{[]string{"serve", "-port", "abc"}, "jalons: \"abc\" n'est pas une valeur possible pour l'option -port (écrivez un nombre entier, comme 1313)\n"},
		{[]string{"serve", "-poll", "1"}, "jalons: \"1\" n'est pas une valeur possible pour l'option -poll (écrivez une durée, comme 1s ou 500ms)\n"},
		{[]string{"build", "-drafts=peut-être"}, "jalons: \"peut-être\" n'est pas une valeur possible pour l'option -drafts (écrivez true ou false, comme dans -drafts=false)\n"},
		{[]string{"check", "-today"}, "jalons: l'option -today demande une valeur\n"},
		{[]string{"build", "site"}, "jalons: argument inattendu \"site\"\n"},
		{[]string{"check", "-today", "hier"}, "jalons: -today \"hier\" doit être une date écrite année-mois-jour, comme -today 2026-12-01\n"},
		{[]string{"build", "-source", "/nonexistent/site"}, "jalons: il n'y a pas de dossier /nonexistent/site (-source indique le dossier du site, celui qui contient config.toml)\n"},
	}
	for _, tt := range tests {
		_, errOut, err := jalons(tt.args...)
		if err == nil || !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("jalons %v: err %v, printed %q; want %q…", tt.args, err, errOut, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, err := jalons("version")
	if err != nil || !strings.HasPrefix(out, "jalons "+version) {
		t.Errorf("version printed %q, %v", out, err)
	}
}

// TestInitThenNew is the first thing a new user does: make a site, add an
// action to it, build it.
func TestInitThenNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mon-site")
	if out, errOut, err := jalons("init", dir); err != nil || !strings.Contains(out, "nouveau site dans") {
		t.Fatalf("init: %v %q %q", err, out, errOut)
	}
	out, errOut, err := jalons("new", "action", "Épicerie sociale", "-source", dir)
	if err != nil || !strings.Contains(out, filepath.Join("content", "actions", "epicerie-sociale.md")) {
		t.Fatalf("new: %v %q %q", err, out, errOut)
	}
	if _, errOut, err := jalons("new", "-source", dir, "news", "Réunion publique"); err != nil {
		t.Fatalf("new with the flag first: %v %q", err, errOut)
	}
	if _, errOut, err := jalons("build", "-source", dir); err != nil {
		t.Fatalf("build after init and new: %v\n%s", err, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "actions", "epicerie-sociale", "index.html")); err != nil {
		t.Error(err)
	}
	_, errOut, err = jalons("new", "action", "Épicerie sociale", "-source", dir)
	if err == nil || !strings.Contains(errOut, "existe déjà") {
		t.Errorf("new over an existing file: %v %q", err, errOut)
	}
	if _, errOut, err := jalons("init", dir); err == nil || !strings.Contains(errOut, "n'est pas vide") {
		t.Errorf("init over a site: %v %q", err, errOut)
	}
}

// TestDestinationRefused: a destination a build did not make is refused
// in one line that says why and what to do.
func TestDestinationRefused(t *testing.T) {
	dir := sitetest.Dir(t, site)
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, "lettre.odt"), []byte("x"), 0o644)
	_, errOut, err := jalons("build", "-source", dir, "-destination", home)
	want := "jalons: la destination " + home + " contient déjà des fichiers qu'une construction n'a pas faits (elle n'a pas de fichier .jalons-build)\u00a0: rien n'a été écrit (choisissez un dossier vide ou nouveau\u00a0; pour remplacer celui-ci, videz-le d'abord)\n"
	if err == nil || errOut != want {
		t.Errorf("build -destination %s: err %v, printed %q; want %q", home, err, errOut, want)
	}
	_, errOut, err = jalons("build", "-source", sitetest.Dir(t, english(site)), "-destination", home)
	want = "jalons: destination " + home + " already holds files that a build did not make (it has no .jalons-build file): nothing was written (choose an empty or new folder; to replace this one, empty it first)\n"
	if err == nil || errOut != want {
		t.Errorf("build -destination %s of an English site: err %v, printed %q; want %q", home, err, errOut, want)
	}
	if b, _ := os.ReadFile(filepath.Join(home, "lettre.odt")); string(b) != "x" {
		t.Error("the refused destination changed")
	}
}

func TestImport(t *testing.T) {
	dir := sitetest.Dir(t, site+"-- plan.csv --\ntitre;axe\nÉpicerie;a\n-- bad.csv --\ntitre;axe\n;a\n")
	out, errOut, err := jalons("import", "actions", filepath.Join(dir, "plan.csv"), "-source", dir)
	want := "jalons: créé\u00a0: " + filepath.Join(dir, "content", "actions", "epicerie.md") + "\n"
	if err != nil || out != want || errOut != "" {
		t.Errorf("import = %v, %q, %q; want nil, %q, \"\"", err, out, errOut, want)
	}
	bad := filepath.Join(dir, "bad.csv")
	out, errOut, err = jalons("import", "actions", bad, "-source", dir)
	want = bad + ":2:1: titre manquant\u00a0: chaque action en a un (écrivez-le dans cette cellule, ou supprimez la ligne)\n"
	if err == nil || out != "" || errOut != want {
		t.Errorf("import of a faulty sheet = %v, %q, %q; want an error, \"\", %q", err, out, errOut, want)
	}
	for _, args := range [][]string{{"import"}, {"import", "axes", "plan.csv"}, {"import", "actions"}} {
		if _, errOut, err := jalons(args...); err == nil || !strings.HasPrefix(errOut, "utilisation\u00a0: jalons import actions FICHIER") {
			t.Errorf("jalons %q = %v, %q; want the usage", args, err, errOut)
		}
	}
}

func TestHelp(t *testing.T) {
	en := t.TempDir()
	os.WriteFile(filepath.Join(en, "config.toml"), []byte("title = \"P\"\nlanguage = \"en\"\n"), 0o644)
	fr := t.TempDir() // no site: French
	tests := []struct {
		dir  string
		args []string
		want string
	}{
		{fr, []string{"help"}, usage.Text("fr")},
		{fr, []string{"-h"}, usage.Text("fr")},
		{fr, []string{"--help"}, usage.Text("fr")},
		{fr, []string{"help", "-language", "en"}, usage.Text("en")},
		{en, []string{"help"}, usage.Text("en")},
		{en, []string{"-h"}, usage.Text("en")},
		{en, []string{"help", "-language", "fr"}, usage.Text("fr")},
	}
	for _, tt := range tests {
		t.Chdir(tt.dir)
		out, errOut, err := jalons(tt.args...)
		if err != nil || out != tt.want || errOut != "" {
			t.Errorf("jalons %q in %s = %v, %q, %q; want nil, %q, \"\"", tt.args, tt.dir, err, out, errOut, tt.want)
		}
	}
	if !strings.HasPrefix(usage.Text("fr"), "utilisation\u00a0:\n  jalons build  [-source DOSSIER]") || !strings.HasPrefix(usage.Text("en"), "usage:\n  jalons build  [-source DIR]") {
		t.Errorf("usage:\n%s\n%s", usage.Text("fr"), usage.Text("en"))
	}
	cmds := []struct{ cmd, first, firstFR, flag string }{
		{"build", "usage: jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]\n", "utilisation\u00a0: jalons build  [-source DOSSIER] [-destination DOSSIER] [-base-url URL] [-drafts] [-today AAAA-MM-JJ]\n", "-destination"},
		{"serve", "usage: jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]\n", "utilisation\u00a0: jalons serve  [-source DOSSIER] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today AAAA-MM-JJ]\n", "-poll"},
		{"check", "usage: jalons check  [-source DIR] [-today YYYY-MM-DD]\n", "utilisation\u00a0: jalons check  [-source DOSSIER] [-today AAAA-MM-JJ]\n", "-today"},
		{"new", "usage: jalons new    axis|action|indicator|news|page \"Title\" [-source DIR]\n", "utilisation\u00a0: jalons new    axis|action|indicator|news|page \"Titre\" [-source DOSSIER]\n", "-source"},
		{"init", "usage: jalons init   [-language fr|en] [-base-url URL] DIR\n", "utilisation\u00a0: jalons init   [-language fr|en] [-base-url URL] DOSSIER\n", "-base-url"},
		{"import", "usage: jalons import actions FILE [-source DIR]\n", "utilisation\u00a0: jalons import actions FICHIER [-source DOSSIER]\n", "-source"},
	}
	for _, tt := range cmds {
		for _, h := range []string{"-h", "--help"} {
			for _, lang := range []string{"en", "fr"} {
				args, first := []string{tt.cmd, "-source", en, h}, tt.first
				if tt.cmd == "init" {
					args = []string{tt.cmd, "-language", "en", h}
				}
				if lang == "fr" {
					args, first = []string{tt.cmd, h}, tt.firstFR
					t.Chdir(fr)
				}
				out, errOut, err := jalons(args...)
				if err != nil || !strings.HasPrefix(out, first) || !strings.Contains(out, tt.flag) || errOut != "" {
					t.Errorf("jalons %q = %v, %q, %q; want nil, %q… with %s, \"\"", args, err, out, errOut, first, tt.flag)
				}
			}
		}
	}
}

// TestHelpLanguageFlag: help's -language is the language of the help, by
// default the site's in the folder, and help -h says so.
func TestHelpLanguageFlag(t *testing.T) {
	t.Chdir(t.TempDir())
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"help", "-language", "en", "-h"}, "  -language language\n    \tthe language of this help: fr or en (default: the site's in this folder, else fr)\n"},
		{[]string{"help", "-h"}, "  -language langue\n    \tla langue de cette aide\u00a0: fr ou en (par défaut\u00a0: celle du site de ce dossier, sinon fr)\n"},
	}
	for _, tt := range tests {
		out, errOut, err := jalons(tt.args...)
		if err != nil || !strings.HasSuffix(out, tt.want) || errOut != "" {
			t.Errorf("jalons %q = %v, %q, %q; want nil, …%q, \"\"", tt.args, err, out, errOut, tt.want)
		}
	}
}
