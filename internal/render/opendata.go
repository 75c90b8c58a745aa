package render

import (
	"jalons/internal/config"
	"jalons/internal/slug"
)

// Column is a column of an open data CSV file: its Table Schema field and
// what it holds, in French and English.
type Column struct {
	Name     string
	Type     string   // Table Schema type: string, number, date
	Format   string   // "uri" for addresses
	Required bool     // never empty
	Enum     []string // the values it may take, when they are few
	fr, en   string
}

// Desc says what the column holds, in the site's language.
func (c Column) Desc(lang config.Language) string {
	if lang == "en" {
		return c.en
	}
	return c.fr
}

var statusCodes = []string{"planned", "in_progress", "done", "suspended", "abandoned"}

var actionColumns = []Column{
	{Name: "slug", Type: "string", Required: true, fr: "identifiant de l'action (le nom de son fichier)", en: "the action's identifier (its file's name)"},
	{Name: "title", Type: "string", Required: true, fr: "titre", en: "title"},
	{Name: "axis", Type: "string", Required: true, fr: "identifiant de son axe", en: "the identifier of its axis"},
	{Name: "status", Type: "string", Required: true, Enum: statusCodes,
		fr: "statut\u00a0: planned (à venir), in_progress (en cours), done (réalisée), suspended (suspendue), abandoned (abandonnée)",
		en: "status: planned, in_progress, done, suspended, abandoned"},
	{Name: "start", Type: "date", fr: "date de début (AAAA-MM-JJ)", en: "start date (YYYY-MM-DD)"},
	{Name: "end", Type: "date", fr: "date de fin (AAAA-MM-JJ)", en: "end date (YYYY-MM-DD)"},
	{Name: "lead", Type: "string", fr: "pilote (structure ou personne)", en: "who leads it"},
	{Name: "partners", Type: "string", fr: "partenaires, séparés par «\u00a0;\u00a0»", en: "partners, separated by \"; \""},
	{Name: "audience", Type: "string", fr: "publics visés, séparés par «\u00a0;\u00a0»", en: "audiences, separated by \"; \""},
	{Name: "territories", Type: "string", fr: "territoires, séparés par «\u00a0;\u00a0»", en: "territories, separated by \"; \""},
	{Name: "budget", Type: "number", fr: "budget prévu, en euros", en: "planned budget, in euros"},
	{Name: "spent", Type: "number", fr: "dépenses réalisées, en euros", en: "amount spent, in euros"},
	{Name: "progress", Type: "number", fr: "avancement, en pour cent (0 à 100)\u00a0; vide quand il n'est pas mesuré", en: "progress, in percent (0 to 100); empty when not measured"},
	{Name: "weight", Type: "number", fr: "poids dans l'avancement de son axe\u00a0; vide\u00a0: 1", en: "weight in its axis's progress; empty: 1"},
	{Name: "url", Type: "string", Format: "uri", Required: true, fr: "adresse de sa page", en: "address of its page"},
	{Name: "late", Type: "boolean", Required: true, fr: "true quand l'action est en retard (à venir ou en cours, sa date de fin passée)", en: "true when the action is late (planned or in progress, past its end date)"},
}

var indicatorColumns = []Column{
	{Name: "slug", Type: "string", Required: true, fr: "identifiant de l'indicateur (le nom de son fichier)", en: "the indicator's identifier (its file's name)"},
	{Name: "title", Type: "string", Required: true, fr: "titre", en: "title"},
	{Name: "action", Type: "string", fr: "identifiant de l'action mesurée\u00a0; vide pour un indicateur de tout le projet", en: "identifier of the action it measures; empty for the whole project"},
	{Name: "unit", Type: "string", fr: "unité des valeurs", en: "unit of the values"},
	{Name: "baseline", Type: "number", Required: true, fr: "valeur de départ", en: "baseline value"},
	{Name: "target", Type: "number", fr: "valeur visée", en: "target value"},
	{Name: "direction", Type: "string", Required: true, Enum: []string{"increase", "decrease"},
		fr: "sens souhaité\u00a0: increase (à la hausse) ou decrease (à la baisse)", en: "desired direction: increase or decrease"},
	{Name: "latest_date", Type: "date", fr: "date de la dernière valeur", en: "date of the latest value"},
	{Name: "latest_value", Type: "number", fr: "dernière valeur", en: "latest value"},
	{Name: "progress", Type: "number", fr: "avancement vers la cible, en pour cent (0 à 100)\u00a0; vide sans cible ou sans valeur", en: "progress towards the target, in percent (0 to 100); empty without a target or a value"},
	{Name: "source", Type: "string", fr: "source des valeurs", en: "source of the values"},
	{Name: "url", Type: "string", Format: "uri", Required: true, fr: "adresse de sa page", en: "address of its page"},
	{Name: "latest_masked", Type: "boolean", Required: true, fr: "true quand la dernière valeur, trop petite, n'est pas publiée (maskBelow)", en: "true when the latest value, too small, is not published (maskBelow)"},
}

