package scaffold

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"jalons/internal/config"
	"jalons/internal/diag"
)

// starter is the site Init writes, under starter/.
//
//go:embed all:starter
var starter embed.FS

// Init writes a small working site, in French, into dir, making dir when
// it does not exist. Its config.toml sets language to lang ("fr" or "en")
// and, when baseURL is not empty, baseURL to it, checked as config.toml's
// is. It refuses a dir that exists and is not an empty folder, so that it
// never overwrites a file.
func Init(dir string, lang config.Language, baseURL string) error {
	if dir == "" {
		return diag.Errorf("no folder given: say where to make the site, like jalons init mon-site")
	}
	if err := lang.UnmarshalText([]byte(lang)); err != nil {
		return diag.Errorf("-language: %v", err)
	}
	if baseURL != "" {
		var c config.Config
		if err := c.SetBaseURL(baseURL); err != nil {
			return diag.Errorf("-base-url: %v", err)
		}
		baseURL = c.BaseURL
	}
	switch entries, err := os.ReadDir(dir); {
	case err == nil && len(entries) > 0:
		return diag.Errorf("%s is not empty (jalons init makes a site in a new or empty folder, so that no file is overwritten)", folderName(dir))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return diag.Errorf("%s is a file, not a folder (jalons init makes a site in a new or empty folder)", dir)
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
		if p == config.File {
			data = settings(data, lang, baseURL)
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

// settings sets language, and baseURL when it is not empty, in the
// starter's config.toml.
func settings(data []byte, lang config.Language, baseURL string) []byte {
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "language = "):
			lines[i] = strings.Replace(line, `"fr"`, quote(string(lang)), 1)
		case strings.HasPrefix(line, "baseURL = ") && baseURL != "":
			lines[i] = "baseURL = " + quote(baseURL) + "  # l'adresse du site publié"
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
