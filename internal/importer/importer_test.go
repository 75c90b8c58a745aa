package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"jalons/internal/build"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/site"
	"jalons/internal/sitetest"
)

var today = time.Date(2026, time.April, 29, 0, 0, 0, 0, time.UTC)

// axes is a site with two axes and no action.
const axes = `
-- config.toml --
title = "Projet social"
territory = "Saint-Flour"
-- content/axes/lien-social.md --
+++
title = "Lien social"
order = 1
+++
-- content/axes/precarites.md --
+++
title = "Réduire les précarités"
order = 2
+++
`

// row is what a test compares of an action.
type row struct {
	Title, Axis, Status, Start, End, Lead string
	Partners, Audience, Territories       []string
	Budget, Spent, Progress, Weight       string
	Summary                               string
}

func opt(f *float64) string {
	if f == nil {
		return ""
	}
	return fmt.Sprint(*f)
}

func rows(s *site.Site) map[string]row {
	out := map[string]row{}
	for _, a := range s.Actions {
		r := row{Title: a.Title, Axis: a.Axis.Slug, Status: a.Status.Code(), Lead: a.Lead,
			Partners: a.Partners, Audience: a.Audience, Territories: a.Territories,
			Budget: opt(a.Budget), Spent: opt(a.Spent), Weight: opt(a.Weight), Summary: a.Summary}
		if !a.Start.IsZero() {
			r.Start = a.Start.String()
		}
		if !a.End.IsZero() {
			r.End = a.End.String()
		}
		if a.Progress.Known {
			r.Progress = fmt.Sprintf("%.2f", a.Progress.Ratio*100)
		}
		out[a.Slug] = r
	}
	return out
}

// importInto writes the spreadsheet data as name beside a new site made of
// archive, imports it, and returns the site built after.
func importInto(t *testing.T, archive, name string, data []byte) (*site.Site, []string) {
	t.Helper()
	dir := sitetest.Dir(t, archive)
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := Actions(t.Context(), dir, file, today)
	if err != nil {
		t.Fatalf("Actions(%s) = %v", name, err)
	}
	for i, p := range written {
		written[i] = filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
	}
	res, err := build.Render(t.Context(), build.Options{Source: dir})
	if err != nil {
		t.Fatalf("Render after import: %v", err)
	}
	return res.Site, written
}

