// Package sitetest writes whole test sites inline, as txtar archives:
//
//	-- config.toml --
//	title = "Projet social"
//	-- content/actions/epicerie.md --
//	+++
//	title = "Épicerie sociale"
//	…
//
// so that a test reads like the content a user writes.
package sitetest

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// FS returns the files of a txtar archive as a file system.
func FS(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Dir writes the files of a txtar archive into a new temporary folder and
// returns its path.
func Dir(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
