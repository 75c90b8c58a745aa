package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"jalons/internal/build"
	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/sitetest"
)

var today = time.Date(2026, time.April, 29, 15, 4, 5, 0, time.UTC)

// site is a small site in language lang. Its first axis by order is
// "precarites", though "familles" comes first by file name.
func siteText(lang string) string {
	return `
-- config.toml --
title = "Projet social"
territory = "Saint-Flour"
language = "` + lang + `"
-- content/axes/familles.md --
+++
title = "Familles"
order = 2
+++
-- content/axes/precarites.md --
+++
title = "Précarités"
order = 1
+++
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "familles"
status = "done"
+++
`
}

// keys lists the keys of the content format for a kind, from the
// toml tags of the content package's types.
func keys(kind string) []string {
	types := map[string][]any{
		"axis":      {content.Axis{}},
		"action":    {content.Action{}},
		"indicator": {content.Indicator{}, content.Value{}},
		"news":      {content.News{}},
		"page":      {content.Page{}},
	}
	var out []string
	for _, v := range types[kind] {
		t := reflect.TypeOf(v)
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if name != "" && name != "-" {
				out = append(out, name)
			}
		}
	}
	return out
}

// pagePath is where the build writes the page of an item.
func pagePath(kind, lang, slug string) string {
	sections := map[string]string{"axis": "axes/", "action": "actions/", "indicator": "indicateurs/", "news": "actualites/", "page": ""}
	if lang == "en" {
		sections["indicator"], sections["news"] = "indicators/", "news/"
	}
	return sections[kind] + slug + "/index.html"
}

// TestNew makes each kind of item in a French and an English site, and
// checks that the site still builds with it, that the file holds every key
// of the content format, and that its comments are in the site's language.
func TestNew(t *testing.T) {
	const title = `Café des parents « été »`
	const wantSlug = "cafe-des-parents-ete"
	for _, lang := range []string{"fr", "en"} {
		for _, kind := range Kinds {
			t.Run(lang+"/"+kind, func(t *testing.T) {
				dir := sitetest.Dir(t, siteText(lang))
				got, err := New(dir, kind, "  Café des parents\t« été » ", today)
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				want := filepath.Join(dir, "content", content.Kind(kind).Folder(), wantSlug+content.Kind(kind).Ext())
				if got != want {
					t.Errorf("New(%s) = %s; want %s", kind, got, want)
				}
				data, err := os.ReadFile(got)
				if err != nil {
					t.Fatal(err)
				}
				text := string(data)
				for _, key := range keys(kind) {
					if !regexp.MustCompile(`(?m)^(# )?(` + key + ` = |\[\[` + key + `\]\]$)`).MatchString(text) {
						t.Errorf("key %q missing from the new %s:\n%s", key, kind, text)
					}
				}
				hint := map[string]string{"fr": "# Facultatif : ", "en": "# Optional: "}[lang]
				if !strings.Contains(text, hint) {
					t.Errorf("the new %s has no %q:\n%s", kind, hint, text)
				}

				res, err := build.Render(t.Context(), build.Options{Source: dir})
				if err != nil {
					t.Fatalf("build.Render with the new %s:\n%v\n%s", kind, err, text)
				}
				if p := pagePath(kind, lang, wantSlug); res.Files[p] == nil {
					t.Errorf("no page %s", p)
				}
				s := res.Site
				var gotTitle string
				switch kind {
				case "axis":
					for _, a := range s.Axes {
						if a.Slug == wantSlug {
							gotTitle = a.Title
							if a.Order != 3 {
								t.Errorf("axis order = %d; want 3, after the site's last axis", a.Order)
							}
						}
					}
				case "action":
					for _, a := range s.Actions {
						if a.Slug == wantSlug {
							gotTitle = a.Title
							if a.Axis.Slug != "precarites" || a.Status != content.Planned {
								t.Errorf("action axis, status = %s, %s; want precarites, planned", a.Axis.Slug, a.Status.Code())
							}
						}
					}
				case "indicator":
					for _, ind := range s.Indicators {
						if ind.Slug == wantSlug {
							gotTitle = ind.Title
						}
					}
				case "news":
					for _, n := range s.News {
						if n.Slug == wantSlug {
							gotTitle = n.Title
							if n.Date.String() != "2026-04-29" {
								t.Errorf("news date = %s; want 2026-04-29", n.Date)
							}
						}
					}
				case "page":
					for _, p := range s.Pages {
						if p.Slug == wantSlug {
							gotTitle = p.Title
						}
					}
				}
				if gotTitle != title {
					t.Errorf("title of the new %s = %q; want %q", kind, gotTitle, title)
				}
			})
		}
	}
}

