package render

import (
	"errors"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"jalons/internal/diag"
)

// templateError matches the errors of text/template and html/template:
// "template: layouts/action.html:12:5: executing … at <.X>: message".
var templateError = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:html/)?template: ?([^: ]+\.html)(?::(\d+))?(?::(\d+))?: (?:executing "[^"]*" at <[^>]*>: )?(.*)$`)
})

// problem turns an error of the theme's templates into a problem at the
// template's file, line and column: a file of the site's theme is named
// from the site's folder (themes/mairie/layouts/action.html), a file of
// the default theme as such.
func (r *renderer) problem(err error) *diag.Error {
	if d, ok := errors.AsType[*diag.Error](err); ok {
		return d // a partial run by a template function (actionRow): said already
	}
	m := templateError().FindStringSubmatch(err.Error())
	if m == nil {
		return diag.At(diag.Pos{}, "theme: %v", err)
	}
	pos := diag.Pos{File: r.themeFile(m[1])}
	pos.Line, _ = strconv.Atoi(m[2])
	if col, err := strconv.Atoi(m[3]); err == nil {
		pos.Col = col + 1 // the template packages count from 0
	}
	msg := m[4]
	// The errors a theme's author meets most, in words that translate.
	if a := reFunc().FindStringSubmatch(msg); a != nil {
		return diag.At(pos, "unknown template function %q (the functions are listed in the documentation of the render package)", a[1])
	}
	if a := reField().FindStringSubmatch(msg); a != nil {
		return diag.At(pos, "the template asks for .%s, which %s does not have", a[1], a[2])
	}
	if a := reNoTemplate().FindStringSubmatch(msg); a != nil {
		return diag.At(pos, "no template named %q (a partial is defined in layouts/partials/<name>.html)", a[1])
	}
	if msg == "unexpected EOF" {
		return diag.At(pos, "the template ends inside an action: a {{ is not closed, or an {{if}}, {{range}} or {{with}} has no {{end}}")
	}
	if msg == "unexpected {{end}}" {
		return diag.At(pos, "an {{end}} closes nothing")
	}
	return diag.At(pos, "template error: %s", msg)
}

// The patterns of template errors are compiled when one is first met,
// not at every command's start.
var (
	reFunc = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^function "([^"]+)" not defined$`)
	})
	reField = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)
	})
	reNoTemplate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^no such template "([^"]+)"$`)
	})
)

// themeFile names a template file for a problem.
func (r *renderer) themeFile(name string) string {
	name = strings.TrimPrefix(name, "/") // as errors of execution name it
	if r.siteLayouts[name] {
		return "themes/" + r.site.Config.Theme + "/" + name
	}
	return "(default theme) " + name
}

// layoutsOf lists the files of theme's layouts/ folder: a page made when
// it is asked for may meet a problem once the site's folder is closed.
func layoutsOf(theme fs.FS) map[string]bool {
	files := map[string]bool{}
	if theme != nil {
		fs.WalkDir(theme, "layouts", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files[p] = true
			}
			return nil
		})
	}
	return files
}
