package benchsite

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"jalons/internal/build"
	"jalons/internal/slug"
)

// files reads every file under dir, by path relative to it.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSameNSameBytes(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		if err := Write(dir, 300); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := files(t, a), files(t, b)
	if got, want := slices.Sorted(maps.Keys(fb)), slices.Sorted(maps.Keys(fa)); !slices.Equal(got, want) {
		t.Fatalf("second write has %d files; first has %d", len(got), len(want))
	}
	for name, data := range fa {
		if !bytes.Equal(fb[name], data) {
			t.Errorf("%s differs between two writes of the same site", name)
		}
	}
	// What a site must hold besides plain files, so that a build meets it.
	var crlf, bom, accented int
	for name, data := range fa {
		if bytes.Contains(data, []byte("\r\n")) {
			crlf++
		}
		if bytes.HasPrefix(data, []byte("\uFEFF")) {
			bom++
		}
		if strings.ContainsAny(name, "éèàÀÉ ") {
			accented++
		}
	}
	if crlf < 10 || bom < 10 || accented < 10 {
		t.Errorf("Write(300) gives %d CRLF files, %d with a BOM, %d accented names; want 10 or more of each", crlf, bom, accented)
	}
}

func TestWriteRefusesAFullFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("à garder"), 0o644)
	if err := Write(dir, 10); err == nil {
		t.Errorf("Write into a folder holding a file = nil; want an error")
	}
}

// TestBuilds builds a generated site: no problem, no note, and the pages
// each count of SizeOf calls for, so the generator cannot drift from the
// content format.
func TestBuilds(t *testing.T) {
	for _, n := range []int{1, 200} {
		dir := filepath.Join(t.TempDir(), "site")
		if err := Write(dir, n); err != nil {
			t.Fatal(err)
		}
		today, err := build.Today(Today.Format(time.DateOnly))
		if err != nil {
			t.Fatal(err)
		}
		res, err := build.Build(t.Context(), build.Options{Source: dir, Today: today, NoGit: true})
		if err != nil {
			t.Fatalf("Write(%d) then Build: %v", n, err)
		}
		for _, note := range res.Site.Notes {
			t.Errorf("Write(%d) then Build: note %s", n, note)
		}
		if n == 1 {
			continue // the smallest site builds; its pages depend on chance
		}
		s := SizeOf(n)
		newsPages := (s.News + 9) / 10 // newsPerPage = 10
		want := map[string]int{
			"index.html": 1, "404.html": 1,
			"axes":        s.Axes,
			"actions":     s.Actions + 1 + 5, // the list, one page per status
			"indicateurs": s.Indicators + 1,
			"actualites":  s.News + newsPages,
			"gouvernance": 1,
			"territoires": s.Territories + 1,
			"publics":     s.Audiences + 1,
			"jalons":      1, "recherche": 1, "data": 1,
		}
		for _, p := range pages {
			want[slug.Make(p.file)] = 1
		}
		got := map[string]int{}
		for p := range res.Files {
			if strings.HasSuffix(p, ".html") {
				top, _, _ := strings.Cut(p, "/")
				got[top]++
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("Write(%d) then Build: pages by section = %v; want %v", n, got, want)
		}
		if len(res.Site.Actions) != s.Actions || len(res.Site.Indicators) != s.Indicators || len(res.Site.News) != s.News {
			t.Errorf("Write(%d) then Build: %d actions, %d indicators, %d news; want %d, %d, %d", n,
				len(res.Site.Actions), len(res.Site.Indicators), len(res.Site.News), s.Actions, s.Indicators, s.News)
		}
		if !utf8.Valid(res.Files["index.html"]) {
			t.Errorf("Write(%d) then Build: index.html is not UTF-8", n)
		}
	}
}
