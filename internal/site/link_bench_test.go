package site

import (
	"os"
	"testing"

	"jalons/internal/benchsite"
	"jalons/internal/config"
	"jalons/internal/content"
)

// BenchmarkLinkRealistic10000 links the items of the benchmark site of
// 10,000 actions, as every rebuild of serve does.
func BenchmarkLinkRealistic10000(b *testing.B) {
	dir := b.TempDir()
	if err := benchsite.Write(dir, 10000); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, errs := config.Load(fsys)
	if errs != nil {
		b.Fatal(errs)
	}
	in, errs := content.Load(fsys, cfg, false)
	if errs != nil {
		b.Fatal(errs)
	}
	for b.Loop() {
		if _, errs := Link(in, testToday); errs != nil {
			b.Fatal(errs)
		}
	}
}