var valueColumns = []Column{
	{Name: "indicator", Type: "string", Required: true, fr: "identifiant de l'indicateur", en: "identifier of the indicator"},
	{Name: "date", Type: "date", Required: true, fr: "date de la mesure", en: "date of the measure"},
	{Name: "value", Type: "number", fr: "valeur mesurée ; vide quand elle est masquée", en: "measured value; empty when masked"},
	{Name: "unit", Type: "string", fr: "unité", en: "unit"},
	{Name: "note", Type: "string", fr: "remarque", en: "note"},
	{Name: "masked", Type: "boolean", Required: true, fr: "true quand la valeur, trop petite, n'est pas publiée (maskBelow)", en: "true when the value, too small, is not published (maskBelow)"},
}

var milestoneColumns = []Column{
	{Name: "action", Type: "string", Required: true, fr: "identifiant de l'action", en: "identifier of the action"},
	{Name: "date", Type: "date", Required: true, fr: "date prévue du jalon", en: "planned date of the milestone"},
	{Name: "title", Type: "string", Required: true, fr: "ce qui doit être fait", en: "what should be done"},
	{Name: "done", Type: "boolean", Required: true, fr: "true quand le jalon est franchi", en: "true once the milestone is reached"},
	{Name: "late", Type: "boolean", Required: true, fr: "true quand le jalon n'est pas franchi et que sa date est passée", en: "true when the milestone is not reached and its date is past"},
}

