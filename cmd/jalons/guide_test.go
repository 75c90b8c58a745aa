package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// guide is the guide for the people who keep a site up to date.
const guide = "../../docs/publier-une-mise-a-jour.md"

// fence is a fenced block of the guide: its info string and its text.
var fence = regexp.MustCompile("(?ms)^```([^\n]*)\n(.*?)^```\n")

// TestGuide does what docs/publier-une-mise-a-jour.md says, in a site
// made by jalons init: each file it shows (a block whose info string names
// its path) is written in its place, each command it shows is run, in the
// guide's order, and what the guide quotes of their output is what they
// print. So the guide cannot drift from what jalons does.
func TestGuide(t *testing.T) {
	text, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1795996800") // 2026-12-01
	dir := filepath.Join(t.TempDir(), "site")
	if _, errOut, err := jalons("init", dir); err != nil {
		t.Fatalf("jalons init: %v %s", err, errOut)
	}
	var files, commands int
	var checked string // what the last jalons check printed
	for _, m := range fence.FindAllStringSubmatch(string(text), -1) {
		info, body := strings.Fields(m[1]), m[2]
		switch {
		case len(info) == 2: // a file of the site
			p := filepath.Join(dir, filepath.FromSlash(info[1]))
			if _, err := os.Stat(p); err != nil {
				t.Errorf("the guide shows %s, which jalons init or an earlier command did not make", info[1])
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			files++
		case len(info) == 1 && info[0] == "sh":
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				args := fields(t, line)
				if args[0] != "jalons" {
					t.Fatalf("the guide runs %q, not jalons", line)
				}
				commands++
				if args[1] == "serve" {
					continue // it runs until Ctrl+C; internal/server tests it
				}
				out, errOut, err := jalons(append(args[1:], "-source", dir)...)
				if err != nil {
					t.Errorf("%s: %v\n%s", line, err, errOut)
				}
				if args[1] == "check" {
					checked = out
				}
				if args[1] == "build" {
					// the guide quotes a line of the same shape, run from the site's folder
					got := durations.ReplaceAllString(strings.ReplaceAll(out, dir+string(filepath.Separator), ""), "$1 D")
					quoted := regexp.MustCompile("`(jalons: [^`]* écrits dans [^`]*)`").FindStringSubmatch(string(text))
					if quoted == nil || durations.ReplaceAllString(quoted[1], "$1 D")+"\n" != got {
						t.Errorf("jalons build printed %q; the guide quotes %q", got, quoted)
					}
				}
			}
		case len(info) == 1 && info[0] == "text": // a problem jalons check reports
			want := strings.TrimSpace(body)
			file, _, _ := strings.Cut(want, ":")
			p := filepath.Join(dir, filepath.FromSlash(file))
			good, _ := os.ReadFile(p)
			bad := strings.Replace(string(good), "date = 2026-09-30", "date = 30/09/2026", 1)
			if bad == string(good) || !strings.Contains(string(text), "`date = 30/09/2026`") {
				t.Fatal("the guide's mistake is no longer date = 30/09/2026 in the new value: change this test with it")
			}
			os.WriteFile(p, []byte(bad), 0o644)
			_, errOut, err := jalons("check", "-source", dir)
			if err == nil || strings.TrimSpace(errOut) != want {
				t.Errorf("jalons check of the guide's mistake = %v, %q; the guide shows %q", err, errOut, want)
			}
			os.WriteFile(p, good, 0o644)
		}
	}
	if files != 3 || commands != 4 {
		t.Errorf("the guide has %d files and %d commands; this test expects 3 and 4: is the search right?", files, commands)
	}
	if quote := "`" + strings.TrimSuffix(checked, "\n") + "`"; checked == "" || !strings.Contains(string(text), quote) {
		t.Errorf("jalons check printed %q; the guide does not quote it", checked)
	}
}

// fields splits a command line of the guide into its arguments, keeping a
// quoted argument whole.
func fields(t *testing.T, line string) []string {
	t.Helper()
	var args []string
	for _, m := range regexp.MustCompile(`"([^"]*)"|(\S+)`).FindAllStringSubmatch(line, -1) {
		if m[2] != "" {
			args = append(args, m[2])
		} else {
			args = append(args, m[1])
		}
	}
	return args
}
