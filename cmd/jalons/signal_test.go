package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for jalons: with JALONS_MAIN set,
// it runs the command, so that tests can interrupt and kill a real
// process; so it does for the process that removes a build's previous
// output (see aside).
func TestMain(m *testing.M) {
	if os.Getenv("JALONS_MAIN") == "1" || os.Getenv(asideEnv) != "" {
		if log := os.Getenv("JALONS_TEST_ASIDE_LOG"); log != "" && os.Getenv(asideEnv) != "" {
			// TestAside: say that a process of its own removes the folder.
			f, _ := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			fmt.Fprintln(f, os.Getenv(asideEnv))
			f.Close()
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// bigSite writes a site of n actions whose titles carry version, so that
// two builds give different outputs.
func bigSite(t *testing.T, dir string, n int, version string) {
	t.Helper()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "title = \"Projet social "+version+"\"\n")
	write("content/axes/a.md", "+++\ntitle = \"Axe\"\n+++\n")
	for i := range n {
		write(fmt.Sprintf("content/actions/action-%d.md", i), fmt.Sprintf(
			"+++\ntitle = \"Action %d, %s\"\naxis = \"a\"\nstatus = \"in_progress\"\n+++\n## Objectifs\n\nAccompagner les familles.\n", i, version))
	}
}

// tree is a digest of every file under dir, by path.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	files := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

func start(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "JALONS_MAIN=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// leftoversBeside lists the temporary folders beside public/, once the
// removal of a previous output that a build left to a process of its own
// (see aside) is over: it waits up to a minute for them to go.
func leftoversBeside(t *testing.T, src string) []string {
	var left []string
	for end := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		left, _ = filepath.Glob(filepath.Join(src, ".public.new-*"))
		if len(left) == 0 || time.Now().After(end) {
			break
		}
	}
	sort.Strings(left)
	return left
}

// TestKilledBuild kills builds at many moments, the write included: the
// output is always one whole build, the old or the new, and the next
// build leaves nothing behind.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 1,500 actions several times")
	}
	src := t.TempDir()
	bigSite(t, src, 1500, "A")
	if _, errOut, err := jalons("build", "-source", src); err != nil {
		t.Fatalf("first build: %v\n%s", err, errOut)
	}
	public := filepath.Join(src, "public")
	old := tree(t, public)
	bigSite(t, src, 1500, "B")
	// How long a whole build takes here, to spread the kills over it.
	began := time.Now()
	cmd, out := start(t, "build", "-source", src)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("build B: %v\n%s", err, out)
	}
	whole := time.Since(began)
	new := tree(t, public)
	bigSite(t, src, 1500, "A") // builds from now on write A over B
	old, new = new, old
	kinds := map[string]int{}
	for i := range 12 {
		cmd, _ := start(t, "build", "-source", src)
		time.Sleep(whole * time.Duration(i+1) / 10)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		now := tree(t, public)
		switch {
		case sameTree(now, old):
			kinds["old"]++
		case sameTree(now, new):
			kinds["new"]++
			old = new // the next builds replace A by A
		default:
			t.Fatalf("killed after %v: public/ is neither the old build nor the new one (%d files)", whole*time.Duration(i+1)/10, len(now))
		}
	}
	t.Logf("a build takes %v; after 12 kills public/ was: %v", whole, kinds)
	if _, errOut, err := jalons("build", "-source", src); err != nil {
		t.Fatalf("build after kills: %v\n%s", err, errOut)
	}
	if left := leftoversBeside(t, src); len(left) > 0 {
		t.Errorf("temporary folders left after the next build: %v", left)
	}
}

