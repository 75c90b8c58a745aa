package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"jalons/internal/diag"
)

// Marker is the file every build writes at the root of its output. A
// destination that holds anything is replaced only when it carries it:
// the build never deletes what it did not make.
const Marker = ".jalons-build"

const markerText = "This folder was made by jalons build. The next build replaces it whole:\ndo not keep other files here.\n"

// destination returns the folder to write, its path resolved (symbolic
// links, "..", the current folder), or an error saying why it is refused.
// The rule (section 10 of the content format): a destination is replaced
// only when it is absent, empty, or marked by an earlier build; it is
// never the source, a folder holding it, a folder of the source other
// than public/, the home folder, the root, or a file.
func destination(opts Options) (string, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return "", err
	}
	if src, err = filepath.EvalSymlinks(src); err != nil {
		return "", sourceError(opts.Source, err)
	}
	public := filepath.Join(src, "public")
	dest := opts.Destination
	if dest == "" {
		dest = public
	}
	shown := dest // as the user wrote it
	if dest, err = resolve(dest); err != nil {
		return "", err
	}

	refuse := func(why, todo *diag.Msg) error {
		return diag.Errorf("destination %s %s: nothing was written (%s)", shown, why, todo)
	}
	other := diag.Errorf("choose an empty or new folder, such as public/ inside the site")
	st, err := os.Stat(dest)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", diag.Errorf("destination %s cannot be read: %v", shown, errors.Unwrap(err))
	}
	if exists && !st.IsDir() {
		return "", refuse(diag.Errorf("is a file, not a folder"), other)
	}
	if dest == filepath.Dir(dest) {
		return "", refuse(diag.Errorf("is the root of the disk"), other)
	}
	if home, err := os.UserHomeDir(); err == nil {
		if home, err = filepath.EvalSymlinks(home); err == nil && samePath(dest, home) {
			return "", refuse(diag.Errorf("is your home folder"), other)
		}
	}
	if within(dest, src) {
		return "", refuse(diag.Errorf("holds the site's folder, which a build would delete"), other)
	}
	marked := exists && isFile(filepath.Join(dest, Marker))
	if within(src, dest) && !samePath(dest, public) && !marked {
		return "", refuse(diag.Errorf("is inside the site's folder"), diag.Errorf("leave out -destination to build into public/, or choose a folder outside the site"))
	}
	if !exists || marked {
		return dest, nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return "", diag.Errorf("destination %s cannot be read: %v", shown, errors.Unwrap(err))
	}
	if len(entries) == 0 {
		return dest, nil
	}
	if samePath(dest, public) {
		if odd := foreignFile(dest); odd == "" {
			return dest, nil // made by a version of Jalons that wrote no marker
		} else {
			return "", refuse(diag.Errorf("holds %s, which a build does not write, and no %s file from an earlier build", odd, Marker),
				diag.Errorf("move what you keep out of it, or delete the folder: the build makes it again"))
		}
	}
	return "", refuse(diag.Errorf("already holds files that a build did not make (it has no %s file)", Marker),
		diag.Errorf("choose an empty or new folder; to replace this one, empty it first"))
}

// resolve makes p absolute and resolves the symbolic links of the part of
// it that exists.
func resolve(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return p, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether p is dir or inside it. Paths are compared as
// written and with case folded, so that a case-insensitive disk cannot
// hide a match.
func within(dir, p string) bool {
	for _, fold := range []bool{false, true} {
		d, q := dir, p
		if fold {
			d, q = strings.ToLower(d), strings.ToLower(q)
		}
		if rel, err := filepath.Rel(d, q); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return true
		}
	}
	return false
}

func samePath(a, b string) bool { return strings.EqualFold(a, b) }

func isFile(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode().IsRegular()
}

// built are the extensions of the files a build writes: pages, styles,
// scripts, images, documents, data and their licences.
var built = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".csv": true, ".xml": true, ".txt": true,
	".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".ico": true,
	".pdf": true, ".odt": true, ".ods": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
	".mp3": true, ".mp4": true, ".webm": true, ".woff": true, ".woff2": true, ".map": true, "": true,
	".license": true, ".notice": true, ".version": true,
}

// foreignFile returns the first file under dir that a build would not
// have written (a hidden file, a link, an unknown kind), or "".
func foreignFile(dir string) string {
	odd := ""
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			odd, _ = filepath.Rel(dir, p)
			return fs.SkipAll
		}
		if p == dir {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || !(d.IsDir() || d.Type().IsRegular()) ||
			!d.IsDir() && !built[strings.ToLower(filepath.Ext(name))] {
			odd, _ = filepath.Rel(dir, p)
			return fs.SkipAll
		}
		return nil
	})
	return odd
}

// leftover tells whether name is that of a temporary folder of Write
// beside a destination named base, or any destination when base is "":
// ".public.new-123456", or ".public.new-123456.old" where folders cannot
// be exchanged. A build killed while writing leaves one.
func leftover(name, base string) bool {
	i := strings.LastIndex(name, ".new-")
	if i < 2 || name[0] != '.' || base != "" && name[1:i] != base {
		return false
	}
	n := strings.TrimSuffix(name[i+len(".new-"):], ".old")
	return n != "" && strings.Trim(n, "0123456789") == ""
}

// removeLeftovers removes what builds killed while writing dest left
// beside it.
func removeLeftovers(dest string) error {
	parent, base := filepath.Split(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if e.IsDir() && leftover(e.Name(), base) {
			if err := removeAll(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
