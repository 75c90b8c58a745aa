package build

import (
	"regexp"
	"strings"
	"testing"

	"jalons/internal/content"
	"jalons/internal/sitetest"
)

// TestMilestonesPage: /jalons/ [/milestones/] lists every milestone of
// the plan, late ones first, then upcoming, then done, each linked to its
// action; the home page leads to it; a site without milestones has none.
func TestMilestonesPage(t *testing.T) {
	const milestones = `
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "in_progress"

[[milestones]]
date = 2030-01-01
title = "Bilan"

[[milestones]]
date = 2020-05-01
title = "Ouverture"
done = true

[[milestones]]
date = 2021-09-01
title = "Extension"
+++
`
	tests := []struct{ lang, page, want string }{
		{"fr", "jalons/index.html", "En retard (1)|Extension|À venir (1)|Bilan|Réalisé (1)|Ouverture"},
		{"en", "milestones/index.html", "Late (1)|Extension|Upcoming (1)|Bilan|Done (1)|Ouverture"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			site := small + milestones + "-- config.toml --\ntitle = \"P\"\nlanguage = \"" + tt.lang + "\"\nbaseURL = \"https://example.fr/ps/\"\n"
			res, err := Render(t.Context(), Options{Source: sitetest.Dir(t, site), Today: content.Date{Year: 2026, Month: 12, Day: 1}})
			if err != nil {
				t.Fatal(err)
			}
			page := string(res.Files[tt.page])
			text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, "|")
			order := regexp.MustCompile(strings.Join(strings.Split(regexp.QuoteMeta(tt.want), `\|`), "(?s).*"))
			if !order.MatchString(text) {
				t.Errorf("%s does not list, in this order: %s", tt.page, tt.want)
			}
			if strings.Count(page, `href="/ps/actions/epicerie/"`) != 3 {
				t.Errorf("%s does not link each milestone to its action", tt.page)
			}
			if !strings.Contains(string(res.Files["index.html"]), `href="/ps/`+strings.TrimSuffix(tt.page, "index.html")+`"`) {
				t.Error("the home page does not lead to the milestones")
			}
			if !strings.Contains(string(res.Files["sitemap.xml"]), "/ps/"+strings.TrimSuffix(tt.page, "index.html")+"<") {
				t.Error("the milestones page is not in the sitemap")
			}
		})
	}
	res := renderSite(t, small)
	if _, ok := res.Files["jalons/index.html"]; ok {
		t.Error("a site without milestones has a milestones page")
	}
}
