package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/site"
)

// locale holds the words and formats of a site's language.
type locale struct {
	lang    config.Language
	words   map[string]string
	group   string // between groups of three digits: "550 000", "550,000"
	decimal byte   // before the decimals: "42,5", "42.5"
	months  [12]string
	paths   map[string]string // section → its path: "actualites/"
}

var frMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var enMonths = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func newLocale(lang config.Language) *locale {
	l := &locale{lang: lang, words: frWords, group: "\u00a0", decimal: ',', months: frMonths, paths: site.SectionPaths(lang)}
	for name, p := range l.paths {
		l.paths[name] = p + "/"
	}
	if lang == "en" {
		l.words, l.group, l.decimal, l.months = enWords, ",", '.', enMonths
	}
	return l
}

// Lang is the language's code, "fr" or "en".
func (l *locale) Lang() string { return string(l.lang) }

// T returns the interface string for key; a missing key is a bug of the
// theme and shows as the key itself in brackets.
func (l *locale) T(key string) string {
	if s, ok := l.words[key]; ok {
		return s
	}
	return "[" + key + "]"
}

// Period writes the years a plan covers: "2017-2020", "depuis 2017",
// "jusqu'en 2020"; "" when it says none.
func (l *locale) Period(p *config.Period) string {
	switch {
	case p == nil || p.Start == 0 && p.End == 0:
		return ""
	case p.End == 0:
		return fmt.Sprintf(l.T("since"), p.Start)
	case p.Start == 0:
		return fmt.Sprintf(l.T("until"), p.End)
	}
	return fmt.Sprintf("%d-%d", p.Start, p.End)
}

// Date writes "29 avril 2017" or "29 April 2017"; the first of the month
// is "1er" in French.
func (l *locale) Date(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	day := strconv.Itoa(d.Day)
	if l.lang == "fr" && d.Day == 1 {
		day = "1er"
	}
	return day + " " + l.months[d.Month-1] + " " + strconv.Itoa(d.Year)
}

// Number writes a number with the language's separators: "550 000",
// "42,5" in French; at most two decimals.
func (l *locale) Number(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64) // rounded as CLDR's formatters round: 2.675 is 2.67499…
	whole, decimals, _ := strings.Cut(s, ".")
	decimals = strings.TrimRight(decimals, "0")
	b := make([]byte, 0, len(s)+len(whole)/3*len(l.group))
	if whole[0] == '-' {
		b, whole = append(b, '-'), whole[1:]
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, l.group...)
		}
		b = append(b, whole[i])
	}
	if decimals != "" {
		b = append(append(b, l.decimal), decimals...)
	}
	return string(b)
}

// Money writes an amount in euros: "550 000 €", "€550,000".
func (l *locale) Money(f float64) string {
	if l.lang == "en" {
		return "€" + l.Number(f)
	}
	return l.Number(f) + "\u00a0€"
}

// Quantity writes a value with its unit: "190 familles", "550 000 €",
// "95 %".
func (l *locale) Quantity(f float64, unit string) string {
	switch {
	case unit == "":
		return l.Number(f)
	case unit == "€":
		return l.Money(f)
	case unit == "%" && l.lang == "en":
		return l.Number(f) + "%"
	}
	return l.Number(f) + "\u00a0" + unit
}

// Percent writes a share, rounded to a whole percent: "95 %", "95%".
func (l *locale) Percent(ratio float64) string {
	p := strconv.FormatFloat(math.Round(ratio*100), 'f', 0, 64)
	if l.lang == "en" {
		return p + "%"
	}
	return p + "\u00a0%"
}

// Status is the label of a status: "En cours", "In progress".
func (l *locale) Status(s content.Status) string { return l.T("status." + s.Code()) }

// Change spells out what a commit changed of an action: "Statut : À
// venir → En cours", "Status: Planned → In progress".
func (l *locale) Change(c *site.Change) string {
	var from, to string
	switch c.Key {
	case "status":
		from, to = l.Status(c.From.Status), l.Status(c.To.Status)
	case "progress":
		from, to = l.T("notSet"), l.T("notSet")
		if p := c.From.Progress; p != nil {
			from = l.Quantity(*p, "%")
		}
		if p := c.To.Progress; p != nil {
			to = l.Quantity(*p, "%")
		}
	case "end":
		from, to = l.T("notSet.f"), l.T("notSet.f")
		if d := c.From.End; !d.IsZero() {
			from = l.Date(d)
		}
		if d := c.To.End; !d.IsZero() {
			to = l.Date(d)
		}
	}
	return l.T(c.Key) + l.T("colon") + " " + from + " → " + to
}

