package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// starter is the site Init writes, under starter/.
//
//go:embed all:starter
var starter embed.FS

// Init writes a small working site, in French, into dir, making dir when
// it does not exist. It refuses a dir that exists and is not an empty
// folder, so that it never overwrites a file.
func Init(dir string) error {
	if dir == "" {
		return errors.New("no folder given: say where to make the site, like jalons init mon-site")
	}
	switch entries, err := os.ReadDir(dir); {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty (jalons init makes a site in a new or empty folder, so that no file is overwritten)", folderName(dir))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return fmt.Errorf("%s is a file, not a folder (jalons init makes a site in a new or empty folder)", dir)
		}
		return err
	}
	files, _ := fs.Sub(starter, "starter")
	return fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dest := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dest, 0o755)
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}
