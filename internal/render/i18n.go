package render

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/site"
)

// locale holds the words and formats of a site's language.
type locale struct {
	lang    config.Language
	words   map[string]string
	printer *message.Printer
	months  [12]string
	paths   map[string]string // section → first path segment
}

var frMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var enMonths = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func newLocale(lang config.Language) *locale {
	if lang == "en" {
		return &locale{lang: lang, words: enWords, printer: message.NewPrinter(language.English), months: enMonths,
			paths: site.SectionPaths(lang)}
	}
	return &locale{lang: lang, words: frWords, printer: message.NewPrinter(language.French), months: frMonths,
		paths: site.SectionPaths(lang)}
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
	day := fmt.Sprint(d.Day)
	if l.lang == "fr" && d.Day == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, l.months[d.Month-1], d.Year)
}

// Number writes a number with the language's separators: "550 000",
// "42,5" in French; at most two decimals.
func (l *locale) Number(f float64) string {
	return l.printer.Sprint(number.Decimal(f, number.MaxFractionDigits(2)))
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
	p := math.Round(ratio * 100)
	if l.lang == "en" {
		return fmt.Sprintf("%.0f%%", p)
	}
	return fmt.Sprintf("%.0f\u00a0%%", p)
}

// Status is the label of a status: "En cours", "In progress".
func (l *locale) Status(s content.Status) string { return l.T("status." + s.Code()) }

// Plural picks the singular or plural key for n: "1 action", "3 actions".
func (l *locale) Plural(n int, key string) string {
	if n > 1 || (n == 0 && l.lang == "en") {
		key += ".n"
	}
	return l.Number(float64(n)) + " " + l.T(key)
}

// Measured says how many of a group's actions its progress counts: "2
// actions mesurées sur 3", "2 of 3 actions measured".
func (l *locale) Measured(n, of int) string {
	key := "measured"
	if n > 1 || (l.lang == "en" && of != 1) {
		key += ".n"
	}
	return fmt.Sprintf(l.T(key), n, of)
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
	"contact":            "Contact",
	"pages":              "Informations",
	"generator":          "Site généré par Jalons",
	"and":                "et",
	"chart.actions":      "Avancement des actions de l'axe « %s »\u00a0:",
	"chart.latest":       "%s\u00a0: %s au %s",
	"chart.target":       ", sur un objectif de %s",
	"chart.share":        ", soit %s",
	"chart.reports":      "%s rend compte à %s",
	"chart.reports.n":    "%s rendent compte à %s",
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
	"status.planned":     "À venir",
	"status.in_progress": "En cours",
	"status.done":        "Réalisée",
	"status.suspended":   "Suspendue",
	"status.abandoned":   "Abandonnée",
	"data.actions":       "Actions (CSV)",
	"data.indicators":    "Indicateurs (CSV)",
	"data.values":        "Valeurs des indicateurs (CSV)",
	"data.site":          "Tout le site (JSON)",
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
	"measured":           "%d action mesurée sur %d",
	"measured.n":         "%d actions mesurées sur %d",
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
	"contact":            "Contact",
	"pages":              "Information",
	"generator":          "Site generated by Jalons",
	"and":                "and",
	"chart.actions":      "Progress of the actions of the axis “%s”:",
	"chart.latest":       "%s: %s on %s",
	"chart.target":       ", against a target of %s",
	"chart.share":        ", that is %s",
	"chart.reports":      "%s reports to %s",
	"chart.reports.n":    "%s report to %s",
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
	"status.planned":     "Planned",
	"status.in_progress": "In progress",
	"status.done":        "Done",
	"status.suspended":   "Suspended",
	"status.abandoned":   "Abandoned",
	"data.actions":       "Actions (CSV)",
	"data.indicators":    "Indicators (CSV)",
	"data.values":        "Indicator values (CSV)",
	"data.site":          "Whole site (JSON)",
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
	"measured":           "%d of %d action measured",
	"measured.n":         "%d of %d actions measured",
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