func check(t *testing.T, got map[string]row, want map[string]row) {
	t.Helper()
	for slug, w := range want {
		if g := got[slug]; !reflect.DeepEqual(g, w) {
			t.Errorf("action %s =\n%+v\nwant\n%+v", slug, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d actions, want %d", len(got), len(want))
	}
}

func TestCSVCommaUTF8(t *testing.T) {
	csv := "Title,Axis,Status,Start,End,Lead,Partners,Audience,Territories,Budget,Spent,Progress,Summary\n" +
		"Épicerie sociale,precarites,In progress,2024-03-12,2025-12-31,CCAS,\"Mission locale, CAF\",familles,Saint-Flour,150000,\"1,200.50\",60 %,Une épicerie\n" +
		",,,,,,,,,,,,\n" +
		"Café des parents,Lien social,done,,,,,,,,,,\n" +
		"Nouvelle action,Accès au numérique,,,,,,,,,,,\n"
	site, written := importInto(t, axes, "plan.csv", []byte(csv))
	check(t, rows(site), map[string]row{
		"epicerie-sociale": {Title: "Épicerie sociale", Axis: "precarites", Status: "in_progress", Start: "2024-03-12", End: "2025-12-31",
			Lead: "CCAS", Partners: []string{"Mission locale", "CAF"}, Audience: []string{"familles"}, Territories: []string{"Saint-Flour"},
			Budget: "150000", Spent: "1200.5", Progress: "60.00", Summary: "Une épicerie"},
		"cafe-des-parents": {Title: "Café des parents", Axis: "lien-social", Status: "done", Progress: "100.00"},
		"nouvelle-action":  {Title: "Nouvelle action", Axis: "acces-au-numerique", Status: "planned", Progress: "0.00"},
	})
	want := []string{"content/actions/epicerie-sociale.md", "content/actions/cafe-des-parents.md",
		"content/axes/acces-au-numerique.md", "content/actions/nouvelle-action.md"}
	if !reflect.DeepEqual(written, want) {
		t.Errorf("written = %q; want %q", written, want)
	}
	if n := len(site.Axes); n != 3 || site.Axes[2].Title != "Accès au numérique" || site.Axes[2].Order != 3 {
		t.Errorf("axes after import: %d, last %+v", n, site.Axes[n-1])
	}
}

func TestCSVSemicolonWindows1252(t *testing.T) {
	csv := "Titre;Axe;Statut;Début;Fin;Porteur;Partenaires;Publics;Territoires;Budget;Dépensé;Avancement;Résumé\n" +
		"Épicerie sociale;Réduire les précarités;Réalisée;12/03/2024;31.12.2025;Mairie;\"Mission locale; CAF\";personnes âgées;Neuvéglise;45\u00a0000,50 €;1 200;;Ouverte à tous\n" +
		"Accueil de jour;lien-social;en-cours;;;;;;;;;37,5 %;\n"
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	site, _ := importInto(t, axes, "plan.csv", data)
	check(t, rows(site), map[string]row{
		"epicerie-sociale": {Title: "Épicerie sociale", Axis: "precarites", Status: "done", Start: "2024-03-12", End: "2025-12-31",
			Lead: "Mairie", Partners: []string{"Mission locale", "CAF"}, Audience: []string{"personnes âgées"}, Territories: []string{"Neuvéglise"},
			Budget: "45000.5", Spent: "1200", Progress: "100.00", Summary: "Ouverte à tous"},
		"accueil-de-jour": {Title: "Accueil de jour", Axis: "lien-social", Status: "in_progress", Progress: "37.50"},
	})
}

func TestCSVUTF8WithBOM(t *testing.T) {
	csv := "\xef\xbb\xbftitre;axe;statut;pilote\nAtelier mémoire;lien-social;À venir;Centre social\n"
	site, _ := importInto(t, axes, "plan.csv", []byte(csv))
	check(t, rows(site), map[string]row{
		"atelier-memoire": {Title: "Atelier mémoire", Axis: "lien-social", Status: "planned", Lead: "Centre social", Progress: "0.00"},
	})
}

func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	cells := [][]any{
		{"Titre", "Axe", "Statut", "Début", "Fin", "Budget", "Avancement", "Partenaires"},
		{"Épicerie sociale", "precarites", "En cours", 45363, "31/12/2025", 150000.5, 0.4, "CAF; Mairie"},
		{},
		{"Jardin partagé", "Lien social", "Suspendue", "2024-01-15", nil, "12 000 €", "25 %", nil},
	}
	for i, r := range cells {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14}) // a date
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 9})   // 0%
	f.SetCellStyle(sheet, "D2", "D2", dateStyle)
	f.SetCellStyle(sheet, "G2", "G2", pctStyle)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	site, _ := importInto(t, axes, "plan.xlsx", buf.Bytes())
	check(t, rows(site), map[string]row{
		"epicerie-sociale": {Title: "Épicerie sociale", Axis: "precarites", Status: "in_progress", Start: "2024-03-12", End: "2025-12-31",
			Partners: []string{"CAF", "Mairie"}, Budget: "150000.5", Progress: "40.00"},
		"jardin-partage": {Title: "Jardin partagé", Axis: "lien-social", Status: "suspended", Start: "2024-01-15", Budget: "12000", Progress: "25.00"},
	})
}