// TestNewText shows a whole new action, so that a change to the layout is
// seen in review.
func TestNewText(t *testing.T) {
	dir := sitetest.Dir(t, siteText("fr"))
	p, err := New(dir, "action", "Épicerie sociale solidaire", today)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	want := `+++
title = "Épicerie sociale solidaire"
axis = "precarites"                       # obligatoire : le slug d'un axe (nom de son fichier dans content/axes/, sans .md)
status = "planned"                        # obligatoire : planned (à venir), in_progress (en cours), done (réalisée), suspended (suspendue) ou abandoned (abandonnée)

# Facultatif : pour utiliser une clé, enlevez le « # » au début de sa ligne.
# start = 2026-04-29                      # date de début, sans guillemets (année-mois-jour)
# end = 2026-12-31                        # date de fin, le jour du début ou après
# lead = "CCAS"                           # qui pilote l'action ; l'id d'une structure de governance.md fait un lien vers elle
# partners = ["Mission locale"]           # partenaires, entre crochets, chacun entre guillemets
# audience = ["familles"]                 # publics visés
# territories = ["Saint-Flour"]           # communes ou quartiers concernés
# budget = 10000                          # budget prévu, en euros, sans espace ni symbole
# spent = 0                               # dépensé à ce jour, en euros
# progress = 50                           # avancement en %, de 0 à 100 (sinon calculé d'après le statut et les indicateurs)
# summary = "Une phrase pour les listes"  # résumé montré dans les listes
# weight = 1                              # poids dans les moyennes de l'axe et du projet (1 par défaut, 2 compte double)
# slug = "epicerie-sociale-solidaire"     # nom dans l'adresse de la page (par défaut, le nom du fichier)
# updated = 2026-04-29                    # date de dernière mise à jour montrée (sinon celle du dernier commit git du fichier)

# Jalons : une table [[milestones]] par étape datée, en enlevant les « # ».
# [[milestones]]
# date = 2026-09-01                       # obligatoire : date de l'étape, sans guillemets (année-mois-jour)
# title = "Ouverture au public"           # obligatoire : ce qui doit être fait à cette date
# done = false                            # true quand l'étape est franchie ; non franchie et passée, elle est « en retard »
# note = "Douze enfants accueillis"       # précision sur une ligne (facultative)
+++
## Objectifs

Remplacez ce texte : ce que l'action doit changer, et pour qui.

## Moyens

Qui fait quoi, avec quels moyens, selon quel calendrier.

## Résultats

Ce qui a été fait, et ce que montrent les indicateurs.
`
	if string(data) != want {
		t.Errorf("new action:\n%s\nwant:\n%s", data, want)
	}
}

