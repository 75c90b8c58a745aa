package scaffold

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/tomlfile"
)

// vars are what a new file is made from.
type vars struct {
	lang      config.Language
	title     string
	slug      string
	today     tomlfile.Date
	territory string // config.toml's territory, maybe empty
	axis      string // slug of the site's first axis, "" when it has none
	maxOrder  int    // highest order of the site's axes
	action    string // slug of one of the site's actions, "" when it has none
}

// t picks the French or the English text, after the site's language.
func (v vars) t(fr, en string) string {
	if v.lang == "en" {
		return en
	}
	return fr
}

// line is a line of TOML: a key and its value, commented out when off,
// with a one-line explanation. A line with no code is a comment alone, or
// a blank line when it has no comment either.
type line struct {
	code    string // key = value
	comment string
	off     bool
}

// set is a required key, written out.
func set(key, value, comment string) line {
	return line{code: key + " = " + value, comment: comment}
}

// opt is an optional key, commented out.
func opt(key, value, comment string) line {
	return line{code: key + " = " + value, comment: comment, off: true}
}

// note is a comment on a line of its own.
func note(comment string) line { return line{comment: comment} }

var blank = line{}

// alignMax is the widest code that comments are aligned after; longer
// lines have their comment two spaces after them.
const alignMax = 40