// TestRoundTrip imports a built site's data/actions.csv into an empty site
// with the same axes, and finds the same actions.
func TestRoundTrip(t *testing.T) {
	site := axes + `
-- content/actions/epicerie.md --
+++
title = "=Épicerie, sociale"
axis = "precarites"
status = "in_progress"
start = 2010-01-01
end = 2012-12-31
lead = "-CCAS de Saint-Flour"
partners = ["Banque alimentaire", "@Mission locale", "Mairie, CCAS"]
audience = ["familles", "personnes isolées"]
territories = ["Saint-Flour"]
budget = 150000.5
spent = 120000
progress = 37.5
weight = 2
+++
-- content/actions/cafe.md --
+++
title = "Café des parents \"Le Lien\""
axis = "lien-social"
status = "abandonee"
+++
-- content/actions/jardin.md --
+++
title = "Jardin"
axis = "lien-social"
status = "done"
slug = "jardin-partage"
+++
-- content/actions/atelier.md --
+++
title = "Atelier"
axis = "lien-social"
status = "planned"
+++
`
	site = strings.Replace(site, "abandonee", "abandoned", 1)
	res, err := build.Render(t.Context(), build.Options{Source: sitetest.Dir(t, site)})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	csv := res.Files["data/actions.csv"]
	if !strings.Contains(string(csv), "'=Épicerie") {
		t.Fatalf("actions.csv is not neutralised as this test expects:\n%s", csv)
	}
	got, _ := importInto(t, axes, "actions.csv", csv)
	want := rows(res.Site)
	// Mairie, CCAS comes back as one partner: actions.csv joins with "; ".
	check(t, rows(got), want)
}

