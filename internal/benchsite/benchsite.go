// Package benchsite writes a generated site for benchmarks, in the content
// format of docs/content-format.md, with realistic French text: varied
// sentences drawn from a fixed bank of words and phrases, lists and
// tables in the bodies.
//
// A site of n actions (SizeOf gives every count) has n/100 axes (at least
// one), n/2 indicators with 3 to 8 values each, n/10 news items,
// milestones, territories and publics, a governance file with bodies,
// members, structures and meetings, a home introduction and free pages.
// Some files have CRLF line endings, some a byte order mark, some an
// accented file name with spaces ("Épicerie sociale à Murat 8.md").
//
// Every choice comes from a generator seeded with the kind and index of
// the item, so the same n always gives byte-identical files.
package benchsite

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jalons/internal/slug"
)

// Size is how many items of each kind a site of n actions holds.
type Size struct {
	Axes, Actions, Indicators, News int
	Territories, Audiences          int // each named by at least one action
	Structures                      int
}

// SizeOf gives the counts of a site of n actions.
func SizeOf(n int) Size {
	axes := max(1, n/100)
	return Size{
		Axes:        axes,
		Actions:     n,
		Indicators:  n / 2,
		News:        n / 10,
		Territories: max(1, min(n, max(3, n/40))),
		Audiences:   max(1, min(n, len(audiences), 5+n/20)),
		Structures:  max(3, n/200),
	}
}

// Today is the day the figures of a generated site are written for: some
// actions and milestones are late on that day, some indicators out of
// date. Builds of a generated site pass it (-today 2026-12-01).
var Today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// Write writes a site of n actions into dir, which must be absent or
// empty.
func Write(dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("benchsite: %d actions (at least 1)", n)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("benchsite: %s is not empty", dir)
	}
	g := &gen{dir: dir, size: SizeOf(n)}
	g.config()
	g.home()
	for k := range g.size.Axes {
		g.axis(k)
	}
	for i := range n {
		g.action(i)
	}
	for j := range g.size.Indicators {
		g.indicator(j)
	}
	for k := range g.size.News {
		g.news(k)
	}
	g.governance()
	for _, p := range pages {
		g.page(p)
	}
	return g.err
}

// gen writes one site; err is its first error.
type gen struct {
	dir  string
	size Size
	err  error
}

// Kinds of items, each seeding its own random numbers.
const (
	seedAxis = iota + 1
	seedAction
	seedIndicator
	seedNews
	seedGovernance
	seedPage
)

func rng(kind, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(kind), uint64(i)))
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// put writes a file, with CRLF line endings or a byte order mark when
// asked.
func (g *gen) put(name string, text []byte, crlf, bom bool) {
	if g.err != nil {
		return
	}
	if crlf {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	if bom {
		text = append([]byte("\uFEFF"), text...)
	}
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, text, 0o644)
}

// fileName is the name of item i's file: its slug, or now and then its
// title as a writer would type it (accents and spaces), which folds to
// the same slug.
func fileName(title string, i, every, at int) string {
	if i%every == at {
		return title
	}
	return slug.Make(title)
}

// crlf and bom say which items' files take CRLF line endings or a BOM.
func crlf(i int) bool { return i%13 == 5 }
func bom(i int) bool  { return i%17 == 8 }

// q writes s as a TOML basic string.
func q(s string) string { return `"` + quoter.Replace(s) + `"` }