// Plural picks the singular or plural key for n: "1 action", "3 actions".
func (l *locale) Plural(n int, key string) string {
	return l.Number(float64(n)) + " " + l.Noun(n, key)
}

// Noun is the singular or plural word of key for n, without n: "action",
// "actions réalisées".
func (l *locale) Noun(n int, key string) string {
	if n > 1 || (n == 0 && l.lang == "en") {
		key += ".n"
	}
	return l.T(key)
}

// Measured says how many actions an average counts, out of how many:
// "9 actions mesurées sur 13", "9 of 13 actions measured".
func (l *locale) Measured(measured, total int) string {
	key := "measured"
	if l.lang == "en" && total != 1 || l.lang != "en" && measured > 1 {
		key += ".n"
	}
	return fmt.Sprintf(l.T(key), l.Number(float64(measured)), l.Number(float64(total)))
}

// FewerThan is what a masked value shows: "moins de 5", "fewer than 5".
func (l *locale) FewerThan(limit float64) string {
	return fmt.Sprintf(l.T("fewerThan"), l.Number(limit))
}

// List joins words: "a, b et c", "a, b and c".
func (l *locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.T("and") + " " + items[len(items)-1]
}

var frWords = map[string]string{
	"skip":               "Aller au contenu",
	"menu":               "Menu principal",
	"home":               "Accueil",
	"axes":               "Axes",
	"axis":               "Axe",
	"actions":            "Actions",
	"action":             "action",
	"action.n":           "actions",
	"indicators":         "Indicateurs",
	"indicator":          "indicateur",
	"indicator.n":        "indicateurs",
	"news":               "Actualités",
	"governance":         "Gouvernance",
	"breadcrumb":         "Fil d'Ariane",
	"progress":           "Avancement",
	"overall":            "Avancement global",
	"asOf":               "Situation au",
	"noProgress":         "non mesuré",
	"status":             "Statut",
	"statusBreakdown":    "Actions par statut",
	"count":              "Nombre",
	"dates":              "Dates",
	"start":              "Début",
	"end":                "Fin",
	"lead":               "Pilote",
	"partners":           "Partenaires",
	"audience":           "Publics",
	"territories":        "Territoires",
	"budget":             "Budget prévu",
	"spent":              "Dépensé",
	"summary":            "En bref",
	"latest":             "Dernière valeur",
	"target":             "Objectif",
	"baseline":           "Valeur de départ",
	"unit":               "Unité",
	"source":             "Source",
	"date":               "Date",
	"value":              "Valeur",
	"note":               "Note",
	"values":             "Valeurs mesurées",
	"valuesOf":           "Valeurs de l'indicateur",
	"noValues":           "Aucune valeur mesurée pour l'instant.",
	"direction.decrease": "Objectif à la baisse",
	"keyIndicators":      "Indicateurs clés",
	"relatedNews":        "Actualités liées",
	"latestNews":         "Dernières actualités",
	"allNews":            "Toutes les actualités",
	"allIndicators":      "Tous les indicateurs",
	"ofAction":           "Action",
	"wholeProject":       "Ensemble du projet",
	"publishedOn":        "Publié le",
	"page":               "Page",
	"pageOf":             "sur",
	"previous":           "Page précédente",
	"next":               "Page suivante",
	"pagination":         "Pagination",
	"bodies":             "Instances",
	"orgChart":           "Organisation des instances",
	"reportsTo":          "Rend compte à",
	"meets":              "Se réunit",
	"members":            "Membres",
	"college":            "Collège",
	"role":               "Rôle",
	"name":               "Nom",
	"structures":         "Structures partenaires",
	"kind":               "Type",
	"territory":          "Territoire",
	"website":            "Site web",
	"meetings":           "Réunions",
	"body":               "Instance",
	"report":             "Compte rendu",
	"notFound":           "Page introuvable",
	"notFoundText":       "La page demandée n'existe pas ou a été déplacée.",
	"backHome":           "Retour à l'accueil",
	"feed":               "Flux Atom des actualités",
	"openData":           "Données ouvertes",
	"legalNotice":        "Mentions légales",
	"data.intro":         "Les chiffres de ce site, libres de réutilisation\u00a0: chaque fichier, ce qu'il contient et ce que veut dire chacune de ses colonnes.",
	"data.license":       "Licence",
	"data.format":        "Format",
	"data.formats":       "Fichiers CSV en UTF-8, séparés par des virgules, avec une ligne d'en-tête\u00a0; nombres avec un point décimal\u00a0; dates AAAA-MM-JJ\u00a0; une cellule vide est une valeur absente.",
	"data.package":       "Description normalisée",
	"data.packageText":   "datapackage.json (Frictionless Data Package, un Table Schema par fichier CSV)",
	"data.columnsOf":     "Colonnes de",
	"data.column":        "Colonne",
	"data.type":          "Type",
	"data.content":       "Contenu",
	"data.required":      "toujours rempli",
	"type.string":        "texte",
	"type.boolean":       "booléen (true/false)",
	"type.number":        "nombre",
	"type.date":          "date",
	"a11y":               "Accessibilité",
	"a11y.none":          "non conforme",
	"a11y.partial":       "partiellement conforme",
	"a11y.full":          "totalement conforme",
	"contact":            "Contact",
	"pages":              "Informations",
	"generator":          "Site généré par Jalons",
	"and":                "et",
	"chart.latest":       "%s\u00a0: %s au %s",
	"chart.target":       ", sur un objectif de %s",
	"chart.share":        ", soit %s",
	"chart":              "Graphique",
	"colon":              "\u00a0:",
	"axis.lower":         "axe",
	"axis.lower.n":       "axes",
	"relatedLinks":       "Voir aussi",
	"meeting":            "Réunion",
	"percentDone":        "réalisé",
	"noNews":             "Aucune actualité pour l'instant.",
	"noActions":          "Aucune action pour l'instant.",
	"period":             "Période",
	"since":              "depuis %d",
	"until":              "jusqu'en %d",
	"total":              "Total",
	"qrLabel":            "QR code menant à %s",
	"qrCaption":          "Cette page, tenue à jour, est en ligne\u00a0:",
	"status.planned":     "À venir",
	"status.in_progress": "En cours",
	"status.done":        "Réalisée",
	"status.suspended":   "Suspendue",
	"status.abandoned":   "Abandonnée",
	"data.actions":       "Actions (CSV)",
	"data.indicators":    "Indicateurs (CSV)",
	"data.values":        "Valeurs des indicateurs (CSV)",
	"updatedOn":          "Mis à jour le",
	"history":            "Historique",
	"andMore":            "et",
	"older":              "modification plus ancienne",
	"older.n":            "modifications plus anciennes",
	"statusChanges":      "Derniers changements de statut",
	"changesFeed":        "Flux Atom des changements de statut",
	"notSet":             "non renseigné",
	"notSet.f":           "non renseignée",
	"data.site":          "Tout le site (JSON)",
	"milestones":         "Jalons",
	"nextMilestones":     "Prochains jalons",
	"allMilestones":      "Tous les jalons",
	"milestonesIntro":    "Les étapes datées de chaque action : celles en retard d'abord, puis celles à venir, puis celles franchies.",
	"noMilestones":       "Aucun jalon à venir.",
	"milestone.done":     "Réalisé",
	"milestone.late":     "En retard",
	"milestone.upcoming": "À venir",
	"late":               "En retard",
	"lateCount":          "en retard",
	"fig.done":           "action réalisée",
	"fig.done.n":         "actions réalisées",
	"fig.in_progress":    "action en cours",
	"fig.in_progress.n":  "actions en cours",
	"fig.late":           "action en retard",
	"fig.late.n":         "actions en retard",
	"fig.planned":        "à venir",
	"fig.planned.n":      "à venir",
	"fig.suspended":      "suspendue",
	"fig.suspended.n":    "suspendues",
	"fig.abandoned":      "abandonnée",
	"fig.abandoned.n":    "abandonnées",
	"inAxes":             "dans",
	"including":          "dont",
	"aboutProject":       "Le projet",
	"outOfDate":          "À actualiser",
	"expectedOn":         "valeur attendue depuis le",
	"fewerThan":          "moins de %s",
	"masked":             "Valeur masquée (petits effectifs)",
	"measured":           "%s action mesurée sur %s",
	"measured.n":         "%s actions mesurées sur %s",
	"data.milestones":    "Jalons (CSV)",
	"allActions":         "Toutes les actions",
	"allActionsLink":     "toutes les actions",
	"path.status":        "statut",
	"filters":            "Filtrer les actions",
	"byStatus":           "Par statut",
	"byTerritory":        "Par territoire",
	"byAudience":         "Par public",
	"any":                "Tous",
	"anyStatus":          "Tous les statuts",
	"shown.0":            "Aucune action ne correspond.",
	"shown.1":            "1 action affichée.",
	"shown.n":            "%d actions affichées.",
	"search":             "Rechercher",
	"searchLabel":        "Rechercher dans les actions, indicateurs, actualités et pages",
	"searchNoJS":         "La recherche a besoin de JavaScript, qui n'est pas actif dans votre navigateur. Vous pouvez parcourir",
	"results.0":          "Aucun résultat.",
	"results.1":          "1 résultat.",
	"results.n":          "%d résultats.",
	"kind.action":        "Action",
	"kind.indicator":     "Indicateur",
	"kind.news":          "Actualité",
	"kind.page":          "Page",
	"axisFeed":           "Flux Atom des actualités de l'axe",
	"progressOf":         "avancement",
}

