package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Git runs git in dir for a test, as a fixed author, with the commit
// dates day (YYYY-MM-DD) gives, and returns its output. Variables that
// would point git at another repository are left out.
func Git(t testing.TB, dir, day string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Jalons", "-c", "user.email=jalons@example.fr",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if day != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+day+"T12:00:00+02:00", "GIT_COMMITTER_DATE="+day+"T12:00:00+02:00")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Commit writes the files of a txtar archive into dir (an empty file is
// removed), and commits every change under dir on day with message.
func Commit(t testing.TB, dir, day, message, archive string) {
	t.Helper()
	WriteFiles(t, dir, archive)
	Git(t, dir, day, "add", "-A", ".")
	Git(t, dir, day, "commit", "-q", "--allow-empty", "-m", message)
}

// WriteFiles writes the files of a txtar archive into dir; a file
// without content is removed.
func WriteFiles(t testing.TB, dir, archive string) {
	t.Helper()
	for name, f := range FS(archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if len(f.Data) == 0 {
			os.Remove(p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// NoGitAbove keeps git from finding a repository above dir's parent
// folder during the test (a temporary folder inside someone's work tree).
func NoGitAbove(t *testing.T, dir string) {
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
}
