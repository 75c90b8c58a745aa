package build

import (
	"strings"
	"testing"

	"jalons/internal/content"
	"jalons/internal/sitetest"
)

// planSite has a late action with milestones (done, late, upcoming), an
// action ending later, an out-of-date yearly indicator and a masked one.
const planSite = `
-- config.toml --
title = "Projet social"
baseURL = "https://www.example.fr/projet-social/"
language = "%s"
-- content/axes/familles.md --
+++
title = "Familles"
+++
-- content/actions/passerelle.md --
+++
title = "Classe passerelle"
axis = "familles"
status = "in_progress"
end = 2018-12-31

[[milestones]]
date = 2027-09-01
title = "Bilan"

[[milestones]]
date = 2016-09-01
title = "Ouverture"
done = true
note = "Douze enfants"

[[milestones]]
date = 2018-06-30
title = "Extension"
+++
-- content/actions/creche.md --
+++
title = "Multi-accueil"
axis = "familles"
status = "planned"
end = 2030-12-31
+++
-- content/indicators/enfants.toml --
title = "Enfants accueillis"
action = "passerelle"
unit = "enfants"
target = 20
frequency = "yearly"
[[values]]
date = 2017-06-30
value = 12
-- content/indicators/petits.toml --
title = "Familles suivies"
action = "creche"
unit = "familles"
target = 10
maskBelow = 5
frequency = "quarterly"
[[values]]
date = 2025-12-31
value = 3.1416
note = "premier trimestre"
[[values]]
date = 2026-03-31
value = 7
[[values]]
date = 2026-09-30
value = 2.718
`

var planToday = content.Date{Year: 2026, Month: 12, Day: 1}

func renderPlan(t *testing.T, lang string) *Result {
	t.Helper()
	res, err := Render(t.Context(), Options{Source: sitetest.Dir(t, strings.Replace(planSite, "%s", lang, 1)), Today: planToday})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestMaskedValuesNeverPublished searches every file of a built site for
// the masked values, in any of the ways a number may be written.
func TestMaskedValuesNeverPublished(t *testing.T) {
	hidden := []string{"3.1416", "3,1416", "3.14", "3,14", "2.718", "2,718", "2.72", "2,72"}
	for _, lang := range []string{"fr", "en"} {
		res := renderPlan(t, lang)
		if len(res.Files) < 10 {
			t.Fatalf("%s: only %d files built", lang, len(res.Files))
		}
		for name, b := range res.Files {
			for _, h := range hidden {
				if strings.HasSuffix(name, ".js") && len(h) < 5 {
					continue // the theme's ECharts holds 3,14 of its own
				}
				if strings.Contains(string(b), h) {
					t.Errorf("%s: %s holds the masked value %s", lang, name, h)
				}
			}
		}
		fewer := map[string]string{"fr": "moins de 5", "en": "fewer than 5"}[lang]
		contains(t, res, pathOf(lang, "petits"), fewer)
		contains(t, res, "data/values.csv", "petits,2025-12-31,,familles,premier trimestre,true\n", "petits,2026-03-31,7,familles,,false\n")
		contains(t, res, "data/site.json", `{"date":"2025-12-31","value":null,"note":"premier trimestre","masked":true}`)
		contains(t, res, "data/indicators.csv", ",2026-09-30,,,", ",true\n")
	}
}

func pathOf(lang, slug string) string {
	if lang == "en" {
		return "indicators/" + slug + "/index.html"
	}
	return "indicateurs/" + slug + "/index.html"
}

// TestPlanPages checks what the pages say of the plan in time, in both
// languages.
func TestPlanPages(t *testing.T) {
	tests := []struct {
		lang, file string
		wants      []string
	}{
		{"fr", "actions/passerelle/index.html", []string{
			`<span class="badge status-in_progress">En cours</span> <span class="badge late">En retard</span>`,
			`<ol class="timeline">`,
			`<li class="milestone milestone-done"><time datetime="2016-09-01">1er septembre 2016</time> <span class="badge milestone-state-done">Réalisé</span> <span class="milestone-title">Ouverture</span> <span class="milestone-note">– Douze enfants</span></li>`,
			`<li class="milestone milestone-late"><time datetime="2018-06-30">30 juin 2018</time> <span class="badge milestone-state-late">En retard</span>`,
			`<li class="milestone milestone-upcoming"><time datetime="2027-09-01">1er septembre 2027</time> <span class="badge milestone-state-upcoming">À venir</span>`,
			`<span class="badge stale">À actualiser</span> <span class="meta">valeur attendue depuis le <time datetime="2018-06-30">30 juin 2018</time></span>`,
		}},
		{"en", "actions/passerelle/index.html", []string{
			`<span class="badge late">Late</span>`,
			`<span class="badge milestone-state-done">Done</span>`,
			`<span class="badge milestone-state-late">Late</span>`,
			`<span class="badge milestone-state-upcoming">Upcoming</span>`,
			`<span class="badge stale">Update due</span> <span class="meta">a new value was due on <time datetime="2018-06-30">30 June 2018</time></span>`,
		}},
		{"fr", "axes/familles/index.html", []string{
			"— 2 actions mesurées sur 2</span>",
			`<p class="meta">2 actions, 1 en retard.</p>`,
			`<td data-label="Statut"><span class="badge status-planned">À venir</span></td>`,
		}},
		{"en", "index.html", []string{
			"— 2 of 2 actions measured</span>",
			`<span class="fig-note">2 of 2 actions measured</span>`,
			`<li class="fig fig-late"><span class="fig-n">1</span> <span class="fig-l">late action</span></li>`,
			"2 actions in 1 axis, including 1 planned.",
			`<li><time datetime="2027-09-01">1 September 2027</time> – Bilan <span class="meta">(<a href="/projet-social/actions/passerelle/">Classe passerelle</a>)</span></li>`,
		}},
		{"fr", "indicateurs/index.html", []string{
			`<span class="badge stale">À actualiser</span>`,
			`moins de 5 <span class="meta">(<time datetime="2026-09-30">30 septembre 2026</time>)</span>`,
		}},
		{"fr", "data/actions.csv", []string{"/actions/passerelle/,true\n", "/actions/creche/,false\n"}},
		{"fr", "data/milestones.csv", []string{
			"action,date,title,done,late\npasserelle,2016-09-01,Ouverture,true,false\npasserelle,2018-06-30,Extension,false,true\npasserelle,2027-09-01,Bilan,false,false\n"}},
	}
	sites := map[string]*Result{"fr": renderPlan(t, "fr"), "en": renderPlan(t, "en")}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.file, func(t *testing.T) {
			contains(t, sites[tt.lang], tt.file, tt.wants...)
		})
	}
}
