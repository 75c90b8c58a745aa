// Package themes holds the default theme of Jalons, built into the binary.
//
// A theme is a folder with layouts/ (html/template files: base.html, one
// file per kind of page, partials/) and static/ (copied into the site's
// output). A site's own theme, themes/<name>/ in its folder, overrides the
// default one file by file.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var files embed.FS

// Default is the default theme.
var Default, _ = fs.Sub(files, "default")