func header(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// DataFile is a file of the open data, as the open data page and
// datapackage.json describe it.
type DataFile struct {
	Name    string // resource name: "actions"
	Path    string // under data/: "actions.csv"
	Media   string // "text/csv"
	fr, en  string
	Columns []Column // CSV files only
	Key     string   // primary key, if any
	Refs    []ref    // foreign keys
}

type ref struct{ Field, Resource, To string }

// Desc says what the file holds, in the site's language.
func (f DataFile) Desc(lang config.Language) string {
	if lang == "en" {
		return f.en
	}
	return f.fr
}

// dataFiles are the files of data/, but the package that describes them.
var dataFiles = []DataFile{
	{Name: "actions", Path: "actions.csv", Media: "text/csv", Columns: actionColumns, Key: "slug",
		fr: "Toutes les actions, une par ligne\u00a0: axe, statut, dates, pilote, partenaires, budget, avancement.",
		en: "Every action, one a row: axis, status, dates, lead, partners, budget, progress."},
	{Name: "indicators", Path: "indicators.csv", Media: "text/csv", Columns: indicatorColumns, Key: "slug",
		Refs: []ref{{"action", "actions", "slug"}},
		fr:   "Tous les indicateurs, un par ligne\u00a0: action mesurée, valeur de départ, cible, dernière valeur, avancement.",
		en:   "Every indicator, one a row: action measured, baseline, target, latest value, progress."},
	{Name: "values", Path: "values.csv", Media: "text/csv", Columns: valueColumns,
		Refs: []ref{{"indicator", "indicators", "slug"}},
		fr:   "Toutes les valeurs mesurées des indicateurs, une par ligne.",
		en:   "Every measured value of the indicators, one a row."},
	{Name: "milestones", Path: "milestones.csv", Media: "text/csv", Columns: milestoneColumns,
		Refs: []ref{{"action", "actions", "slug"}},
		fr:   "Tous les jalons des actions, un par ligne : date, titre, franchi ou non, en retard ou non.",
		en:   "Every milestone of the actions, one a row: date, title, reached or not, late or not."},
	{Name: "site", Path: "site.json", Media: "application/json",
		fr: "Tout le site en un fichier JSON\u00a0: réglages, avancement, axes, actions, indicateurs et leurs valeurs, actualités.",
		en: "The whole site as one JSON file: settings, progress, axes, actions, indicators with their values, news."},
}

// Data Package (https://datapackage.org/standard/data-package/), version 2.
type jsonPackage struct {
	Schema    string         `json:"$schema"`
	Name      string         `json:"name"`
	Title     string         `json:"title"`
	Homepage  string         `json:"homepage"`
	Licenses  []jsonLicense  `json:"licenses"`
	Resources []jsonResource `json:"resources"`
}

type jsonLicense struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type jsonResource struct {
	Name        string           `json:"name"`
	Path        string           `json:"path"`
	Type        string           `json:"type,omitempty"`
	Description string           `json:"description"`
	Format      string           `json:"format"`
	Mediatype   string           `json:"mediatype"`
	Encoding    string           `json:"encoding"`
	Schema      *jsonTableSchema `json:"schema,omitempty"`
}

type jsonTableSchema struct {
	Fields      []jsonField      `json:"fields"`
	PrimaryKey  string           `json:"primaryKey,omitempty"`
	ForeignKeys []jsonForeignKey `json:"foreignKeys,omitempty"`
	Missing     []string         `json:"missingValues"`
}

type jsonField struct {
	Name        string           `json:"name"`
	Type        string           `json:"type"`
	Format      string           `json:"format,omitempty"`
	Description string           `json:"description"`
	Constraints *jsonConstraints `json:"constraints,omitempty"`
}

type jsonConstraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

type jsonForeignKey struct {
	Fields    string `json:"fields"`
	Reference struct {
		Resource string `json:"resource"`
		Fields   string `json:"fields"`
	} `json:"reference"`
}

// etalab is the address of the Licence Ouverte 2.0, the default licence;
// its Open Definition (and SPDX) identifier is etalab-2.0.
const etalab = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

// dataPackage describes the open data files. A licence other than the
// Licence Ouverte is named by its text, with the open data page, which
// shows it, as its path.
func (r *renderer) dataPackage() jsonPackage {
	c := r.site.Config
	lic := jsonLicense{Path: r.abs("data/"), Title: c.DataLicense}
	if config.Etalab(c.DataLicense) {
		lic.Name, lic.Path = "etalab-2.0", etalab
	}
	name := slug.Make(c.Title)
	if name == "" {
		name = "jalons"
	}
	p := jsonPackage{Schema: "https://datapackage.org/profiles/2.0/datapackage.json", Name: name, Title: c.Title,
		Homepage: c.BaseURL, Licenses: []jsonLicense{lic}}
	for _, f := range dataFiles {
		res := jsonResource{Name: f.Name, Path: f.Path, Description: f.Desc(c.Language), Format: "json",
			Mediatype: f.Media, Encoding: "utf-8"}
		if f.Columns != nil {
			res.Type, res.Format = "table", "csv"
			s := &jsonTableSchema{PrimaryKey: f.Key, Missing: []string{""}}
			for _, col := range f.Columns {
				fd := jsonField{Name: col.Name, Type: col.Type, Format: col.Format, Description: col.Desc(c.Language)}
				if col.Required || col.Enum != nil {
					fd.Constraints = &jsonConstraints{Required: col.Required, Enum: col.Enum}
				}
				s.Fields = append(s.Fields, fd)
			}
			for _, ref := range f.Refs {
				var fk jsonForeignKey
				fk.Fields, fk.Reference.Resource, fk.Reference.Fields = ref.Field, ref.Resource, ref.To
				s.ForeignKeys = append(s.ForeignKeys, fk)
			}
			res.Schema = s
		}
		p.Resources = append(p.Resources, res)
	}
	return p
}