// TestCtrlC: an interrupted build stops, says that nothing was written,
// leaves the output whole and no temporary folder.
func TestCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 1,500 actions")
	}
	src := t.TempDir()
	bigSite(t, src, 1500, "A")
	if _, errOut, err := jalons("build", "-source", src); err != nil {
		t.Fatalf("first build: %v\n%s", err, errOut)
	}
	public := filepath.Join(src, "public")
	before := tree(t, public)
	bigSite(t, src, 1500, "B")
	for _, cmdName := range []string{"build", "check"} {
		tested := 0
		for _, after := range []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond} {
			cmd, out := start(t, cmdName, "-source", src)
			time.Sleep(after)
			cmd.Process.Signal(os.Interrupt)
			err := cmd.Wait()
			if err == nil {
				// The build was faster than the signal: nothing to test.
				t.Logf("%s finished before Ctrl+C at %v", cmdName, after)
				before = tree(t, public)
				continue
			}
			if ee, ok := err.(*exec.ExitError); ok && ee.Sys().(syscall.WaitStatus).Signaled() {
				t.Logf("%s had not started yet at %v", cmdName, after)
				continue
			}
			tested++
			if !strings.Contains(out.String(), "jalons: interrompu\u00a0: rien n'a été écrit, le site précédent est intact") {
				t.Errorf("%s interrupted after %v printed %q", cmdName, after, out)
			}
			if !sameTree(tree(t, public), before) {
				t.Errorf("%s interrupted after %v changed public/", cmdName, after)
			}
			if left := leftoversBeside(t, src); len(left) > 0 {
				t.Errorf("%s interrupted after %v left %v", cmdName, after, left)
			}
		}
		if tested == 0 {
			t.Errorf("%s was never interrupted while running", cmdName)
		}
	}
}

// TestAside: a build of asideFrom pages or more leaves its previous output
// to a process of its own, which removes it; a smaller one removes it
// before the command returns. Either way public/ is the new build, and
// nothing is left beside it.
func TestAside(t *testing.T) {
	log := filepath.Join(t.TempDir(), "aside.log")
	t.Setenv("JALONS_TEST_ASIDE_LOG", log)
	defer func(n int) { asideFrom = n }(asideFrom)
	for _, c := range []struct {
		from       int
		background bool
	}{{1000, false}, {1, true}} {
		asideFrom = c.from
		os.Remove(log)
		src := t.TempDir()
		bigSite(t, src, 3, "A")
		if _, errOut, err := jalons("build", "-source", src); err != nil {
			t.Fatalf("first build: %v\n%s", err, errOut)
		}
		bigSite(t, src, 3, "B")
		if _, errOut, err := jalons("build", "-source", src); err != nil {
			t.Fatalf("second build: %v\n%s", err, errOut)
		}
		public := filepath.Join(src, "public")
		if !c.background {
			// Removed before the command returned: no waiting.
			if left, _ := filepath.Glob(filepath.Join(src, ".public.new-*")); len(left) > 0 {
				t.Errorf("asideFrom %d: left %v", c.from, left)
			}
		} else if left := leftoversBeside(t, src); len(left) > 0 {
			t.Errorf("asideFrom %d: left %v", c.from, left)
		}
		b, err := os.ReadFile(filepath.Join(public, "index.html"))
		if err != nil || !strings.Contains(string(b), "Projet social B") {
			t.Errorf("asideFrom %d: public/ is not the second build (%v)", c.from, err)
		}
		logged, _ := os.ReadFile(log)
		if got := strings.Contains(string(logged), filepath.Join(src, ".public.new-")); got != c.background {
			t.Errorf("asideFrom %d: removed by a process of its own: %v, want %v (%q)", c.from, got, c.background, logged)
		}
	}

	// The process removes nothing but a folder a build left.
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), asideEnv+"="+dir)
	if err := cmd.Run(); err == nil {
		t.Errorf("the removal of %s succeeded", dir)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("the removal of a folder no build left: %v", err)
	}
}

// TestHideFromGit: in a site kept in git, the folder being removed after
// a build is not one that git add -A would add.
func TestHideFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	dir := filepath.Join(repo, ".public.new-123")
	os.MkdirAll(filepath.Join(dir, "actions", "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "actions", "a", "index.html"), []byte("<p>a</p>"), 0o644)
	if got := git("status", "--porcelain", "--untracked-files=all"); !strings.Contains(got, ".public.new-123/actions/a/index.html") {
		t.Fatalf("git status before hideFromGit: %q", got)
	}
	hideFromGit(dir)
	if got := git("status", "--porcelain", "--untracked-files=all", "--ignored=no"); got != "" {
		t.Errorf("git status after hideFromGit: %q, want nothing", got)
	}
}