var quoter = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func qlist(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = q(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

// euros writes 12500 as "12 500 €", with no-break spaces.
func euros(v int) string {
	s := strconv.Itoa(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return b.String() + "\u00a0€"
}

func (g *gen) config() {
	g.put("config.toml", []byte(`title = "Projet social de territoire des Hautes Terres"
territory = "Communauté de communes des Hautes Terres"
baseURL = "https://www.example.fr/projet-social/"
language = "fr"
theme = "default"
description = "Suivi public des actions du projet social de territoire 2017-2026"
period = { start = 2017, end = 2026 }
contact = "projet-social@example.fr"
newsPerPage = 10
`), false, false)
}

func (g *gen) home() {
	r := rng(seedPage, 0)
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %q\n+++\n", "Le projet social de territoire")
	paragraph(&b, r, 3)
	b.WriteString("Ce site présente, pour chaque axe du projet, les actions engagées, leurs résultats et les chiffres qui les mesurent.\n")
	g.put("content/_index.md", b.Bytes(), false, false)
}

// axisSlug and axisTitle name axis k.
func axisTitle(k int) string {
	t := axisTitles[k%len(axisTitles)]
	if k >= len(axisTitles) {
		t += fmt.Sprintf(" (volet %d)", k/len(axisTitles)+1)
	}
	return t
}

func axisSlug(k int) string { return slug.Make(axisTitle(k)) }

func (g *gen) axis(k int) {
	r := rng(seedAxis, k)
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\norder = %d\nsummary = %s\n", q(axisTitle(k)), k+1, q(sentence(r)))
	if k%4 == 1 {
		fmt.Fprintf(&b, "updated = %s\n", date(Today.AddDate(0, -1-r.IntN(30), -r.IntN(28))))
	}
	b.WriteString("+++\n## Pourquoi cet axe\n\n")
	paragraph(&b, r, 3+r.IntN(3))
	b.WriteString("## Ce qu'il couvre\n\n")
	list(&b, r, 3+r.IntN(3))
	paragraph(&b, r, 2)
	g.put("content/axes/"+fileName(axisTitle(k), k, 7, 3)+".md", b.Bytes(), crlf(k), bom(k))
}

// territory and audience name territory k and public k.
func territory(k int) string {
	t := communes[k%len(communes)]
	if k >= len(communes) {
		t += fmt.Sprintf(", secteur %d", k/len(communes)+1)
	}
	return t
}

func audience(k int) string { return audiences[k] }

// actionTitle, actionSlug and actionTerritory describe action i; they
// draw from their own generator, so that indicators and news can name
// the action.
func actionTitle(i int, s Size) string {
	r := rng(seedAction+100, i)
	kind := pick(r, actionKinds)
	if r.IntN(3) == 0 {
		return kind + " " + pick(r, forWhom)
	}
	return kind + " à " + territory(i%s.Territories)
}

func actionSlug(i int, s Size) string {
	return slug.Make(actionTitle(i, s) + " " + strconv.Itoa(i+1))
}

// structure k is a partner or carrying structure of the governance; the
// names are distinct since Structures ≤ 6 × Territories.
func structure(k int, s Size) (id, name, kind, where string) {
	kind = structureKinds[k%len(structureKinds)]
	where = territory(k / len(structureKinds) % s.Territories)
	name = kind + " de " + where
	return slug.Make(name), name, kind, where
}

var statuses = []string{"planned", "in_progress", "done", "suspended", "abandoned"}
var aliases = []string{"a-venir", "en-cours", "realisee", "suspendue", "abandonnee"}

func (g *gen) action(i int) {
	s := g.size
	r := rng(seedAction, i)
	title := actionTitle(i, s)
	st := i
	if i >= len(statuses) {
		// 20 % planned, 40 % in progress, 25 % done, 8 % suspended, 7 % abandoned.
		switch x := r.IntN(100); {
		case x < 20:
			st = 0
		case x < 60:
			st = 1
		case x < 85:
			st = 2
		case x < 93:
			st = 3
		default:
			st = 4
		}
	}
	status := statuses[st]
	if r.IntN(3) == 0 {
		status = aliases[st]
	}
	start := time.Date(2017+r.IntN(9), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\naxis = %q\nstatus = %q\nstart = %s\n", q(title), axisSlug(i%s.Axes), status, date(start))
	end := start.AddDate(0, 6+r.IntN(43), 0)
	if r.IntN(5) > 0 {
		fmt.Fprintf(&b, "end = %s\n", date(end))
	}
	if r.IntN(2) == 0 {
		id, _, _, _ := structure(r.IntN(s.Structures), s)
		fmt.Fprintf(&b, "lead = %q\n", id)
	} else {
		fmt.Fprintf(&b, "lead = %s\n", q(pick(r, []string{"CCAS de ", "Mairie de ", "Centre social de "})+territory(r.IntN(s.Territories))))
	}
	fmt.Fprintf(&b, "partners = %s\n", qlist(distinct(r, partners, 1+r.IntN(4))))
	fmt.Fprintf(&b, "audience = %s\n", qlist(some(r, i%s.Audiences, s.Audiences, audience)))
	fmt.Fprintf(&b, "territories = %s\n", qlist(some(r, i%s.Territories, s.Territories, territory)))
	budget := 0
	if r.IntN(5) < 3 {
		budget = 2000 + 500*r.IntN(300)
		fmt.Fprintf(&b, "budget = %d\n", budget)
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "spent = %d\n", budget*r.IntN(101)/100)
		}
	}
	if st == 1 && r.IntN(5) < 2 {
		fmt.Fprintf(&b, "progress = %d\n", 5*r.IntN(21))
	}
	fmt.Fprintf(&b, "summary = %s\n", q(sentence(r)))
	if r.IntN(10) == 0 {
		fmt.Fprintf(&b, "weight = %s\n", pick(r, []string{"2", "0.5", "3"}))
	}
	if r.IntN(5) == 0 {
		fmt.Fprintf(&b, "updated = %s\n", date(Today.AddDate(0, -r.IntN(40), -r.IntN(28))))
	}
	day, first := start, r.IntN(len(milestoneTitles))
	for m := range r.IntN(4) {
		day = day.AddDate(0, 3+r.IntN(9), r.IntN(20))
		fmt.Fprintf(&b, "\n[[milestones]]\ndate = %s\ntitle = %s\n", date(day), q(milestoneTitles[(first+m)%len(milestoneTitles)]))
		if day.Before(Today.AddDate(0, -6, 0)) && r.IntN(10) < 7 {
			b.WriteString("done = true\n")
		}
		if r.IntN(10) < 3 {
			fmt.Fprintf(&b, "note = %s\n", q(pick(r, milestoneNotes)))
		}
	}
	b.WriteString("+++\n## Objectifs\n\n")
	paragraph(&b, r, 2+r.IntN(3))
	b.WriteString("L'action prévoit :\n\n")
	list(&b, r, 2+r.IntN(4))
	b.WriteString("## Moyens\n\n")
	paragraph(&b, r, 1+r.IntN(3))
	if budget > 0 {
		b.WriteString("| Poste | Montant |\n|---|---:|\n")
		rest := budget
		for _, post := range distinct(r, budgetLines, 2+r.IntN(3)) {
			part := rest / 2 / 100 * 100
			fmt.Fprintf(&b, "| %s | %s |\n", post, euros(part))
			rest -= part
		}
		fmt.Fprintf(&b, "| Autres dépenses | %s |\n| **Total** | **%s** |\n\n", euros(rest), euros(budget))
	}
	b.WriteString("## Résultats\n\n")
	if st == 0 {
		b.WriteString("L'action n'a pas encore commencé : cette fiche sera mise à jour à chaque étape.\n")
	} else {
		paragraph(&b, r, 2+r.IntN(4))
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "> %s\n\n", quote(r))
		}
	}
	name := fileName(title+" "+strconv.Itoa(i+1), i, 50, 7)
	g.put("content/actions/"+name+".md", b.Bytes(), crlf(i), bom(i))
}

