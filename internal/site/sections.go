package site

import "jalons/internal/config"

// Section is one of the site's own sections: the first segment of its
// path in French and in English.
type Section struct {
	Name   string // what the code calls it: "news"
	FR, EN string // "actualites", "news"
}

// Sections are the site's own sections. Their paths in either language are
// Reserved.
var Sections = []Section{
	{"axes", "axes", "axes"},
	{"actions", "actions", "actions"},
	{"indicators", "indicateurs", "indicators"},
	{"news", "actualites", "news"},
	{"governance", "gouvernance", "governance"},
	{"territories", "territoires", "territories"},
	{"audiences", "publics", "audiences"},
	{"milestones", "jalons", "milestones"},
	{"search", "recherche", "search"},
	{"data", "data", "data"},
}

// SectionPaths gives, for a language, each section's first path segment.
func SectionPaths(lang config.Language) map[string]string {
	out := make(map[string]string, len(Sections))
	for _, s := range Sections {
		out[s.Name] = s.FR
		if lang == "en" {
			out[s.Name] = s.EN
		}
	}
	return out
}

// Reserved are the first path segments a free page cannot take: every
// section's in either language, and the names of the files at the root
// of the site ("feed.xml" is the slug feed-xml).
var Reserved = reserved()

func reserved() []string {
	var out []string
	for _, s := range Sections {
		out = append(out, s.FR)
		if s.EN != s.FR {
			out = append(out, s.EN)
		}
	}
	return append(out, "page", "static", "css", "js", "feed-xml", "sitemap-xml", "robots-txt", "404-html")
}
