package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jalons/internal/config"
	"jalons/internal/sitetest"
)

// writeGitSite writes a generated site of about 1,000 files (470 actions
// and as many indicators, 47 news items, 10 axes) in a git repository, in
// 50 commits: the first adds every file, each of the 49 others changes 20
// actions (their status, mostly).
func writeGitSite(b *testing.B) string {
	dir := writeLargeSite(b, 470)
	sitetest.Git(b, dir, "", "init", "-q")
	sitetest.Git(b, dir, "2020-01-01", "add", "-A", ".")
	sitetest.Git(b, dir, "2020-01-01", "commit", "-q", "-m", "Les fiches")
	statuses := []string{"planned", "in_progress", "done", "suspended", "abandoned"}
	for c := 1; c < 50; c++ {
		for k := 0; k < 20; k++ {
			p := filepath.Join(dir, fmt.Sprintf("content/actions/action-%d.md", (c*20+k)%470))
			text, _ := os.ReadFile(p)
			s := string(text)
			for _, st := range statuses {
				s = strings.Replace(s, fmt.Sprintf("status = %q", st), fmt.Sprintf("status = %q", statuses[(c+k)%5]), 1)
			}
			os.WriteFile(p, []byte(s+fmt.Sprintf("\nRévision %d.\n", c)), 0o644)
		}
		day := fmt.Sprintf("2020-%02d-%02d", c%12+1, c%28+1)
		sitetest.Git(b, dir, day, "commit", "-q", "-a", "-m", fmt.Sprintf("Commit %d", c))
	}
	return dir
}

func benchmarkGit(b *testing.B, dir string, history bool) {
	cfg := &config.Config{History: history, MaxFileSize: config.DefaultMaxFileSize}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if g := readGit(dir, cfg, &gitCache{}); g == nil {
			b.Fatal("no git")
		}
	}
}

// BenchmarkGit1000 is the reading of git's dates for a site of 1,000
// files in 50 commits; BenchmarkGitHistory1000 adds the history (every
// version of the action files decoded).
func BenchmarkGit1000(b *testing.B)        { benchmarkGit(b, writeGitSite(b), false) }
func BenchmarkGitHistory1000(b *testing.B) { benchmarkGit(b, writeGitSite(b), true) }

// BenchmarkGitExample reads the dates and history of the example site in
// the project's own history.
func BenchmarkGitExample(b *testing.B) {
	if gitRepoOf(b, "../..") {
		benchmarkGit(b, "../..", true)
	}
}

func gitRepoOf(b *testing.B, dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		b.Skip("the example site is not in a git work tree")
		return false
	}
	return true
}

// BenchmarkBuildGit1000 is a whole build of that site with history, and
// BenchmarkBuildNoGit1000 the same build without git.
func BenchmarkBuildGit1000(b *testing.B)   { benchmarkBuildGit(b, false) }
func BenchmarkBuildNoGit1000(b *testing.B) { benchmarkBuildGit(b, true) }

func benchmarkBuildGit(b *testing.B, noGit bool) {
	dir := writeGitSite(b)
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Grand projet\"\nbaseURL = \"https://example.fr/ps/\"\nhistory = true\n"), 0o644)
	sitetest.Git(b, dir, "2021-01-01", "commit", "-q", "-a", "-m", "Historique")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Render(b.Context(), Options{Source: dir, NoGit: noGit}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildGitRealistic10000 is the one-action rebuild of
// BenchmarkRebuildRealistic10000 with the site in a git repository (one
// commit): serve's rebuild asks git what is not committed. The index is
// written again a second after the files, as in a repository used for
// some time: else git would read every file again at each status, their
// times too close to the index's to tell.
func BenchmarkRebuildGitRealistic10000(b *testing.B) {
	dir, name := realisticSite(b)
	sitetest.Git(b, dir, "", "init", "-q")
	sitetest.Git(b, dir, "", "config", "gc.auto", "0") // no packing in the background while it runs
	sitetest.Git(b, dir, "2026-01-01", "add", "-A", ".")
	sitetest.Git(b, dir, "2026-01-01", "commit", "-q", "-m", "Les fiches")
	time.Sleep(1100 * time.Millisecond)
	sitetest.Git(b, dir, "", "update-index", "-q", "--really-refresh")
	rebuild(b, dir, name)
}