var enWords = map[string]string{
	"skip":               "Skip to content",
	"menu":               "Main menu",
	"home":               "Home",
	"axes":               "Axes",
	"axis":               "Axis",
	"actions":            "Actions",
	"action":             "action",
	"action.n":           "actions",
	"indicators":         "Indicators",
	"indicator":          "indicator",
	"indicator.n":        "indicators",
	"news":               "News",
	"governance":         "Governance",
	"breadcrumb":         "Breadcrumb",
	"progress":           "Progress",
	"overall":            "Overall progress",
	"asOf":               "As of",
	"noProgress":         "not measured",
	"status":             "Status",
	"statusBreakdown":    "Actions by status",
	"count":              "Count",
	"dates":              "Dates",
	"start":              "Start",
	"end":                "End",
	"lead":               "Lead",
	"partners":           "Partners",
	"audience":           "Target groups",
	"territories":        "Areas",
	"budget":             "Planned budget",
	"spent":              "Spent",
	"summary":            "In short",
	"latest":             "Latest value",
	"target":             "Target",
	"baseline":           "Baseline",
	"unit":               "Unit",
	"source":             "Source",
	"date":               "Date",
	"value":              "Value",
	"note":               "Note",
	"values":             "Measured values",
	"valuesOf":           "Values of the indicator",
	"noValues":           "No value measured yet.",
	"direction.decrease": "Target is a decrease",
	"keyIndicators":      "Key indicators",
	"relatedNews":        "Related news",
	"latestNews":         "Latest news",
	"allNews":            "All news",
	"allIndicators":      "All indicators",
	"ofAction":           "Action",
	"wholeProject":       "Whole project",
	"publishedOn":        "Published on",
	"page":               "Page",
	"pageOf":             "of",
	"previous":           "Previous page",
	"next":               "Next page",
	"pagination":         "Pagination",
	"bodies":             "Bodies",
	"orgChart":           "How the bodies are organised",
	"reportsTo":          "Reports to",
	"meets":              "Meets",
	"members":            "Members",
	"college":            "College",
	"role":               "Role",
	"name":               "Name",
	"structures":         "Partner structures",
	"kind":               "Kind",
	"territory":          "Area",
	"website":            "Website",
	"meetings":           "Meetings",
	"body":               "Body",
	"report":             "Minutes",
	"notFound":           "Page not found",
	"notFoundText":       "The page you asked for does not exist or has moved.",
	"backHome":           "Back to the home page",
	"feed":               "Atom feed of the news",
	"openData":           "Open data",
	"legalNotice":        "Legal notice",
	"data.intro":         "The figures of this site, free to reuse: each file, what it holds and what each of its columns means.",
	"data.license":       "Licence",
	"data.format":        "Format",
	"data.formats":       "CSV files in UTF-8, comma-separated, with a header row; numbers with a decimal point; dates YYYY-MM-DD; an empty cell is a missing value.",
	"data.package":       "Standard description",
	"data.packageText":   "datapackage.json (Frictionless Data Package, a Table Schema for each CSV file)",
	"data.columnsOf":     "Columns of",
	"data.column":        "Column",
	"data.type":          "Type",
	"data.content":       "Content",
	"data.required":      "never empty",
	"type.string":        "text",
	"type.boolean":       "boolean (true/false)",
	"type.number":        "number",
	"type.date":          "date",
	"a11y":               "Accessibility",
	"a11y.none":          "not compliant",
	"a11y.partial":       "partially compliant",
	"a11y.full":          "fully compliant",
	"contact":            "Contact",
	"pages":              "Information",
	"generator":          "Site generated by Jalons",
	"and":                "and",
	"chart.latest":       "%s: %s on %s",
	"chart.target":       ", against a target of %s",
	"chart.share":        ", that is %s",
	"chart":              "Chart",
	"colon":              ":",
	"axis.lower":         "axis",
	"axis.lower.n":       "axes",
	"relatedLinks":       "See also",
	"meeting":            "Meeting",
	"percentDone":        "done",
	"noNews":             "No news yet.",
	"noActions":          "No action yet.",
	"period":             "Period",
	"since":              "since %d",
	"until":              "until %d",
	"total":              "Total",
	"qrLabel":            "QR code leading to %s",
	"qrCaption":          "This page, kept up to date, is online at:",
	"status.planned":     "Planned",
	"status.in_progress": "In progress",
	"status.done":        "Done",
	"status.suspended":   "Suspended",
	"status.abandoned":   "Abandoned",
	"data.actions":       "Actions (CSV)",
	"data.indicators":    "Indicators (CSV)",
	"data.values":        "Indicator values (CSV)",
	"updatedOn":          "Updated on",
	"history":            "History",
	"andMore":            "and",
	"older":              "older change",
	"older.n":            "older changes",
	"statusChanges":      "Latest status changes",
	"changesFeed":        "Atom feed of status changes",
	"notSet":             "not set",
	"notSet.f":           "not set",
	"data.site":          "Whole site (JSON)",
	"milestones":         "Milestones",
	"nextMilestones":     "Next milestones",
	"allMilestones":      "All milestones",
	"milestonesIntro":    "The dated steps of every action: late ones first, then upcoming ones, then those reached.",
	"noMilestones":       "No upcoming milestone.",
	"milestone.done":     "Done",
	"milestone.late":     "Late",
	"milestone.upcoming": "Upcoming",
	"late":               "Late",
	"lateCount":          "late",
	"fig.done":           "action done",
	"fig.done.n":         "actions done",
	"fig.in_progress":    "action in progress",
	"fig.in_progress.n":  "actions in progress",
	"fig.late":           "late action",
	"fig.late.n":         "late actions",
	"fig.planned":        "planned",
	"fig.planned.n":      "planned",
	"fig.suspended":      "suspended",
	"fig.suspended.n":    "suspended",
	"fig.abandoned":      "abandoned",
	"fig.abandoned.n":    "abandoned",
	"inAxes":             "in",
	"including":          "including",
	"aboutProject":       "The project",
	"outOfDate":          "Update due",
	"expectedOn":         "a new value was due on",
	"fewerThan":          "fewer than %s",
	"masked":             "Value withheld (small numbers)",
	"measured":           "%s of %s action measured",
	"measured.n":         "%s of %s actions measured",
	"data.milestones":    "Milestones (CSV)",
	"allActions":         "All actions",
	"allActionsLink":     "all the actions",
	"path.status":        "status",
	"filters":            "Filter the actions",
	"byStatus":           "By status",
	"byTerritory":        "By area",
	"byAudience":         "By target group",
	"any":                "All",
	"anyStatus":          "All statuses",
	"shown.0":            "No action matches.",
	"shown.1":            "1 action shown.",
	"shown.n":            "%d actions shown.",
	"search":             "Search",
	"searchLabel":        "Search the actions, indicators, news and pages",
	"searchNoJS":         "Search needs JavaScript, which your browser does not run. You can browse",
	"results.0":          "No result.",
	"results.1":          "1 result.",
	"results.n":          "%d results.",
	"kind.action":        "Action",
	"kind.indicator":     "Indicator",
	"kind.news":          "News",
	"kind.page":          "Page",
	"axisFeed":           "Atom feed of the news of the axis",
	"progressOf":         "progress",
}
