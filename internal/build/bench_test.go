package build

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"jalons/internal/benchsite"
	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/site"
	"jalons/internal/slug"
)

// writeLargeSite writes a generated site of n actions over 10 axes, 100
// territories and 20 publics, with an indicator per action and a news
// item per 10 actions.
func writeLargeSite(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("config.toml", "title = \"Grand projet\"\nbaseURL = \"https://example.fr/ps/\"\nnewsPerPage = 10\n")
	for a := 0; a < 10; a++ {
		write(fmt.Sprintf("content/axes/axe-%d.md", a), fmt.Sprintf("+++\ntitle = \"Axe %d\"\norder = %d\n+++\nPourquoi cet axe.\n", a, a))
	}
	statuses := []string{"planned", "in_progress", "done", "suspended", "abandoned"}
	for i := 0; i < n; i++ {
		write(fmt.Sprintf("content/actions/action-%d.md", i), fmt.Sprintf(`+++
title = "Action numéro %d"
axis = "axe-%d"
status = %q
start = 2020-01-01
end = 2022-12-31
lead = "CCAS"
partners = ["Mission locale", "Banque alimentaire"]
territories = ["Commune %d", "Quartier %d"]
audience = ["Public %d"]
budget = 15000
summary = "Une phrase pour les listes."
+++
## Objectifs

- Accompagner les familles ;
- Réduire l'isolement.

## Moyens

| Poste | Montant |
|---|---|
| Personnel | 10 000 € |
| Locaux | 5 000 € |

## Évaluation

Un bilan annuel est présenté au comité de pilotage[^1].

[^1]: Compte rendu disponible sur demande.
`, i, i%10, statuses[i%5], i%50, i%50, i%20))
		write(fmt.Sprintf("content/indicators/ind-%d.toml", i), fmt.Sprintf(`title = "Indicateur %d"
action = "action-%d"
unit = "familles"
target = 200
[[values]]
date = 2020-12-31
value = 60
[[values]]
date = 2021-12-31
value = 130
[[values]]
date = 2022-12-31
value = 190
`, i, i))
		if i%10 == 0 {
			write(fmt.Sprintf("content/news/news-%d.md", i), fmt.Sprintf("+++\ntitle = \"Nouvelle %d\"\ndate = 2021-%02d-%02d\nactions = [\"action-%d\"]\n+++\nTexte de la nouvelle.\n", i, i%12+1, i%28+1, i))
		}
	}
	return dir
}

func benchmarkBuild(b *testing.B, n int) {
	dir := writeLargeSite(b, n)
	dest := filepath.Join(b.TempDir(), "public")
	var pages int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Build(b.Context(), Options{Source: dir, Destination: dest})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
	reportSearch(b, dest)
}

