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

func TestBuild(t *testing.T) {
	dir := sitetest.Dir(t, site)
	out, errOut, err := jalons("build", "-source", dir)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	if !regexp.MustCompile(`^jalons: \d+ pages and \d+ files written to .*public in \d+m?s\n$`).MatchString(out) {
		t.Errorf("build printed %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "actions", "x", "index.html")); err != nil {
		t.Error(err)
	}
	dest := filepath.Join(t.TempDir(), "site")
	if _, errOut, err := jalons("build", "-source", dir, "-destination", dest, "-base-url", "https://example.org/ps/"); err != nil {
		t.Fatalf("build -destination: %v %s", err, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !strings.Contains(string(b), `href="/ps/axes/a/"`) {
		t.Error("-base-url did not set the links' base path")
	}
}

func TestBuildErrors(t *testing.T) {
	dir := sitetest.Dir(t, site+`
-- content/actions/y.md --
+++
title = "Y"
axis = "b"
status = "fini"
+++
`)
	out, errOut, err := jalons("build", "-source", dir)
	if err == nil {
		t.Fatal("build of a broken site succeeded")
	}
	want := `content/actions/y.md:3:1: unknown axis "b" (known: a)
content/actions/y.md:4:1: "status": unknown status "fini"; use one of planned, in_progress, done, suspended, abandoned, a-venir, en-cours, realisee, suspendue, abandonnee
`
	last := "jalons: 2 problems: nothing was written, the previous site is untouched\n"
	if out != "" || errOut != want+last {
		t.Errorf("build printed\n%s%s\nwant\n%s%s", out, errOut, want, last)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a failed build wrote public/")
	}
	// check reports the same, and writes nothing either.
	_, errOut2, err := jalons("check", "-source", dir)
	if err == nil || errOut2 != want {
		t.Errorf("check printed %q; want %q", errOut2, want)
	}
}

func TestCheck(t *testing.T) {
	dir := sitetest.Dir(t, site)
	out, _, err := jalons("check", "-source", dir)
	if err != nil || !strings.HasPrefix(out, "jalons: no problem found (") {
		t.Errorf("check: %v, %q", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check wrote public/")
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "usage:"},
		{[]string{"publish"}, `jalons: unknown command "publish"`},
		{[]string{"build", "-sauce", "x"}, "flag provided but not defined: -sauce"},
		{[]string{"build", "site"}, `jalons build: unexpected argument "site"`},
		{[]string{"check", "-today", "hier"}, `jalons check: -today "hier" must be a date written year-month-day, like -today 2026-12-01`},
		{[]string{"build", "-source", "/nonexistent/site"}, "jalons: there is no folder /nonexistent/site (-source names the site's folder, the one that holds config.toml)"},
	}
	for _, tt := range tests {
		_, errOut, err := jalons(tt.args...)
		if err == nil || !strings.Contains(errOut, tt.want) {
			t.Errorf("jalons %v: err %v, printed %q; want %q", tt.args, err, errOut, tt.want)
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
	if out, errOut, err := jalons("init", dir); err != nil || !strings.Contains(out, "new site in") {
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
	if err == nil || !strings.Contains(errOut, "already exists") {
		t.Errorf("new over an existing file: %v %q", err, errOut)
	}
	if _, errOut, err := jalons("init", dir); err == nil || !strings.Contains(errOut, "is not empty") {
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
	want := "jalons: destination " + home + " already holds files that a build did not make (it has no .jalons-build file): nothing was written (choose an empty or new folder; to replace this one, empty it first)\n"
	if err == nil || errOut != want {
		t.Errorf("build -destination %s: err %v, printed %q; want %q", home, err, errOut, want)
	}
	if b, _ := os.ReadFile(filepath.Join(home, "lettre.odt")); string(b) != "x" {
		t.Error("the refused destination changed")
	}
}

func TestImport(t *testing.T) {
	dir := sitetest.Dir(t, site+"-- plan.csv --\ntitre;axe\nÉpicerie;a\n-- bad.csv --\ntitre;axe\n;a\n")
	out, errOut, err := jalons("import", "actions", filepath.Join(dir, "plan.csv"), "-source", dir)
	want := "jalons: created " + filepath.Join(dir, "content", "actions", "epicerie.md") + "\n"
	if err != nil || out != want || errOut != "" {
		t.Errorf("import = %v, %q, %q; want nil, %q, \"\"", err, out, errOut, want)
	}
	bad := filepath.Join(dir, "bad.csv")
	out, errOut, err = jalons("import", "actions", bad, "-source", dir)
	want = bad + ":2:1: no title: every action needs one (write it in this cell, or delete the row)\n"
	if err == nil || out != "" || errOut != want {
		t.Errorf("import of a faulty sheet = %v, %q, %q; want an error, \"\", %q", err, out, errOut, want)
	}
	for _, args := range [][]string{{"import"}, {"import", "axes", "plan.csv"}, {"import", "actions"}} {
		if _, errOut, err := jalons(args...); err == nil || !strings.HasPrefix(errOut, "usage: jalons import actions FILE") {
			t.Errorf("jalons %q = %v, %q; want the usage", args, err, errOut)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		out, errOut, err := jalons(arg)
		if err != nil || out != usage || errOut != "" {
			t.Errorf("jalons %s = %v, %q, %q; want nil, the usage, \"\"", arg, err, out, errOut)
		}
	}
	tests := []struct{ cmd, first, flag string }{
		{"build", "usage: jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]\n", "-destination"},
		{"serve", "usage: jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]\n", "-poll"},
		{"check", "usage: jalons check  [-source DIR] [-today YYYY-MM-DD]\n", "-today"},
		{"new", "usage: jalons new    axis|action|indicator|news|page \"Title\" [-source DIR]\n", "-source"},
		{"init", "usage: jalons init   DIR\n", ""},
		{"import", "usage: jalons import actions FILE [-source DIR]\n", "-source"},
	}
	for _, tt := range tests {
		for _, h := range []string{"-h", "--help"} {
			out, errOut, err := jalons(tt.cmd, h)
			if err != nil || !strings.HasPrefix(out, tt.first) || !strings.Contains(out, tt.flag) || errOut != "" {
				t.Errorf("jalons %s %s = %v, %q, %q; want nil, %q… with %s, \"\"", tt.cmd, h, err, out, errOut, tt.first, tt.flag)
			}
		}
	}
	// A flag that does not exist shows the command's usage, as an error.
	_, errOut, err := jalons("check", "-x")
	if want := "flag provided but not defined: -x\nusage: jalons check  [-source DIR] [-today YYYY-MM-DD]\n"; err == nil || !strings.HasPrefix(errOut, want) {
		t.Errorf("jalons check -x = %v, %q; want an error, %q…", err, errOut, want)
	}
}
