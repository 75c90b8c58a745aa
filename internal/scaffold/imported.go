package scaffold

import (
	"io/fs"
	"strconv"
	"strings"
	"time"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/tomlfile"
)

// Item is an item of a site, read just enough to name and place it.
type Item struct {
	File  string // path in the site
	Slug  string
	Title string
	Order int
}

// Items lists the site's items of kind ("axis", "action"…), ordered as
// the site orders axes: by order, then title, then slug. A file whose keys
// cannot be read counts by its file name.
func Items(fsys fs.FS, kind string) []Item {
	var out []Item
	for _, it := range scan(fsys, content.Kind(kind)) {
		out = append(out, Item{File: it.file, Slug: it.slug, Title: it.title, Order: it.order})
	}
	return out
}

// AxisText is the text of a new axis file, as New writes it: its slug,
// its title, and order to place it.
func AxisText(cfg *config.Config, slug, title string, order int) string {
	return newFile(content.KindAxis, vars{lang: cfg.Language, slug: slug, title: title, maxOrder: order - 1})
}

// ActionText is the text of a new action file as New writes it, slug
// being its file's name, with the keys of set written out instead of their examples: each value is a
// string, a []string, a float64 or a tomlfile.Date. Set holds at least
// title, axis and status; optional keys it lacks stay commented out.
func ActionText(cfg *config.Config, today time.Time, slug string, set map[string]any) string {
	axis, _ := set["axis"].(string)
	v := vars{
		lang:      cfg.Language,
		slug:      slug,
		axis:      axis,
		today:     tomlfile.Date{Year: today.Year(), Month: today.Month(), Day: today.Day()},
		territory: cfg.Territory,
	}
	lines := actionKeys(v)
	for i, l := range lines {
		if l.code == "[[milestones]]" {
			break // the keys below are a milestone's
		}
		key, _, ok := strings.Cut(l.code, " = ")
		val, isSet := set[key]
		if !ok || !isSet {
			continue
		}
		lines[i] = line{code: key + " = " + tomlValue(val), comment: l.comment}
	}
	body := strings.TrimPrefix(newFile(content.KindAction, v), markdown(actionKeys(v), ""))
	return markdown(lines, body)
}

// tomlValue writes a value of ActionText's set as TOML.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return quote(v)
	case []string:
		return list(v...)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case tomlfile.Date:
		return v.String()
	}
	panic("scaffold: no TOML for a value of ActionText")
}
