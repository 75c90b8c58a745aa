package config

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad reads any bytes as config.toml: no panic, and a config without
// problems has its defaults.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("title = \"Projet social\"\nmaxFileSize = 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, errs := Load(fstest.MapFS{File: {Data: data}})
		for _, e := range errs {
			if e.Pos.File != File {
				t.Fatalf("Load(%q): problem outside config.toml: %v", data, e)
			}
		}
		if c != nil && errs == nil && (c.MaxFileSize < 1 || c.NewsPerPage < 1 || c.Base == nil) {
			t.Fatalf("Load(%q) = %+v: defaults missing", data, c)
		}
	})
}
