// Package config reads a site's config.toml into a typed Config.
//
// Keys (see docs/content-format.md, section 2): title (required),
// territory, baseURL, language ("fr" or "en"), theme, description,
// period = { start, end }, contact, logo, newsPerPage, unsafeHTML,
// securityHeaders, maxFileSize, history, dataLicense, accessibility.
// Unknown keys are errors with a "did you mean" hint.
package config

import (
	"errors"
	"io/fs"
	"net/netip"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"jalons/internal/diag"
	"jalons/internal/tomlfile"
)

// File is the name of the configuration file in a site's folder.
const File = "config.toml"

// MaxSize is the most config.toml may hold, in megabytes.
const MaxSize = 10

// DefaultMaxFileSize is the most, in megabytes, a file of content/ may
// hold when config.toml does not set maxFileSize.
const DefaultMaxFileSize = 10

// DefaultBaseURL is used when config.toml sets no baseURL: right for
// `jalons serve`, wrong for publishing, where the feed and the sitemap need
// the site's real address.
const DefaultBaseURL = "http://localhost:1313/"

// Language is the language of a site's interface: "fr" or "en".
type Language string

// UnmarshalText accepts "fr" and "en".
func (l *Language) UnmarshalText(b []byte) error {
	switch s := strings.ToLower(string(b)); s {
	case "fr", "en":
		*l = Language(s)
		return nil
	}
	return diag.Errorf("unknown language %q (use \"fr\" or \"en\")", string(b))
}

// Accessibility is how far a site complies with the accessibility
// standard (RGAA in France), as its footer must say: "none" (the default:
// not audited), "partial" or "full".
type Accessibility string

// UnmarshalText accepts "none", "partial" and "full".
func (a *Accessibility) UnmarshalText(b []byte) error {
	switch s := Accessibility(b); s {
	case "none", "partial", "full":
		*a = s
		return nil
	}
	return diag.Errorf("unknown accessibility %q (use \"none\", \"partial\" or \"full\")", string(b))
}

// Period is the span of years a plan covers.
type Period struct {
	Start int `toml:"start"`
	End   int `toml:"end"`
}

// Config is a site's settings.
type Config struct {
	Title       string   `toml:"title,required"`
	Territory   string   `toml:"territory"`
	BaseURL     string   `toml:"baseURL"`
	Language    Language `toml:"language"`
	Theme       string   `toml:"theme"`
	Description string   `toml:"description"`
	Period      *Period  `toml:"period"`
	Contact     string   `toml:"contact"`
	Logo        string   `toml:"logo"`
	NewsPerPage int      `toml:"newsPerPage"`
	UnsafeHTML  bool     `toml:"unsafeHTML"`
	// SecurityHeaders writes the headers files of common static hosts
	// (_headers, .htaccess, nginx-headers.conf) into the output.
	SecurityHeaders bool `toml:"securityHeaders"`
	MaxFileSize     int  `toml:"maxFileSize"` // megabytes
	// History shows, when the site's folder is inside a git work tree,
	// each action's commits and the feed of status changes (section 12.5):
	// commit messages become public, so it is asked for.
	History bool `toml:"history"`
	// DataLicense is the licence of the open data files.
	DataLicense   string        `toml:"dataLicense"`
	Accessibility Accessibility `toml:"accessibility"`

	// Base is BaseURL parsed, with a path that ends in a slash.
	Base *url.URL `toml:"-"`
	// Doc tells where each key stands in config.toml.
	Doc *tomlfile.Doc `toml:"-"`
}

// themeName is compiled for a theme other than the default.
var themeName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)
})