// TestNewUncommented uncomments every optional key of each new file: the
// examples must be valid too, once the writer turns them on.
func TestNewUncommented(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		for _, kind := range Kinds {
			t.Run(lang+"/"+kind, func(t *testing.T) {
				dir := sitetest.Dir(t, siteText(lang)+"-- static/images/photo.jpg --\njpg\n")
				p, err := New(dir, kind, "Nouvel élément", today)
				if err != nil {
					t.Fatal(err)
				}
				data, _ := os.ReadFile(p)
				on := regexp.MustCompile(`(?m)^# ([a-zA-Z]+ = |\[\[)`).ReplaceAllString(string(data), "$1")
				if kind == "indicator" || kind == "news" {
					// Point the example references at the site's items.
					on = strings.NewReplacer(`"slug-d-une-action"`, `"epicerie"`, `"slug-of-an-action"`, `"epicerie"`).Replace(on)
				}
				if err := os.WriteFile(p, []byte(on), 0o644); err != nil {
					t.Fatal(err)
				}
				if _, err := build.Render(t.Context(), build.Options{Source: dir, Drafts: true}); err != nil {
					t.Errorf("build.Render with every key on:\n%v\n%s", err, on)
				}
			})
		}
	}
}

// TestNewQuotes checks that a title with quotes and backslashes is
// written as valid TOML.
func TestNewQuotes(t *testing.T) {
	dir := sitetest.Dir(t, siteText("fr"))
	const title = `L'atelier "Bien vieillir" \ 2026`
	if _, err := New(dir, "page", title, today); err != nil {
		t.Fatal(err)
	}
	res, err := build.Render(t.Context(), build.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Site.Pages[0].Title; got != title {
		t.Errorf("title = %q; want %q", got, title)
	}
}

// TestNewNoAxis: in a site without axes, a new action names a placeholder
// axis that the build reports until the writer replaces it.
func TestNewNoAxis(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"fr", `unknown axis "slug-d-un-axe"`},
		{"en", `unknown axis "slug-of-an-axis"`},
	} {
		dir := sitetest.Dir(t, "-- config.toml --\ntitle = \"P\"\nlanguage = \""+tt.lang+"\"\n")
		if _, err := New(dir, "action", "Épicerie", today); err != nil {
			t.Fatal(err)
		}
		_, err := build.Render(t.Context(), build.Options{Source: dir})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: build.Render = %v; want %s", tt.lang, err, tt.want)
		}
	}
}

// TestNewMakesFolder: a site may have no content/ folder yet.
func TestNewMakesFolder(t *testing.T) {
	dir := sitetest.Dir(t, "-- config.toml --\ntitle = \"P\"\n")
	p, err := New(dir, "axis", "Familles", today)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "axes", "familles.md"); p != want {
		t.Errorf("New = %s; want %s", p, want)
	}
	if _, err := build.Render(t.Context(), build.Options{Source: dir}); err != nil {
		t.Error(err)
	}
}

// TestNewConfigProblems: New needs only the language of config.toml; its
// other problems are the build's to report.
func TestNewConfigProblems(t *testing.T) {
	dir := sitetest.Dir(t, "-- config.toml --\ntitel = \"P\"\nlanguage = \"en\"\nnewsPerPage = 0\n")
	p, err := New(dir, "page", "About", today)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); !strings.Contains(string(data), "Replace this text.") {
		t.Errorf("new page in an English site:\n%s", data)
	}
}

// TestCurrentFolder: messages name the folder "." as the current folder,
// and New returns a path relative to it.
func TestCurrentFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := New(".", "axis", "Familles", today)
	if want := `no config.toml in the current folder: jalons new works in a site's folder (give it with -source DIR, or make a site with jalons init DIR)`; err == nil || err.Error() != want {
		t.Errorf("New in a folder without config.toml: %v; want %s", err, want)
	}
	if err := Init(".", "fr", ""); err != nil {
		t.Fatal(err)
	}
	if err := Init(".", "fr", ""); err == nil || err.Error() != `the current folder is not empty (jalons init makes a site in a new or empty folder, so that no file is overwritten)` {
		t.Errorf("Init in a folder not empty: %v", err)
	}
	p, err := New(".", "axis", "Familles", today)
	if want := filepath.Join("content", "axes", "familles.md"); err != nil || p != want {
		t.Errorf("New = %s, %v; want %s", p, err, want)
	}
}