// some gives first's name and up to two others among n, all distinct.
func some(r *rand.Rand, first, n int, name func(int) string) []string {
	out := []string{name(first)}
	seen := map[int]bool{first: true}
	for range r.IntN(3) {
		if k := r.IntN(n); !seen[k] {
			seen[k] = true
			out = append(out, name(k))
		}
	}
	return out
}

// distinct gives up to n distinct entries of list, in the list's order.
func distinct(r *rand.Rand, list []string, n int) []string {
	var out []string
	for _, k := range r.Perm(len(list))[:min(n, len(list))] {
		out = append(out, list[k])
	}
	return out
}

type measure struct {
	title, unit string
	scale       float64 // the usual size of a value
	decimals    bool
	decrease    bool
}

func (g *gen) indicator(j int) {
	s := g.size
	r := rng(seedIndicator, j)
	m := pick(r, measures)
	masked := j%15 == 3
	if masked {
		m = measure{title: "Personnes en situation de handicap accompagnées", unit: "personnes", scale: 12}
	}
	act := 2 * j // every other action has an indicator
	title := fmt.Sprintf("%s (%s)", m.title, territory(act%s.Territories))
	var b bytes.Buffer
	fmt.Fprintf(&b, "title = %s\n", q(title))
	if j%9 != 4 {
		fmt.Fprintf(&b, "action = %q\n", actionSlug(act, s))
	}
	fmt.Fprintf(&b, "unit = %s\n", q(m.unit))
	round := func(v float64) float64 {
		if m.decimals {
			return float64(int(v*10+0.5)) / 10
		}
		return float64(int(v + 0.5))
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	start, target := round(m.scale*(0.1+0.3*r.Float64())), m.scale
	if m.decrease {
		start, target = m.scale, round(m.scale*(0.2+0.3*r.Float64()))
	}
	if start != 0 {
		fmt.Fprintf(&b, "baseline = %s\n", num(start))
	}
	hasTarget := r.IntN(100) < 85
	if hasTarget {
		fmt.Fprintf(&b, "target = %s\n", num(target))
	}
	if m.decrease {
		b.WriteString("direction = \"decrease\"\n")
	}
	fmt.Fprintf(&b, "source = %s\n", q(pick(r, sources)))
	fmt.Fprintf(&b, "description = %s\n", q(sentence(r)+" "+sentence(r)))
	count := 3 + r.IntN(6)
	months, freq := 12, "yearly"
	if r.IntN(3) == 0 {
		months, freq = 3, "quarterly"
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "frequency = %q\n", freq)
	}
	if masked {
		b.WriteString("maskBelow = 5\n")
	}
	if r.IntN(7) == 0 {
		fmt.Fprintf(&b, "updated = %s\n", date(Today.AddDate(0, -r.IntN(30), -r.IntN(28))))
	}
	// The last value is at the end of a quarter or a year before today,
	// sometimes long enough before it for the indicator to be out of date.
	last := time.Date(2026, time.Month(3*(1+r.IntN(3))+1), 0, 0, 0, 0, 0, time.UTC).AddDate(0, -months*r.IntN(3), 0)
	if months == 12 {
		last = time.Date(2025-r.IntN(3), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	for k := range count {
		day := time.Date(last.Year(), last.Month()+1-time.Month(months*(count-1-k)), 0, 0, 0, 0, 0, time.UTC)
		v := round(start + (target-start)*float64(k+1)/float64(count)*(0.6+0.5*r.Float64()))
		v = max(v, 0)
		fmt.Fprintf(&b, "\n[[values]]\ndate = %s\nvalue = %s\n", date(day), num(v))
		if r.IntN(4) == 0 {
			fmt.Fprintf(&b, "note = %s\n", q(pick(r, valueNotes)))
		}
	}
	name := fileName(title+" "+strconv.Itoa(j+1), j, 60, 11)
	g.put("content/indicators/"+name+".toml", b.Bytes(), crlf(j), bom(j))
}

func (g *gen) news(k int) {
	s := g.size
	r := rng(seedNews, k)
	// Spread over 2017-01-01 to 2026-11-30, oldest first.
	first := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int(Today.Sub(first).Hours()/24) - 1
	day := first.AddDate(0, 0, k*span/max(1, s.News))
	act := r.IntN(s.Actions)
	title := fmt.Sprintf(pick(r, newsTitles), lowerFirst(pick(r, actionKinds)), territory(r.IntN(s.Territories)))
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\nsummary = %s\n", q(title), date(day), q(sentence(r)))
	if r.IntN(5) < 2 {
		fmt.Fprintf(&b, "axes = [%q]\n", axisSlug(act%s.Axes))
	}
	if r.IntN(5) < 3 {
		links := []string{actionSlug(act, s)}
		if other := r.IntN(s.Actions); other != act && r.IntN(3) == 0 {
			links = append(links, actionSlug(other, s))
		}
		fmt.Fprintf(&b, "actions = %s\n", qlist(links))
	}
	b.WriteString("+++\n")
	paragraph(&b, r, 2+r.IntN(3))
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "> %s\n\n", quote(r))
	}
	if r.IntN(3) == 0 {
		b.WriteString("Au programme :\n\n")
		list(&b, r, 2+r.IntN(3))
	}
	paragraph(&b, r, 1+r.IntN(3))
	name := fileName(title+" "+strconv.Itoa(k+1), k, 40, 9)
	g.put("content/news/"+name+".md", b.Bytes(), crlf(k), bom(k))
}