// Load reads config.toml from a site's folder.
func Load(fsys fs.FS) (*Config, diag.List) {
	var errs diag.List
	if _, err := fs.Stat(fsys, File); errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Pos{File: File}, "no config.toml in the site's folder (create one with at least title = \"…\", or run jalons init)")
		return nil, errs
	}
	data, errs := tomlfile.Read(fsys, File, MaxSize, nil)
	if errs != nil {
		return nil, errs
	}
	text, errs := tomlfile.Text(File, data)
	if errs != nil {
		return nil, errs
	}
	c := &Config{}
	c.Doc, errs = tomlfile.Decode(File, text, 0, c)
	if c.Doc == nil {
		return nil, errs
	}
	if c.Language == "" {
		c.Language = "fr"
	}
	if c.DataLicense == "" {
		c.DataLicense = etalab[c.Language]
	}
	if c.Accessibility == "" {
		c.Accessibility = "none"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if c.Theme != "default" && !themeName().MatchString(c.Theme) {
		errs.Add(c.Doc.Pos("theme"), "theme %q is not a folder name under themes/ (use letters, digits, - or _)", c.Theme)
		c.Theme = "default"
	}
	if c.NewsPerPage == 0 && !c.Doc.Has("newsPerPage") {
		c.NewsPerPage = 10
	} else if c.NewsPerPage < 1 {
		errs.Add(c.Doc.Pos("newsPerPage"), "newsPerPage must be 1 or more, not %d", c.NewsPerPage)
		c.NewsPerPage = 10
	}
	if c.MaxFileSize < 1 {
		// 0 when absent, or when not a whole number (reported already)
		if c.MaxFileSize < 0 || c.Doc.Has("maxFileSize") && !reported(errs, c.Doc.Pos("maxFileSize")) {
			errs.Add(c.Doc.Pos("maxFileSize"), "maxFileSize must be 1 or more (megabytes), not %d", c.MaxFileSize)
		}
		c.MaxFileSize = DefaultMaxFileSize
	}
	years := true
	if c.Period != nil {
		for _, y := range []struct {
			key  string
			year int
		}{{"start", c.Period.Start}, {"end", c.Period.End}} {
			if y.year != 0 && (y.year < 1900 || y.year > 2200) {
				errs.Add(c.Doc.Pos("period", y.key), "period %s %d is not a year (write it with four digits, like 2017)", y.key, y.year)
				years = false
			}
		}
	}
	if years && c.Period != nil && c.Period.End != 0 && c.Period.End < c.Period.Start {
		errs.Add(c.Doc.Pos("period"), "period ends (%d) before it starts (%d)", c.Period.End, c.Period.Start)
	}
	if c.Title != "" && strings.TrimSpace(c.Title) == "" || c.Doc.Has("title") && c.Title == "" {
		errs.Add(c.Doc.Pos("title"), "title must not be empty")
	}
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if err := c.SetBaseURL(base); err != nil {
		errs.Add(c.Doc.Pos("baseURL"), "%v", err)
	}
	return c, errs
}

// reported tells whether errs has a problem at pos.
func reported(errs diag.List, pos diag.Pos) bool {
	for _, e := range errs {
		if e.Pos == pos {
			return true
		}
	}
	return false
}

// SetBaseURL sets the address the site is published at, such as
// https://www.example.fr/projet-social/.
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return diag.Errorf("baseURL %q must be a full address such as https://www.example.fr/projet-social/", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return diag.Errorf("baseURL %q must not have a query (?…) or fragment (#…)", s)
	}
	u.Path = path.Clean("/"+u.Path) + "/"
	u.Path = strings.Replace(u.Path, "//", "/", 1)
	u.RawPath = ""
	c.BaseURL = u.String()
	c.Base = u
	return nil
}

// LanguageOf is the language config.toml of the site folder fsys sets:
// French when it sets none, or when there is no site to read.
func LanguageOf(fsys fs.FS) Language {
	if c, _ := Load(fsys); c != nil && c.Language != "" {
		return c.Language
	}
	return "fr"
}

// Placeholder reports whether u is an address that a published site
// cannot have: one of this machine (localhost, *.localhost, 127.0.0.1 and
// the other loopback addresses, [::1], 0.0.0.0) or one kept for examples
// and tests (example.com, example.org, example.net, example.fr and their
// subdomains, *.example, *.test, *.invalid, *.local). A build says so
// (docs/content-format.md, section 2); serve, which is local, does not.
func Placeholder(u *url.URL) bool {
	if u == nil {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	for _, name := range []string{"localhost", "example.com", "example.org", "example.net", "example.fr", "example", "test", "invalid", "local"} {
		if host == name || strings.HasSuffix(host, "."+name) {
			return true
		}
	}
	return false
}

// etalab names the Licence Ouverte (Etalab 2.0), the default dataLicense,
// in each language.
var etalab = map[Language]string{"fr": "Licence Ouverte / Open Licence 2.0", "en": "Open Licence 2.0"}

// Etalab reports whether license names the Licence Ouverte, as the
// default dataLicense does.
func Etalab(license string) bool { return license == etalab["fr"] || license == etalab["en"] }