// TestNewErrors has a case for every message of New; DIR stands for the
// site's folder. None writes a file.
func TestNewErrors(t *testing.T) {
	tests := []struct {
		name, files, kind, title, want string
	}{
		{"unknown kind with hint", siteText("fr"), "axe", "Familles",
			`unknown kind "axe" (did you mean "axis"?); use one of axis, action, indicator, news, page`},
		{"unknown kind plural", siteText("fr"), "actions", "Familles",
			`unknown kind "actions" (did you mean "action"?); use one of axis, action, indicator, news, page`},
		{"unknown kind", siteText("fr"), "fiche", "Familles",
			`unknown kind "fiche"; use one of axis, action, indicator, news, page`},
		{"empty title", siteText("fr"), "action", "",
			`the title is empty: give one in quotes, like jalons new action "Épicerie sociale"`},
		{"blank title", siteText("fr"), "axis", " \t ",
			`the title is empty: give one in quotes, like jalons new axis "Réduire les précarités"`},
		{"title without slug", siteText("fr"), "news", "日本 !",
			`the title "日本 !" gives no file name: use letters or digits (accents are fine), like jalons new news "Réunion des partenaires"`},
		{"reserved page", siteText("fr"), "page", "Actualités",
			`the page slug "actualites" is taken by a section of the site (choose another title)`},
		{"no config", "-- content/axes/a.md --\n", "indicator", "Familles aidées",
			`no config.toml in DIR: jalons new works in a site's folder (give it with -source DIR, or make a site with jalons init DIR)`},
		{"broken config", "-- config.toml --\ntitle = \"P\nlanguage = \"fr\"\n", "axis", "Familles",
			`config.toml:1:11: invalid TOML: strings cannot contain newlines (check quotes around text, commas in lists, and one key = value per line)`},
		{"file exists", siteText("fr"), "axis", "Familles",
			`DIR/content/axes/familles.md already exists (edit it, or choose another title)`},
		{"same slug from file name", siteText("fr") + "-- content/news/Réunion publique.md --\n+++\ntitle = \"R\"\ndate = 2026-01-01\n+++\n", "news", "Réunion publique",
			`DIR/content/news/Réunion publique.md already has the slug "reunion-publique" (edit it, or choose another title)`},
		{"same slug from slug key", siteText("fr") + "-- content/indicators/a.toml --\ntitle = \"A\"\nslug = \"familles-aidees\"\n", "indicator", "Familles aidées",
			`DIR/content/indicators/a.toml already has the slug "familles-aidees" (edit it, or choose another title)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, tt.files)
			before := files(t, dir)
			p, err := New(dir, tt.kind, tt.title, today)
			if err == nil {
				t.Fatalf("New(%q, %q) = %s, nil; want error %s", tt.kind, tt.title, p, tt.want)
			}
			if got := strings.ReplaceAll(err.Error(), dir, "DIR"); got != tt.want {
				t.Errorf("New(%q, %q) error\n got %s\nwant %s", tt.kind, tt.title, got, tt.want)
			}
			if after := files(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("New wrote files: %v; before %v", after, before)
			}
		})
	}
}

// files lists the files and folders under dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInit makes the starter site in a new folder and in an empty one,
// builds it, and adds each kind of item to it.
func TestInit(t *testing.T) {
	for _, dir := range []string{filepath.Join(t.TempDir(), "mon-site"), t.TempDir()} {
		if err := Init(dir, "fr", ""); err != nil {
			t.Fatalf("Init(%s): %v", dir, err)
		}
		res, err := build.Render(t.Context(), build.Options{Source: dir})
		if err != nil {
			t.Fatalf("build.Render of the starter site:\n%v", err)
		}
		for _, p := range []string{
			"index.html",
			"axes/acces-aux-droits/index.html",
			"axes/lien-social/index.html",
			"actions/permanences-acces-aux-droits/index.html",
			"actions/guide-des-aides/index.html",
			"actions/cafe-des-parents/index.html",
			"indicateurs/personnes-accueillies/index.html",
			"actualites/lancement-du-projet-social/index.html",
			"gouvernance/index.html",
			"accessibilite/index.html",
			"mentions-legales/index.html",
		} {
			if res.Files[p] == nil {
				t.Errorf("the starter site has no %s", p)
			}
		}
		s := res.Site
		if s.Config.Language != "fr" || s.Config.BaseURL != "http://localhost:1313/" || s.Config.Period == nil || s.Config.Contact == "" || s.Config.Territory == "" {
			t.Errorf("config = %+v", s.Config)
		}
		statuses := map[content.Status]bool{}
		for _, a := range s.Actions {
			statuses[a.Status] = true
		}
		if len(s.Axes) != 2 || len(s.Actions) != 3 || len(statuses) != 3 {
			t.Errorf("%d axes, %d actions, statuses %v; want 2 axes, 3 actions with 3 statuses", len(s.Axes), len(s.Actions), statuses)
		}
		if len(s.Indicators) != 1 || s.Indicators[0].Action == nil || len(s.Indicators[0].Values) != 2 || s.Indicators[0].Target == nil {
			t.Errorf("indicators = %+v; want one, linked to an action, with two values and a target", s.Indicators)
		}
		if len(s.News) != 1 || s.Home == nil {
			t.Errorf("%d news, home %v; want 1 news and a home page", len(s.News), s.Home)
		}
		if g := s.Governance; g == nil || len(g.Bodies) != 1 || len(g.Bodies[0].Members) != 2 || len(g.Structures) != 1 {
			t.Errorf("governance = %+v; want one body with two members and one structure", g)
		}
		a11y := string(res.Files["accessibilite/index.html"])
		for _, want := range []string{"Déclaration d&#39;accessibilité", "RGAA", "<strong>non conforme</strong>", "Voies de recours", "Défenseur des droits"} {
			if !strings.Contains(a11y, want) {
				t.Errorf("accessibilite/index.html has no %q", want)
			}
		}

		for _, kind := range Kinds {
			if _, err := New(dir, kind, "Nouvel élément", today); err != nil {
				t.Errorf("New(%s) in the starter site: %v", kind, err)
			}
		}
		res, err = build.Render(t.Context(), build.Options{Source: dir})
		if err != nil {
			t.Fatalf("build.Render of the starter site with new items:\n%v", err)
		}
		for _, a := range res.Site.Actions {
			if a.Slug == "nouvel-element" && a.Axis.Slug != "acces-aux-droits" {
				t.Errorf("new action's axis = %s; want acces-aux-droits", a.Axis.Slug)
			}
		}
	}
}

// TestInitSettings: the language and the address given to Init are in
// the config.toml it writes, and the site builds with them.
func TestInitSettings(t *testing.T) {
	tests := []struct {
		lang           config.Language
		baseURL, want  string
		line, language string
	}{
		{"fr", "", "http://localhost:1313/", `baseURL = "http://localhost:1313/"  # l'adresse du site publié, à remplacer avant la mise en ligne`, `language = "fr"`},
		{"en", "https://www.ville.fr/projet-social", "https://www.ville.fr/projet-social/", `baseURL = "https://www.ville.fr/projet-social/"  # l'adresse du site publié`, `language = "en"`},
		{"fr", "https://mairie.fr", "https://mairie.fr/", `baseURL = "https://mairie.fr/"  # l'adresse du site publié`, `language = "fr"`},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.baseURL, func(t *testing.T) {
			dir := t.TempDir()
			if err := Init(dir, tt.lang, tt.baseURL); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
			for _, want := range []string{tt.line, tt.language} {
				if !strings.Contains(string(data), want+"\n") && !strings.Contains(string(data), want+" ") {
					t.Errorf("Init(%s, %q) config.toml has no line %q:\n%s", tt.lang, tt.baseURL, want, data)
				}
			}
			res, err := build.Render(t.Context(), build.Options{Source: dir})
			if err != nil {
				t.Fatalf("build.Render: %v", err)
			}
			if c := res.Site.Config; c.Language != tt.lang || c.BaseURL != tt.want {
				t.Errorf("Init(%s, %q): language %s, baseURL %s; want %s, %s", tt.lang, tt.baseURL, c.Language, c.BaseURL, tt.lang, tt.want)
			}
		})
	}
}