// format writes lines with their comments aligned.
func format(lines []line) string {
	col := 0
	for _, l := range lines {
		if n := width(l); l.code != "" && l.comment != "" && n <= alignMax {
			col = max(col, n)
		}
	}
	var b strings.Builder
	for _, l := range lines {
		switch {
		case l.code == "" && l.comment == "":
		case l.code == "":
			b.WriteString("# " + l.comment)
		default:
			if l.off {
				b.WriteString("# ")
			}
			b.WriteString(l.code)
			if l.comment != "" {
				b.WriteString(strings.Repeat(" ", max(col-width(l), 0)+2))
				b.WriteString("# " + l.comment)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func width(l line) int {
	n := utf8.RuneCountInString(l.code)
	if l.off {
		n += 2
	}
	return n
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// list writes a TOML array of strings.
func list(items ...string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// newFile returns the text of a new file of kind.
func newFile(kind content.Kind, v vars) string {
	switch kind {
	case content.KindAxis:
		return markdown(axisKeys(v), v.t(
			"Remplacez ce texte : pourquoi cet axe, ce qu'il recouvre, les publics\nqu'il concerne.\n",
			"Replace this text: why this axis, what it covers, who it is for.\n"))
	case content.KindAction:
		return markdown(actionKeys(v), v.t(
			"## Objectifs\n\nRemplacez ce texte : ce que l'action doit changer, et pour qui.\n\n"+
				"## Moyens\n\nQui fait quoi, avec quels moyens, selon quel calendrier.\n\n"+
				"## Résultats\n\nCe qui a été fait, et ce que montrent les indicateurs.\n",
			"## Objectives\n\nReplace this text: what the action should change, and for whom.\n\n"+
				"## Means\n\nWho does what, with what resources, on what schedule.\n\n"+
				"## Results\n\nWhat has been done, and what the indicators show.\n"))
	case content.KindIndicator:
		return format(indicatorKeys(v))
	case content.KindNews:
		return markdown(newsKeys(v), v.t(
			"Remplacez ce texte : ce qui s'est passé, quand, avec qui, et ce qui va suivre.\n",
			"Replace this text: what happened, when, with whom, and what comes next.\n"))
	default: // content.KindPage
		return markdown(pageKeys(v), v.t("Remplacez ce texte.\n", "Replace this text.\n"))
	}
}

// markdown writes front matter and a body.
func markdown(front []line, body string) string {
	return "+++\n" + format(front) + "+++\n" + body
}

// optional heads the optional keys.
func optional(v vars) line {
	return note(v.t(
		"Facultatif : pour utiliser une clé, enlevez le « # » au début de sa ligne.",
		`Optional: to use a key, remove the "#" at the start of its line.`))
}

func slugKey(v vars) line {
	return opt("slug", quote(v.slug), v.t(
		"nom dans l'adresse de la page (par défaut, le nom du fichier)",
		"name in the page's address (by default, the file's name)"))
}

func updatedKey(v vars) line {
	return opt("updated", v.today.String(), v.t(
		"date de dernière mise à jour montrée (sinon celle du dernier commit git du fichier)",
		"last-updated date shown (otherwise that of the file's last git commit)"))
}

func summaryKey(v vars) line {
	return opt("summary", quote(v.t("Une phrase pour les listes", "One sentence for lists")), v.t(
		"résumé montré dans les listes",
		"summary shown in lists"))
}

func axisKeys(v vars) []line {
	return []line{
		set("title", quote(v.title), ""),
		// Optional, but set: without it the new axis would come first.
		set("order", strconv.Itoa(v.maxOrder+1), v.t(
			"position dans les menus et les listes (1, 2, 3…)",
			"position in menus and lists (1, 2, 3…)")),
		blank,
		optional(v),
		opt("color", quote("#b34e00"), v.t(
			"couleur de l'axe, en hexadécimal (sinon le thème en choisit une)",
			"the axis's colour, in hexadecimal (otherwise the theme picks one)")),
		summaryKey(v),
		slugKey(v),
		updatedKey(v),
	}
}

func actionKeys(v vars) []line {
	axis := set("axis", quote(v.axis), v.t(
		"obligatoire : le slug d'un axe (nom de son fichier dans content/axes/, sans .md)",
		"required: the slug of an axis (its file's name in content/axes/, without .md)"))
	if v.axis == "" {
		axis = set("axis", quote(v.t("slug-d-un-axe", "slug-of-an-axis")), v.t(
			"obligatoire : à remplacer par le slug d'un axe (créez-en un avec jalons new axis)",
			"required: replace with the slug of an axis (make one with jalons new axis)"))
	}
	territory := v.territory
	if territory == "" {
		territory = v.t("Ma commune", "My town")
	}
	return []line{
		set("title", quote(v.title), ""),
		axis,
		set("status", quote("planned"), v.t(
			"obligatoire : planned (à venir), in_progress (en cours), done (réalisée), suspended (suspendue) ou abandoned (abandonnée)",
			"required: planned, in_progress, done, suspended or abandoned")),
		blank,
		optional(v),
		opt("start", v.today.String(), v.t(
			"date de début, sans guillemets (année-mois-jour)",
			"start date, without quotes (year-month-day)")),
		opt("end", fmt.Sprintf("%04d-12-31", v.today.Year), v.t(
			"date de fin, le jour du début ou après",
			"end date, on or after the start")),
		opt("lead", quote(v.t("CCAS", "Social services")), v.t(
			"qui pilote l'action ; l'id d'une structure de governance.md fait un lien vers elle",
			"who leads the action; the id of a structure of governance.md links to it")),
		opt("partners", list(v.t("Mission locale", "Job centre")), v.t(
			"partenaires, entre crochets, chacun entre guillemets",
			"partners, in brackets, each in quotes")),
		opt("audience", list(v.t("familles", "families")), v.t(
			"publics visés",
			"target publics")),
		opt("territories", list(territory), v.t(
			"communes ou quartiers concernés",
			"towns or districts covered")),
		opt("budget", "10000", v.t(
			"budget prévu, en euros, sans espace ni symbole",
			"planned budget, in euros, without spaces or symbol")),
		opt("spent", "0", v.t(
			"dépensé à ce jour, en euros",
			"spent so far, in euros")),
		opt("progress", "50", v.t(
			"avancement en %, de 0 à 100 (sinon calculé d'après le statut et les indicateurs)",
			"progress in %, 0 to 100 (otherwise computed from the status and the indicators)")),
		summaryKey(v),
		opt("weight", "1", v.t(
			"poids dans les moyennes de l'axe et du projet (1 par défaut, 2 compte double)",
			"weight in the axis's and the project's averages (1 by default, 2 counts twice)")),
		slugKey(v),
		updatedKey(v),
		blank,
		note(v.t(
			"Jalons : une table [[milestones]] par étape datée, en enlevant les « # ».",
			`Milestones: one [[milestones]] table a dated step, with the "#" removed.`)),
		{code: "[[milestones]]", off: true},
		opt("date", fmt.Sprintf("%04d-09-01", v.today.Year), v.t(
			"obligatoire : date de l'étape, sans guillemets (année-mois-jour)",
			"required: date of the step, without quotes (year-month-day)")),
		opt("title", quote(v.t("Ouverture au public", "Opening to the public")), v.t(
			"obligatoire : ce qui doit être fait à cette date",
			"required: what should be done by that date")),
		opt("done", "false", v.t(
			"true quand l'étape est franchie ; non franchie et passée, elle est « en retard »",
			`true once the step is reached; not reached and past, it is "late"`)),
		opt("note", quote(v.t("Douze enfants accueillis", "Twelve children welcomed")), v.t(
			"précision sur une ligne (facultative)",
			"remark, on one line (optional)")),
	}
}

func indicatorKeys(v vars) []line {
	action := v.action
	if action == "" {
		action = v.t("slug-d-une-action", "slug-of-an-action")
	}
	return []line{
		set("title", quote(v.title), ""),
		blank,
		optional(v),
		opt("action", quote(action), v.t(
			"slug de l'action mesurée (sans action, l'indicateur porte sur tout le projet)",
			"slug of the action measured (without one, the indicator is the whole project's)")),
		opt("unit", quote(v.t("personnes", "people")), v.t(
			"unité, en toutes lettres ou « € », « % »…",
			`unit, in words or "€", "%"…`)),
		opt("baseline", "0", v.t(
			"valeur de départ (0 par défaut)",
			"starting value (0 by default)")),
		opt("target", "100", v.t(
			"valeur visée ; sans elle, pas de calcul d'avancement",
			"value aimed at; without it, no progress is computed")),
		opt("direction", quote("increase"), v.t(
			"increase (la valeur doit monter, par défaut) ou decrease (elle doit baisser)",
			"increase (the value should rise, the default) or decrease (it should fall)")),
		opt("source", quote(v.t("CCAS, registre des bénéficiaires", "Social services, register of beneficiaries")), v.t(
			"d'où viennent les chiffres",
			"where the figures come from")),
		opt("description", quote(v.t("Ce que l'on compte, et comment.", "What is counted, and how.")), v.t(
			"présentation de l'indicateur (le Markdown est permis)",
			"what the indicator is (Markdown allowed)")),
		opt("frequency", quote("yearly"), v.t(
			"monthly, quarterly ou yearly : une valeur par mois, trimestre ou an ; en retard, l'indicateur est « à actualiser »",
			`monthly, quarterly or yearly: a value a month, quarter or year; when one is overdue, the indicator shows "update due"`)),
		opt("maskBelow", "5", v.t(
			"les valeurs inférieures ne sont jamais publiées en chiffres (« moins de 5 ») : petits effectifs",
			`values below it are never published as numbers ("fewer than 5"): small numbers`)),
		slugKey(v),
		updatedKey(v),
		blank,
		note(v.t(
			"Valeurs mesurées : une table [[values]] par mesure, en enlevant les « # ».",
			`Measured values: one [[values]] table a measure, with the "#" removed.`)),
		{code: "[[values]]", off: true},
		opt("date", v.today.String(), v.t(
			"date de la mesure, sans guillemets (année-mois-jour)",
			"date of the measure, without quotes (year-month-day)")),
		opt("value", "0", v.t(
			"valeur, un nombre sans guillemets ni espace (42.5 pour 42,5)",
			"value, a number without quotes or spaces (42.5)")),
		opt("note", quote(v.t("Valeur provisoire", "Provisional value")), v.t(
			"précision sur cette valeur (facultative)",
			"remark on this value (optional)")),
	}
}

func newsKeys(v vars) []line {
	axis, action := v.axis, v.action
	if axis == "" {
		axis = v.t("slug-d-un-axe", "slug-of-an-axis")
	}
	if action == "" {
		action = v.t("slug-d-une-action", "slug-of-an-action")
	}
	return []line{
		set("title", quote(v.title), ""),
		set("date", v.today.String(), v.t(
			"obligatoire : date de l'actualité, sans guillemets (année-mois-jour)",
			"required: date of the news item, without quotes (year-month-day)")),
		blank,
		optional(v),
		opt("summary", quote(v.t("Une phrase pour la liste des actualités", "One sentence for the news list")), v.t(
			"résumé montré dans la liste des actualités",
			"summary shown in the news list")),
		opt("axes", list(axis), v.t(
			"slugs des axes dont parle l'actualité",
			"slugs of the axes the item is about")),
		opt("actions", list(action), v.t(
			"slugs des actions dont parle l'actualité",
			"slugs of the actions the item is about")),
		opt("image", quote("images/photo.jpg"), v.t(
			"image : chemin d'un fichier du dossier static/",
			"image: path of a file in the static/ folder")),
		opt("imageAlt", quote(v.t("Ce que montre la photo", "What the photo shows")), v.t(
			"obligatoire avec image : ce qu'elle montre, pour qui ne la voit pas",
			"required with image: what it shows, for people who cannot see it")),
		opt("draft", "true", v.t(
			"brouillon : publié seulement avec jalons build -drafts",
			"draft: published only with jalons build -drafts")),
		slugKey(v),
		updatedKey(v),
	}
}

func pageKeys(v vars) []line {
	return []line{
		set("title", quote(v.title), ""),
		blank,
		optional(v),
		opt("summary", quote(v.t("Une phrase qui décrit la page", "One sentence that describes the page")), v.t(
			"description de la page, pour les moteurs de recherche",
			"description of the page, for search engines")),
		slugKey(v),
		updatedKey(v),
	}
}
