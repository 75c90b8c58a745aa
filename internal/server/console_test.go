package server

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jalons/internal/build"
	"jalons/internal/sitetest"
	"jalons/internal/watch"
)

// durations are the times in a line, which vary from run to run.
var durations = regexp.MustCompile(`\b\d+(\.\d+)?(ns|µs|ms|s)\b`)

// TestConsoleLines checks every line serve prints, in French and in
// English: the first build, a change that breaks the site, and changes
// that mend it.
func TestConsoleLines(t *testing.T) {
	const broken = "+++\ntitle = \"Action X\"\naxis = \"b\"\nstatus = \"done\"\n+++\n"
	tests := []struct {
		lang string
		want []string // stdout and stderr after each step, durations as D
	}{
		{"fr", []string{
			"jalons: 13 pages prêtes en D (chacune est faite quand un navigateur la demande)\n", "",
			"", "jalons: content/actions/x.md modifié\u00a0: 1 problème en D\u00a0; le site servi reste la dernière version correcte\n" +
				"content/actions/x.md:3:1: axe inconnu \"b\" (valeurs possibles\u00a0: a)\n",
			"jalons: 2 fichiers modifiés\u00a0: 13 pages prêtes en D (chacune est faite quand un navigateur la demande)\n", "",
			"jalons: dossiers modifiés\u00a0: 13 pages prêtes en D (chacune est faite quand un navigateur la demande)\n", "",
			"jalons: site servi sur http://ADDR/projet-social/ (Ctrl+C pour arrêter)\n",
		}},
		{"en", []string{
			"jalons: 13 pages ready in D (each is made when a browser asks for it)\n", "",
			"", "jalons: content/actions/x.md changed: 1 problem in D, still serving the last good build\n" +
				"content/actions/x.md:3:1: unknown axis \"b\" (known: a)\n",
			"jalons: 2 files changed: 13 pages ready in D (each is made when a browser asks for it)\n", "",
			"jalons: folders changed: 13 pages ready in D (each is made when a browser asks for it)\n", "",
			"jalons: serving on http://ADDR/projet-social/ (Ctrl+C to stop)\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dir := sitetest.Dir(t, strings.Replace(site, "title = \"Projet social\"", "title = \"Projet social\"\nlanguage = \""+tt.lang+"\"", 1))
			s := New(build.Options{Source: dir})
			var stdout, stderr bytes.Buffer
			out := &output{stdout: &stdout, stderr: &stderr}
			var got []string
			step := func(paths []string, full bool) {
				var why *changes
				if paths != nil || full {
					why = &changes{}
					why.add(watch.Batch{Paths: paths, Full: full})
				}
				if why == nil {
					s.rebuild(out, nil)
				} else {
					s.rebuild(out, why.why())
				}
				got = append(got, durations.ReplaceAllString(stdout.String(), "D"), durations.ReplaceAllString(stderr.String(), "D"))
				stdout.Reset()
				stderr.Reset()
			}
			action := filepath.Join(dir, "content", "actions", "x.md")
			good, _ := os.ReadFile(action)
			step(nil, false)
			os.WriteFile(action, []byte(broken), 0o644)
			step([]string{"content/actions/x.md"}, false)
			os.WriteFile(action, good, 0o644)
			step([]string{"content/actions/x.md", "content/axes/a.md"}, false)
			step(nil, true)

			ctx, cancel := context.WithCancel(context.Background())
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- Serve(ctx, Config{Build: build.Options{Source: dir}, Addr: "127.0.0.1:0",
					Ready: func(addr string) { ready <- addr }}, &stdout, &stderr)
			}()
			var addr string
			select {
			case addr = <-ready:
			case err := <-done:
				t.Fatalf("Serve stopped: %v", err)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			// Serve has returned: it prints nothing more.
			_, serving, _ := strings.Cut(stdout.String(), "\n")
			got = append(got, strings.ReplaceAll(serving, addr, "ADDR"))

			for i := range max(len(got), len(tt.want)) {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(tt.want) {
					w = tt.want[i]
				}
				if g != w {
					t.Errorf("line %d = %q; want %q", i, g, w)
				}
			}
		})
	}
}