func (g *gen) governance() {
	s := g.size
	r := rng(seedGovernance, 0)
	var b bytes.Buffer
	b.WriteString("+++\ntitle = \"Gouvernance\"\n")
	body := func(id, name, role, parent, meets string, members int, colleges []string) {
		fmt.Fprintf(&b, "\n[[bodies]]\nid = %q\nname = %s\nrole = %s\nparent = %q\nmeets = %s\n", id, q(name), q(role), parent, q(meets))
		for range members {
			fmt.Fprintf(&b, "\n  [[bodies.members]]\n  name = %s\n  role = %s\n  college = %s\n",
				q(pick(r, firstNames)+" "+pick(r, lastNames)), q(pick(r, memberRoles)), q(pick(r, colleges)))
		}
	}
	body("copil", "Comité de pilotage", "Réunit les élus et les partenaires ; valide les orientations, suit et évalue les actions", "", "Deux fois par an", 8+r.IntN(5), []string{"Élus", "Partenaires institutionnels", "Associations"})
	body("cotech", "Comité technique", "Prépare les décisions du comité de pilotage et coordonne les groupes de travail", "copil", "Chaque trimestre", 5+r.IntN(4), []string{"Techniciens", "Partenaires institutionnels"})
	body("usagers", "Comité des usagers", "Donne l'avis des habitants sur les actions et en propose de nouvelles", "copil", "Trois fois par an", 6+r.IntN(6), []string{"Habitants", "Bénévoles"})
	for k := range s.Axes {
		body(fmt.Sprintf("gt-%d", k+1), "Groupe de travail « "+axisTitle(k)+" »", "Prépare et suit les actions de l'axe ; propose des actions nouvelles", "cotech", "Selon les besoins", 3+r.IntN(4), []string{"Techniciens", "Associations", "Habitants"})
	}
	for k := range s.Structures {
		id, name, kind, where := structure(k, s)
		fmt.Fprintf(&b, "\n[[structures]]\nid = %q\nname = %s\nkind = %s\nterritory = %s\n", id, q(name), q(kind), q(where))
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "url = \"https://example.org/%s/\"\n", id)
		}
	}
	meeting := func(day time.Time, body, title string) {
		fmt.Fprintf(&b, "\n[[meetings]]\ndate = %s\nbody = %q\ntitle = %s\n", date(day), body, q(title))
	}
	for year := 2017; year <= 2026; year++ {
		meeting(time.Date(year, 3, 10+r.IntN(15), 0, 0, 0, 0, time.UTC), "copil", fmt.Sprintf("Bilan de l'année %d", year-1))
		meeting(time.Date(year, 10, 5+r.IntN(20), 0, 0, 0, 0, time.UTC), "copil", "Point d'étape et préparation du budget")
		for qtr := range 4 {
			meeting(time.Date(year, time.Month(3*qtr+2), 1+r.IntN(28), 0, 0, 0, 0, time.UTC), "cotech", pick(r, meetingTitles))
		}
	}
	for k := range s.Axes {
		meeting(time.Date(2017+r.IntN(9), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC), fmt.Sprintf("gt-%d", k+1), pick(r, meetingTitles))
	}
	b.WriteString("+++\n")
	paragraph(&b, r, 3)
	b.WriteString("Les décisions suivent trois étapes :\n\n1. un groupe de travail propose ;\n2. le comité technique prépare ;\n3. le comité de pilotage décide.\n\n")
	g.put("content/governance.md", b.Bytes(), true, false)
}