// BenchmarkBuildExample builds the example site without reading git (it
// lives in the project's history, which grows), as the golden test does.
func BenchmarkBuildExample(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	var pages int
	for i := 0; i < b.N; i++ {
		res, err := Build(b.Context(), Options{Source: "../..", Destination: dest, NoGit: true})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
	reportSearch(b, dest)
}

// reportSearch reports the size of the search index of the site built in
// dest, gzipped: what a one-word query loads, and the whole. The timer is
// stopped first: compressing is not part of the build.
func reportSearch(b *testing.B, dest string) {
	b.StopTimer()
	files := map[string][]byte{}
	paths, _ := filepath.Glob(filepath.Join(dest, "data", "search", "*.json"))
	for _, p := range append(paths, filepath.Join(dest, "data", "search.json")) {
		if data, err := os.ReadFile(p); err == nil {
			rel, _ := filepath.Rel(dest, p)
			files[filepath.ToSlash(rel)] = data
		}
	}
	query, whole := searchLoad(files)
	b.ReportMetric(float64(query), "search-query-gz-bytes")
	b.ReportMetric(float64(whole), "search-gz-bytes")
}

func BenchmarkBuild1000(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000(b *testing.B) { benchmarkBuild(b, 10000) }

// BenchmarkBuildRealistic10000 builds the site of tools/bench.sh into a
// new folder each time: the profile of a build, with -cpuprofile. Its
// parts that no template changes are BenchmarkLoadRealistic10000 and
// BenchmarkWriteRealistic10000; each reports the processor time of an op
// (cpu-ms/op, user and system, every core: the figure of the CPU target).
func BenchmarkBuildRealistic10000(b *testing.B) {
	dir, _ := realisticSite(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		dest := filepath.Join(b.TempDir(), "public")
		if _, err := Build(b.Context(), Options{Source: dir, Destination: dest, Today: benchToday}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkLoadRealistic10000 reads the site of tools/bench.sh and links
// it: what a build does before its first page.
func BenchmarkLoadRealistic10000(b *testing.B) {
	dir, _ := realisticSite(b)
	fsys, root, err := openSite(dir) // as a build reads
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	cfg, errs := config.Load(fsys.strict)
	if errs != nil {
		b.Fatal(errs)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		items, errs := content.Load(fsys, cfg, false)
		if errs != nil {
			b.Fatal(errs)
		}
		if _, errs := site.Link(items, benchToday); errs != nil {
			b.Fatal(errs)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkWriteRealistic10000 writes the files of the site of
// tools/bench.sh, made once beforehand, into a new folder: what a build
// spends writing its output.
func BenchmarkWriteRealistic10000(b *testing.B) {
	dir, _ := realisticSite(b)
	res, err := Render(b.Context(), Options{Source: dir, Today: benchToday})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, f := range res.Files {
		size += len(f)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := Write(b.Context(), filepath.Join(b.TempDir(), "public"), res.Files); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(len(res.Files)), "files")
	b.ReportMetric(float64(size)/(1<<20), "MiB")
}

var benchToday = content.Date{Year: 2026, Month: 12, Day: 1}

// reportCPU reports the processor time per op since cpu (cpuTime).
func reportCPU(b *testing.B, cpu time.Duration) {
	if cpu < 0 {
		return // not measured here
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkRender1000 is the build of 1,000 actions without the writing.
func BenchmarkRender1000(b *testing.B) {
	dir := writeLargeSite(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Render(b.Context(), Options{Source: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchmarkRebuild is what jalons serve does after a writer saves one
// action: its watcher tells the cache, then a build in memory with the
// cache of the previous build, the open data files and the search index
// left to be made when asked for, the pages of items found when asked
// for (Options.Items).
func benchmarkRebuild(b *testing.B, n int) {
	rebuild(b, writeLargeSite(b, n), "content/actions/action-5.md")
}

// rebuild times the rebuilds of the site in dir after each of b.N edits
// of the action file name: a line appended, as bench.sh does.
func rebuild(b *testing.B, dir, name string) {
	rebuildAfter(b, dir, name, func(orig []byte, i int) []byte {
		return append(orig, fmt.Sprintf("\nModification %d.\n", i)...)
	})
}

// rebuildAfter times the rebuilds of the site in dir after each of b.N
// edits of the action file name, edit(its first text, i) giving its i-th
// text, each followed by the action's page, as a browser that reloads it
// asks jalons serve for it.
func rebuildAfter(b *testing.B, dir, name string, edit func(orig []byte, i int) []byte) {
	cache := &Cache{}
	cache.Watch()
	later := map[string]func() ([]byte, error){}
	var find func(string) (func() ([]byte, error), bool)
	opts := Options{Source: dir, Cache: cache, Today: content.Date{Year: 2026, Month: 12, Day: 1},
		Later: func(p string, make func() ([]byte, error)) { later[p] = make },
		Items: func(_ int, f func(string) (func() ([]byte, error), bool)) { find = f }}
	page := "actions/" + slug.Make(strings.TrimSuffix(path.Base(name), ".md")) + "/index.html"
	if _, err := Render(b.Context(), opts); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, name)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(file, edit(orig, i), 0o644)
		cache.Changed([]string{name}, false)
		if _, err := Render(b.Context(), opts); err != nil {
			b.Fatal(err)
		}
		make, ok := find(page)
		if !ok {
			b.Fatalf("no page %s", page)
		}
		if p, err := make(); err != nil || len(p) == 0 {
			b.Fatalf("%s: %d bytes, %v", page, len(p), err)
		}
	}
}

func BenchmarkRebuildOneAction1000(b *testing.B)  { benchmarkRebuild(b, 1000) }
func BenchmarkRebuildOneAction10000(b *testing.B) { benchmarkRebuild(b, 10000) }

// BenchmarkRebuildRealistic10000 is the one-action rebuild on the site of
// tools/bench.sh (package benchsite): longer texts, milestones, more
// territories and publics, history-free.
func BenchmarkRebuildRealistic10000(b *testing.B) {
	dir, name := realisticSite(b)
	rebuild(b, dir, name)
}

// BenchmarkRebuildStatusRealistic10000 is the rebuild after an action's
// status changes, back and forth, on the site of tools/bench.sh: its card
// changes, and with it its axis's and every list that shows it.
func BenchmarkRebuildStatusRealistic10000(b *testing.B) {
	dir, name := realisticSite(b)
	status := regexp.MustCompile(`(?m)^status = ".*"$`)
	rebuildAfter(b, dir, name, func(orig []byte, i int) []byte {
		return status.ReplaceAll(orig, []byte([]string{`status = "done"`, `status = "suspended"`}[i%2]))
	})
}

// realisticSite writes the site of tools/bench.sh at 10,000 actions, and
// returns its folder and the file of an action in the middle.
func realisticSite(b *testing.B) (dir, action string) {
	dir = filepath.Join(b.TempDir(), "site")
	if err := benchsite.Write(dir, 10000); err != nil {
		b.Fatal(err)
	}
	actions, _ := filepath.Glob(filepath.Join(dir, "content", "actions", "*.md"))
	name, _ := filepath.Rel(dir, actions[len(actions)/2])
	return dir, filepath.ToSlash(name)
}