// TestProblems checks every problem of an import, in English and in
// French, and that nothing is written.
func TestProblems(t *testing.T) {
	site := axes + `
-- content/actions/epicerie.md --
+++
title = "Épicerie"
axis = "lien-social"
status = "done"
+++
-- content/actions/cafe.md --
+++
title = "Café"
axis = "lien-social"
status = "done"
slug = "cafe-des-parents"
+++
`
	tests := []struct {
		name, file, data string
		en, fr           []string
	}{
		{"not a spreadsheet", "plan.ods", "x",
			[]string{`plan.ods:1:1: the import reads .csv and .xlsx files, not ".ods" (in the spreadsheet, save as CSV or as an Excel workbook)`},
			[]string{"plan.ods:1:1: l'import lit les fichiers .csv et .xlsx, pas \".ods\" (dans le tableur, enregistrez au format CSV ou classeur Excel)"}},
		{"broken workbook", "plan.xlsx", "not a zip",
			[]string{`plan.xlsx:1:1: the workbook cannot be read: zip: not a valid zip file (save it again as an Excel workbook, .xlsx)`},
			[]string{"plan.xlsx:1:1: le classeur est illisible\u00a0: zip: not a valid zip file (enregistrez-le à nouveau comme classeur Excel, .xlsx)"}},
		{"bad quotes", "plan.csv", "titre,axe\nÉpicerie,lien-social\nCafé \"du\" lien,lien-social\n",
			[]string{`plan.csv:3:1: this row cannot be read as CSV: bare " in non-quoted-field (check its quotes)`},
			[]string{"plan.csv:3:1: cette ligne n'est pas du CSV lisible\u00a0: bare \" in non-quoted-field (vérifiez ses guillemets)"}},
		{"empty", "plan.csv", "\n;;\n",
			[]string{`plan.csv:1:1: the spreadsheet is empty: its first row names the columns, like titre, axe, statut, then one action a row`},
			[]string{"plan.csv:1:1: le tableau est vide\u00a0: sa première ligne nomme les colonnes, comme titre, axe, statut, puis une action par ligne"}},
		{"unknown column with a hint", "plan.csv", "titre;axe;statu\nA;lien-social;done\n",
			[]string{`plan.csv:1:3: unknown column "statu" (did you mean "statut"?)`},
			[]string{"plan.csv:1:3: colonne inconnue \"statu\" (vouliez-vous dire \"statut\"\u00a0?)"}},
		{"unknown column", "plan.csv", "\ntitre;axe;Commentaires\nA;lien-social;x\n",
			[]string{`plan.csv:2:3: unknown column "Commentaires" (known columns: titre, title, axe, axis, statut, status, début, start, fin, end, pilote, porteur, lead, partenaires, partners, publics, audience, territoires, territories, budget, dépensé, spent, avancement, progress, résumé, summary, poids, weight, slug, url, en retard, late)`},
			[]string{"plan.csv:2:3: colonne inconnue \"Commentaires\" (colonnes possibles\u00a0: titre, title, axe, axis, statut, status, début, start, fin, end, pilote, porteur, lead, partenaires, partners, publics, audience, territoires, territories, budget, dépensé, spent, avancement, progress, résumé, summary, poids, weight, slug, url, en retard, late)"}},
		{"same column twice", "plan.csv", "Titre;Axe;Title\nA;lien-social;B\n",
			[]string{`plan.csv:1:3: column "Title" says the same as column 1, "Titre" (keep one of them)`},
			[]string{"plan.csv:1:3: la colonne \"Title\" dit la même chose que la colonne 1, \"Titre\" (gardez l'une des deux)"}},
		{"missing columns", "plan.csv", "statut;budget\ndone;3\n",
			[]string{
				`plan.csv:1:1: the header row has no title column (add a column named titre or title)`,
				`plan.csv:1:1: the header row has no axis column (add a column named axe or axis)`,
			},
			[]string{
				"plan.csv:1:1: il manque la colonne titre (ajoutez à la ligne d'en-tête une colonne nommée titre ou title)",
				"plan.csv:1:1: il manque la colonne axe (ajoutez à la ligne d'en-tête une colonne nommée axe ou axis)",
			}},
		{"cell without a column", "plan.csv", "titre;;axe\nA;x;lien-social;y\n",
			[]string{
				`plan.csv:2:2: this cell is in a column without a name (name the column in the header row, or empty the cell)`,
				`plan.csv:2:4: this cell is in a column without a name (name the column in the header row, or empty the cell)`,
			},
			[]string{
				"plan.csv:2:2: cette cellule est dans une colonne sans nom (nommez la colonne dans la ligne d'en-tête, ou videz la cellule)",
				"plan.csv:2:4: cette cellule est dans une colonne sans nom (nommez la colonne dans la ligne d'en-tête, ou videz la cellule)",
			}},
		{"no title, no axis", "plan.csv", "titre,axe,budget\n,,3\n",
			[]string{
				`plan.csv:2:1: no title: every action needs one (write it in this cell, or delete the row)`,
				`plan.csv:2:2: no axis: every action needs one (write the slug or the title of an axis)`,
			},
			[]string{
				"plan.csv:2:1: titre manquant\u00a0: chaque action en a un (écrivez-le dans cette cellule, ou supprimez la ligne)",
				"plan.csv:2:2: axe manquant\u00a0: chaque action en a un (écrivez le slug ou le titre d'un axe)",
			}},
		{"no file name", "plan.csv", "Titre,Axe\n!!!,???\n",
			[]string{
				`plan.csv:2:1: Titre "!!!" gives no file name (write letters or digits)`,
				`plan.csv:2:2: Axe "???" gives no file name (write letters or digits)`,
			},
			[]string{
				"plan.csv:2:1: Titre \"!!!\" ne donne pas de nom de fichier (écrivez des lettres ou des chiffres)",
				"plan.csv:2:2: Axe \"???\" ne donne pas de nom de fichier (écrivez des lettres ou des chiffres)",
			}},
		{"unknown status", "plan.csv", "titre,axe,statut\nA,lien-social,En cour\n",
			[]string{`plan.csv:2:3: unknown status "En cour" (did you mean "En cours"?); use one of À venir, En cours, Réalisée, Suspendue, Abandonnée, planned, in_progress, done, suspended, abandoned`},
			[]string{"plan.csv:2:3: statut inconnu \"En cour\" (vouliez-vous dire \"En cours\"\u00a0?)\u00a0; utilisez l'une de ces valeurs\u00a0: À venir, En cours, Réalisée, Suspendue, Abandonnée, planned, in_progress, done, suspended, abandoned"}},
		{"bad slug", "plan.csv", "titre,axe,slug\nA,lien-social,Mon Action\n",
			[]string{`plan.csv:2:3: slug "Mon Action" must be lowercase letters, digits and hyphens, like "mon-action"`},
			[]string{"plan.csv:2:3: slug = \"Mon Action\"\u00a0: n'utilisez que des lettres minuscules sans accents, des chiffres et des tirets, comme \"mon-action\""}},
		{"bad date", "plan.csv", "titre,axe,début\nA,lien-social,32/01/2024\n",
			[]string{`plan.csv:2:3: début: "32/01/2024" is not a date (write it like 12/03/2024 or 2024-03-12)`},
			[]string{"plan.csv:2:3: début\u00a0: \"32/01/2024\" n'est pas une date (écrivez-la comme 12/03/2024 ou 2024-03-12)"}},
		{"bad number", "plan.csv", "titre;axe;budget\nA;lien-social;12 k€\n",
			[]string{`plan.csv:2:3: budget: "12 k€" is not a number (write digits, like 45000, 45 000 or 1 500,50 €)`},
			[]string{"plan.csv:2:3: budget\u00a0: \"12 k€\" n'est pas un nombre (écrivez des chiffres, comme 45000, 45 000 ou 1 500,50 €)"}},
		{"two rows, one slug", "plan.csv", "titre;axe\nJardin partagé;lien-social\nJARDIN PARTAGÉ;lien-social\n",
			[]string{`plan.csv:3:1: row 2 gives the slug "jardin-partage" already (change one of the titles, or fill a slug column)`},
			[]string{"plan.csv:3:1: la ligne 2 donne déjà le slug \"jardin-partage\" (changez l'un des titres, ou remplissez une colonne slug)"}},
		{"file exists", "plan.csv", "axe;titre\nlien-social;Épicerie\n",
			[]string{`plan.csv:2:2: content/actions/epicerie.md already exists: the import never replaces a file (delete the row, or give it another slug)`},
			[]string{"plan.csv:2:2: content/actions/epicerie.md existe déjà\u00a0: l'import ne remplace jamais un fichier (supprimez la ligne, ou donnez-lui un autre slug)"}},
		{"slug taken", "plan.csv", "titre;axe;slug\nA;lien-social;cafe-des-parents\n",
			[]string{`plan.csv:2:3: content/actions/cafe.md already has the slug "cafe-des-parents": the import never replaces an action (delete the row, or give it another slug)`},
			[]string{"plan.csv:2:3: content/actions/cafe.md a déjà le slug \"cafe-des-parents\"\u00a0: l'import ne remplace jamais une action (supprimez la ligne, ou donnez-lui un autre slug)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, site+"-- "+tt.file+" --\nplaceholder\n")
			file := filepath.Join(dir, tt.file)
			if err := os.WriteFile(file, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			before := files(t, dir)
			written, err := Actions(t.Context(), dir, file, today)
			var list diag.List
			if !asList(err, &list) {
				t.Fatalf("Actions(%q) = %v; want problems", tt.data, err)
			}
			var en, fr []string
			for _, e := range list {
				e.Pos.File = filepath.ToSlash(strings.TrimPrefix(e.Pos.File, dir+string(filepath.Separator)))
				en = append(en, e.Error())
				fr = append(fr, e.Text("fr"))
			}
			if strings.Join(en, "\n") != strings.Join(tt.en, "\n") {
				t.Errorf("Actions(%q) =\n%s\nwant\n%s", tt.data, strings.Join(en, "\n"), strings.Join(tt.en, "\n"))
			}
			if strings.Join(fr, "\n") != strings.Join(tt.fr, "\n") {
				t.Errorf("Actions(%q) in French =\n%s\nwant\n%s", tt.data, strings.Join(fr, "\n"), strings.Join(tt.fr, "\n"))
			}
			if after := files(t, dir); len(written) > 0 || !reflect.DeepEqual(after, before) {
				t.Errorf("files written: %q; the site's files went from %q to %q", written, before, after)
			}
		})
	}
}

// TestCheckAfterWriting checks that the site is checked once the files
// are written, as a build checks it.
func TestCheckAfterWriting(t *testing.T) {
	dir := sitetest.Dir(t, axes)
	file := filepath.Join(t.TempDir(), "plan.csv")
	os.WriteFile(file, []byte("titre;axe;avancement\nA;lien-social;150\n"), 0o644)
	written, err := Actions(t.Context(), dir, file, today)
	if len(written) != 1 {
		t.Fatalf("written = %q; want the action", written)
	}
	want := "content/actions/a.md:15:1: progress 150 is outside 0..100 (a percentage: 0 for nothing done, 100 for all done)"
	if err == nil || err.Error() != want {
		t.Errorf("Actions = %v; want %s", err, want)
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out
}

func asList(err error, list *diag.List) bool {
	l, ok := err.(diag.List)
	*list = l
	return ok
}

func TestStatusesInStep(t *testing.T) {
	for i, s := range content.Statuses {
		if got := statuses[i][0]; got != s.Code() {
			t.Errorf("statuses[%d] = %q; want %q, as content has it", i, got, s.Code())
		}
	}
}