// page is a free page: its file name (without .md) and title.
type page struct{ file, title string }

var pages = []page{
	{"accessibilite", "Déclaration d'accessibilité"},
	{"mentions-legales", "Mentions légales"},
	{"À propos", "À propos de ce site"},
	{"Charte de participation", "Charte de participation des habitants"},
}

func (g *gen) page(p page) {
	r := rng(seedPage, len(p.file))
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\n+++\n", q(p.title), q(sentence(r)))
	for range 2 + r.IntN(3) {
		fmt.Fprintf(&b, "## %s\n\n", pick(r, pageHeadings))
		paragraph(&b, r, 2+r.IntN(4))
	}
	g.put("content/pages/"+p.file+".md", b.Bytes(), false, p.file == "mentions-legales")
}

// paragraph writes n sentences, wrapped at about 72 characters, then a
// blank line.
func paragraph(b *bytes.Buffer, r *rand.Rand, n int) {
	col := 0
	for k := range n {
		for w, word := range strings.Fields(sentence(r)) {
			switch {
			case col > 0 && col+1+len(word) > 72:
				b.WriteByte('\n')
				col = 0
			case k > 0 || w > 0:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += len(word)
		}
	}
	b.WriteString("\n\n")
}

// list writes a bulleted list of n distinct objects, French style.
func list(b *bytes.Buffer, r *rand.Rand, n int) {
	items := distinct(r, objects, n)
	for k, it := range items {
		end := " ;"
		if k == len(items)-1 {
			end = "."
		}
		fmt.Fprintf(b, "- %s%s\n", it, end)
	}
	b.WriteString("\n")
}

// sentence draws one sentence from the bank.
func sentence(r *rand.Rand) string {
	switch r.IntN(6) {
	case 0, 1:
		s := pick(r, subjects) + " " + pick(r, verbs) + " " + pick(r, objects)
		if c := pick(r, complements); c != "" {
			s += " " + c
		}
		if r.IntN(4) == 0 {
			s += ", " + pick(r, purposes)
		}
		return s + "."
	case 2:
		y := 2018 + r.IntN(8)
		now := 10 + r.IntN(190)
		return fmt.Sprintf("En %d, %d %s ont participé, contre %d l'année précédente.", y, now, pick(r, people), now*(50+r.IntN(60))/100)
	case 3:
		return fmt.Sprintf("L'objectif est d'atteindre %d %s d'ici la fin de %d.", 20+10*r.IntN(30), pick(r, people), 2026+r.IntN(4))
	case 4:
		return "Le bilan présenté au comité de pilotage souligne " + pick(r, findings) + "."
	default:
		return fmt.Sprintf("%s %s %s.", pick(r, connectors), pick(r, subjects2), pick(r, objects))
	}
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// quote draws a quotation with the person who said it.
func quote(r *rand.Rand) string {
	return fmt.Sprintf("« %s », explique %s %s, %s.", pick(r, quotes), pick(r, firstNames), pick(r, lastNames), lowerFirst(pick(r, memberRoles)))
}