// TestInitErrors has a case for every message of Init; DIR stands for the
// folder given. None writes a file.
func TestInitErrors(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T) string // returns the folder to give Init
		lang     config.Language
		baseURL  string
		want, fr string
	}{
		{"not empty", func(t *testing.T) string {
			return sitetest.Dir(t, "-- notes.txt --\nà garder\n")
		}, "fr", "", `DIR is not empty (jalons init makes a site in a new or empty folder, so that no file is overwritten)`,
			`DIR n'est pas vide (jalons init crée un site dans un dossier nouveau ou vide, pour ne remplacer aucun fichier)`},
		{"hidden file", func(t *testing.T) string {
			return sitetest.Dir(t, "-- .git/HEAD --\nref\n")
		}, "fr", "", `DIR is not empty (jalons init makes a site in a new or empty folder, so that no file is overwritten)`,
			`DIR n'est pas vide (jalons init crée un site dans un dossier nouveau ou vide, pour ne remplacer aucun fichier)`},
		{"a file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "site.txt")
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, "fr", "", `DIR is a file, not a folder (jalons init makes a site in a new or empty folder)`,
			`DIR est un fichier, pas un dossier (jalons init crée un site dans un dossier nouveau ou vide)`},
		{"no folder", func(t *testing.T) string { return "" }, "fr", "",
			`no folder given: say where to make the site, like jalons init mon-site`,
			"aucun dossier indiqué\u00a0: dites où créer le site, comme jalons init mon-site"},
		{"base URL not an address", func(t *testing.T) string { return filepath.Join(t.TempDir(), "site") }, "fr", "www.ville.fr",
			`-base-url: baseURL "www.ville.fr" must be a full address such as https://www.example.fr/projet-social/`,
			"-base-url\u00a0: baseURL = \"www.ville.fr\"\u00a0: il faut une adresse complète, comme https://www.example.fr/projet-social/"},
		{"base URL with a query", func(t *testing.T) string { return filepath.Join(t.TempDir(), "site") }, "en", "https://ville.fr/?p=1",
			`-base-url: baseURL "https://ville.fr/?p=1" must not have a query (?…) or fragment (#…)`,
			"-base-url\u00a0: baseURL = \"https://ville.fr/?p=1\"\u00a0: l'adresse ne doit avoir ni paramètres (?…) ni ancre (#…)"},
		{"language", func(t *testing.T) string { return filepath.Join(t.TempDir(), "site") }, "de", "",
			`-language: unknown language "de" (use "fr" or "en")`,
			"-language\u00a0: langue inconnue \"de\" (utilisez \"fr\" ou \"en\")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.setup(t)
			var before []string
			_, statErr := os.Stat(dir)
			if statErr == nil {
				before = files(t, dir)
			}
			err := Init(dir, tt.lang, tt.baseURL)
			if err == nil {
				t.Fatalf("Init(%s) = nil; want error %s", dir, tt.want)
			}
			for _, lang := range []string{"en", "fr"} {
				got, want := diag.Text(err, lang), map[string]string{"en": tt.want, "fr": tt.fr}[lang]
				if dir != "" {
					got = strings.ReplaceAll(got, dir, "DIR")
				}
				if got != want {
					t.Errorf("Init(%s, %s, %q) in %s = %q; want %q", dir, tt.lang, tt.baseURL, lang, got, want)
				}
			}
			if _, err := os.Stat(dir); statErr != nil && err == nil {
				t.Errorf("Init(%s) made the folder", dir)
			} else if statErr == nil {
				if after := files(t, dir); !reflect.DeepEqual(after, before) {
					t.Errorf("Init wrote files: %v; before %v", after, before)
				}
			}
		})
	}
}
