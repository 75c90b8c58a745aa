// Package gitlog reads what git knows of the files of a site whose folder
// lies inside a git work tree: the commits that changed each file (its
// last-updated date, section 12.4 of docs/content-format.md), the files
// with changes not yet committed, and old versions of files (the history
// of section 12.5).
//
// It runs the ordinary git command, a few processes per build whatever
// the number of files: one `git status` for the uncommitted files and the
// commit HEAD names, one `git log` over the whole history for every
// file's commits, and one `git cat-file --batch` for all the old versions
// asked for, by their blob ids (no path to resolve in old trees). Open
// returns nil when git is not on PATH or the folder is not
// inside a work tree; callers then build as if git did not exist.
package gitlog

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"jalons/internal/tomlfile"
)

// Repo is a site's folder inside a git work tree.
type Repo struct {
	dir       string // the site's folder
	prefix    string // the site's folder from the work tree's top: "site/", or ""
	gitDir    string // the work tree's git folder, absolute: its HEAD and index
	commonDir string // the repository's, absolute: its branches
}

// Open returns the work tree that holds dir, or nil when there is none or
// git cannot be run.
func Open(dir string) *Repo {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	r := &Repo{dir: dir}
	out, err := r.git(nil, "rev-parse", "--is-inside-work-tree", "--show-prefix", "--path-format=absolute", "--git-dir", "--git-common-dir")
	if err != nil {
		return nil
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) < 4 || lines[0] != "true" {
		return nil
	}
	r.prefix, r.gitDir, r.commonDir = lines[1], lines[2], lines[3]
	return r
}

// Stamp sums up the state of the repository that git status reads
// besides the work tree: where HEAD points, the commit of its branch and
// the index (the files that say so, by identity, size and time). While
// the stamp stays the same, only the files of the work tree that changed
// may have another status.
func (r *Repo) Stamp() string {
	var b strings.Builder
	files := []string{filepath.Join(r.gitDir, "HEAD"), filepath.Join(r.gitDir, "index"), filepath.Join(r.commonDir, "packed-refs")}
	if head, err := os.ReadFile(files[0]); err == nil {
		if ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: "); ok {
			files = append(files, filepath.Join(r.commonDir, filepath.FromSlash(ref)))
		}
	}
	for _, f := range files {
		fmt.Fprintf(&b, "%s ", f)
		if st, err := os.Stat(f); err == nil {
			fmt.Fprintf(&b, "%d %d %d", fileID(st), st.Size(), st.ModTime().UnixNano())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// outerEnv are the variables that would make git read another repository
// than the one holding the site's folder (set, for example, while a git
// hook runs).
var outerEnv = []string{"GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=", "GIT_COMMON_DIR=",
	"GIT_OBJECT_DIRECTORY=", "GIT_ALTERNATE_OBJECT_DIRECTORIES=", "GIT_NAMESPACE=", "GIT_PREFIX="}

func (r *Repo) cmd(args ...string) *exec.Cmd {
	c := exec.Command("git", append([]string{"-C", r.dir, "--no-optional-locks"}, args...)...)
	for _, kv := range os.Environ() {
		keep := true
		for _, p := range outerEnv {
			keep = keep && !strings.HasPrefix(kv, p)
		}
		if keep {
			c.Env = append(c.Env, kv)
		}
	}
	return c
}

// git runs a git command in the site's folder and returns its output.
func (r *Repo) git(stdin io.Reader, args ...string) ([]byte, error) {
	c := r.cmd(args...)
	c.Stdin = stdin
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// Status is what `git status` says of the site's folder.
type Status struct {
	Head        string          // the commit HEAD names; "" before the first commit
	Uncommitted map[string]bool // files changed, added or new but not committed, from the site's folder
}

// Status runs `git status` over folder, from the site's folder ("content",
// or "." for the whole site); with files (from the site's folder), over
// those files alone.
func (r *Repo) Status(folder string, files ...string) (Status, error) {
	args := []string{"status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--"}
	if len(files) == 0 {
		args = append(args, folder)
	}
	for _, f := range files {
		args = append(args, ":(literal)"+f)
	}
	out, err := r.git(nil, args...)
	if err != nil {
		return Status{}, err
	}
	st := Status{Uncommitted: map[string]bool{}}
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		// Each entry's path comes after a number of fields separated by
		// spaces; a rename's old path follows in the next field.
		var skip int
		switch {
		case strings.HasPrefix(f, "# branch.oid "):
			if oid := strings.TrimPrefix(f, "# branch.oid "); oid != "(initial)" {
				st.Head = oid
			}
			continue
		case strings.HasPrefix(f, "1 "):
			skip = 8
		case strings.HasPrefix(f, "2 "):
			skip = 9
			i++ // the old path
		case strings.HasPrefix(f, "u "):
			skip = 10
		case strings.HasPrefix(f, "? "):
			skip = 1
		default:
			continue
		}
		parts := strings.SplitN(f, " ", skip+1)
		if len(parts) == skip+1 {
			if p, ok := strings.CutPrefix(parts[skip], r.prefix); ok {
				st.Uncommitted[p] = true
			}
		}
	}
	return st, nil
}

// Commit is a commit that changed files of the site.
type Commit struct {
	Hash    string
	Date    tomlfile.Date // the committer's day, in the committer's time zone
	Subject string        // the first line of its message
}

// Change is a commit's change to a file.
type Change struct {
	*Commit
	Blob string // the file's content after the commit; "" when the commit deleted it
}

// Log is the history of the site's folder: for each file that a commit
// changed, from the site's folder ("content/actions/x.md"), the commits
// that changed it, newest first. A file's name is followed no further
// back than its last rename.
type Log map[string][]Change

// Log reads the whole history of folder, from the site's folder
// ("content", or "." for the whole site), with one `git log`.
// Merge commits are left out: a file changed on a branch has the date of
// the commit that changed it there.
func (r *Repo) Log(folder string) (Log, error) {
	out, err := r.git(nil, "log", "--relative", "--no-merges", "--no-renames", "--no-color", "--no-show-signature",
		"--no-abbrev", "--format=%x01%H %cs%n%B", "--raw", "-z", "--", folder)
	if err != nil {
		return nil, err
	}
	log := Log{}
	var c *Commit
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if head, ok := strings.CutPrefix(f, "\x01"); ok {
			line, msg, _ := strings.Cut(head, "\n")
			hash, day, _ := strings.Cut(line, " ")
			t, err := time.Parse(time.DateOnly, day)
			if err != nil {
				return nil, fmt.Errorf("git log: unexpected date %q", day)
			}
			subject, _, _ := strings.Cut(strings.TrimLeft(msg, "\n"), "\n")
			c = &Commit{Hash: hash, Date: tomlfile.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, Subject: strings.TrimSpace(subject)}
			continue
		}
		// ":<mode> <mode> <blob before> <blob after> <status>", then the path
		raw := strings.Fields(strings.TrimPrefix(f, "\n"))
		if len(raw) != 5 || !strings.HasPrefix(raw[0], ":") || c == nil || i+1 == len(fields) {
			continue
		}
		i++
		blob := raw[3]
		if strings.Trim(blob, "0") == "" {
			blob = ""
		}
		log[fields[i]] = append(log[fields[i]], Change{Commit: c, Blob: blob})
	}
	return log, nil
}

// Read reads blobs (the contents of files) with one `git cat-file --batch`
// and passes each one's text to fn, in order; the text is fn's only
// during the call. A blob that does not exist or is larger than maxSize
// bytes is not passed.
func (r *Repo) Read(blobs []string, maxSize int64, fn func(i int, text []byte)) error {
	if len(blobs) == 0 {
		return nil
	}
	c := r.cmd("cat-file", "--batch")
	stdin, err := c.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := c.StdoutPipe()
	if err != nil {
		return err
	}
	if err := c.Start(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // write while reading, or both pipes fill up
		defer wg.Done()
		w := bufio.NewWriter(stdin)
		for _, b := range blobs {
			fmt.Fprintln(w, b)
		}
		w.Flush()
		stdin.Close()
	}()
	err = readBatch(bufio.NewReaderSize(stdout, 64<<10), len(blobs), maxSize, fn)
	if err != nil {
		io.Copy(io.Discard, stdout)
	}
	wg.Wait()
	if werr := c.Wait(); err == nil && werr != nil {
		err = fmt.Errorf("git cat-file: %v", werr)
	}
	return err
}

// readBatch reads n answers of `git cat-file --batch`: "<hash> <type>
// <size>\n<content>\n", or "<name> missing\n".
func readBatch(br *bufio.Reader, n int, maxSize int64, fn func(i int, text []byte)) error {
	var buf []byte
	for i := range n {
		line, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %v", err)
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			continue // missing, or ambiguous
		}
		size, err := strconv.ParseInt(fields[2], 10, 64)
		if err != nil {
			return errors.New("git cat-file: unexpected answer " + strconv.Quote(line))
		}
		if size > maxSize || fields[1] != "blob" {
			if _, err := br.Discard(int(size) + 1); err != nil {
				return fmt.Errorf("git cat-file: %v", err)
			}
			continue
		}
		if int64(cap(buf)) < size+1 {
			buf = make([]byte, size+1)
		}
		b := buf[:size+1]
		if _, err := io.ReadFull(br, b); err != nil {
			return fmt.Errorf("git cat-file: %v", err)
		}
		fn(i, b[:size])
	}
	return nil
}
