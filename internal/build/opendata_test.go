package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The profiles' patterns are ECMAScript's (with look-ahead): they are
// compiled with regexp2, as the jsonschema module advises.
type ecmaRegexp regexp2.Regexp

func (re *ecmaRegexp) MatchString(s string) bool {
	ok, err := (*regexp2.Regexp)(re).MatchString(s)
	return err == nil && ok
}

func (re *ecmaRegexp) String() string { return (*regexp2.Regexp)(re).String() }

// profile compiles one of the Frictionless profiles pinned in
// testdata/frictionless.
func profile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/frictionless/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(func(s string) (jsonschema.Regexp, error) {
		re, err := regexp2.Compile(s, regexp2.ECMAScript)
		return (*ecmaRegexp)(re), err
	})
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type tableSchema struct {
	Fields []struct {
		Name        string
		Type        string
		Format      string
		Constraints struct {
			Required bool
			Enum     []string
		}
	}
	PrimaryKey  string
	ForeignKeys []struct {
		Fields    string
		Reference struct{ Resource, Fields string }
	}
}

type dataPackage struct {
	Resources []struct {
		Name, Path string
		Schema     json.RawMessage
	}
}

// checkTable checks the rows of a CSV file against its Table Schema: the
// header names the fields in order; a required cell is not empty; a
// number, a date, an address and a value of an enumeration are what they
// say; a primary key is unique. It returns the primary key's values
// and the problems.
func checkTable(name string, b []byte, s tableSchema) (map[string][]string, []string) {
	var problems []string
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(records) == 0 {
		return nil, []string{fmt.Sprintf("%s: %v", name, err)}
	}
	var names []string
	for _, f := range s.Fields {
		names = append(names, f.Name)
	}
	if !slices.Equal(records[0], names) {
		problems = append(problems, fmt.Sprintf("%s: header %v; want %v", name, records[0], names))
		return nil, problems
	}
	columns := map[string][]string{}
	for i, row := range records[1:] {
		for j, f := range s.Fields {
			v := row[j]
			columns[f.Name] = append(columns[f.Name], v)
			bad := func(what string) {
				problems = append(problems, fmt.Sprintf("%s:%d: %s = %q: %s", name, i+2, f.Name, v, what))
			}
			if v == "" {
				if f.Constraints.Required {
					bad("required, empty")
				}
				continue
			}
			switch f.Type {
			case "number":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					bad("not a number")
				}
			case "date":
				if _, err := time.Parse("2006-01-02", v); err != nil {
					bad("not a date")
				}
			}
			if f.Format == "uri" {
				if u, err := url.Parse(v); err != nil || u.Scheme == "" || u.Host == "" {
					bad("not an address")
				}
			}
			if f.Constraints.Enum != nil && !slices.Contains(f.Constraints.Enum, v) {
				bad(fmt.Sprintf("not one of %v", f.Constraints.Enum))
			}
		}
	}
	if k := s.PrimaryKey; k != "" {
		seen := map[string]bool{}
		for _, v := range columns[k] {
			if seen[v] {
				problems = append(problems, fmt.Sprintf("%s: %s %q twice", name, k, v))
			}
			seen[v] = true
		}
	}
	return columns, problems
}

// TestDataPackage validates data/datapackage.json of the example site
// against the Data Package profile, each of its Table Schemas against the
// Table Schema profile, and every row of every CSV file against its
// schema, foreign keys included.
func TestDataPackage(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	b := res.Files["data/datapackage.json"]
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := profile(t, "datapackage.json").Validate(inst); err != nil {
		t.Errorf("data/datapackage.json is not a Data Package: %v", err)
	}
	var pkg dataPackage
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	tableProfile := profile(t, "tableschema.json")
	columns := map[string]map[string][]string{}
	schemas := map[string]tableSchema{}
	var files []string
	for _, r := range pkg.Resources {
		files = append(files, r.Path)
		if _, ok := res.Files["data/"+r.Path]; !ok {
			t.Errorf("resource %s: data/%s was not built", r.Name, r.Path)
		}
		if r.Schema == nil {
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.Schema))
		if err != nil {
			t.Fatal(err)
		}
		if err := tableProfile.Validate(inst); err != nil {
			t.Errorf("resource %s: its schema is not a Table Schema: %v", r.Name, err)
		}
		var s tableSchema
		if err := json.Unmarshal(r.Schema, &s); err != nil {
			t.Fatal(err)
		}
		cols, problems := checkTable(r.Path, res.Files["data/"+r.Path], s)
		for _, p := range problems {
			t.Error(p)
		}
		columns[r.Name], schemas[r.Name] = cols, s
	}
	if want := []string{"actions.csv", "indicators.csv", "values.csv", "milestones.csv", "site.json"}; !slices.Equal(files, want) {
		t.Errorf("datapackage.json describes %v; want %v", files, want)
	}
	for name, s := range schemas {
		for _, fk := range s.ForeignKeys {
			for _, v := range columns[name][fk.Fields] {
				if v != "" && !slices.Contains(columns[fk.Reference.Resource][fk.Reference.Fields], v) {
					t.Errorf("%s: %s %q is no %s of %s", name, fk.Fields, v, fk.Reference.Fields, fk.Reference.Resource)
				}
			}
		}
	}
	if len(columns["values"]["value"]) < 10 {
		t.Errorf("values.csv has %d rows; the example site has more", len(columns["values"]["value"]))
	}
}

// TestDataChecksCatch feeds the checks of TestDataPackage with broken
// files: each must be caught.
func TestDataChecksCatch(t *testing.T) {
	var s tableSchema
	schema := `{"fields": [{"name": "slug", "type": "string", "constraints": {"required": true}},
		{"name": "n", "type": "number"}, {"name": "d", "type": "date"},
		{"name": "status", "type": "string", "constraints": {"enum": ["done"]}},
		{"name": "url", "type": "string", "format": "uri"}], "primaryKey": "slug"}`
	if err := json.Unmarshal([]byte(schema), &s); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ csv, want string }{
		{"slug,n,d,status,url\na,1.5,2020-01-31,done,https://x.fr/\n", ""},
		{"slug,n\na,1\n", "header"},
		{"slug,n,d,status,url\n,1,,,\n", "required, empty"},
		{"slug,n,d,status,url\na,\"1,5\",,,\n", "not a number"},
		{"slug,n,d,status,url\na,,31/01/2020,,\n", "not a date"},
		{"slug,n,d,status,url\na,,,fini,\n", "not one of"},
		{"slug,n,d,status,url\na,,,,actions/x/\n", "not an address"},
		{"slug,n,d,status,url\na,,,,\na,,,,\n", "twice"},
	}
	for _, tt := range tests {
		_, problems := checkTable("t.csv", []byte(tt.csv), s)
		got := strings.Join(problems, "; ")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("checkTable(%q) = %q; want %q", tt.csv, got, tt.want)
		}
	}
	bad := []string{
		`{"resources": []}`,
		`{"resources": [{"name": "a"}]}`,
		`{"resources": [{"name": "a", "path": "../a.csv"}]}`,
		`{"licenses": [{"title": "no name, no path"}], "resources": [{"name": "a", "path": "a.csv"}]}`,
	}
	p := profile(t, "datapackage.json")
	for _, b := range bad {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if p.Validate(inst) == nil {
			t.Errorf("the Data Package profile accepts %s", b)
		}
	}
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"fields": [{"name": "a", "type": "text"}]}`))
	if profile(t, "tableschema.json").Validate(inst) == nil {
		t.Errorf("the Table Schema profile accepts a field of type text")
	}
}

// TestSiteJSONKeys checks that site.json writes every key in one style:
// lowercase, words joined by "_" (the statuses' codes), as in the CSV
// headers.
func TestSiteJSONKeys(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(res.Files["data/site.json"], &doc); err != nil {
		t.Fatal(err)
	}
	style := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if !style.MatchString(k) {
					t.Errorf("site.json: key %s.%s is not lowercase", path, k)
				}
				walk(path+"."+k, e)
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		}
	}
	walk("", doc)
	if !bytes.Contains(res.Files["data/site.json"], []byte(`"period":{"start":2010,"end":2020}`)) {
		t.Errorf("site.json does not write the period as {\"start\":2010,\"end\":2020}")
	}
}

// TestOpenDataPage checks the page /data/: every file with its columns,
// and the licence, also written into datapackage.json.
func TestOpenDataPage(t *testing.T) {
	tests := []struct{ name, config, license, link string }{
		{"default", "", "Licence Ouverte / Open Licence 2.0", `<a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">`},
		{"own", "dataLicense = \"CC-BY 4.0\"\n", "CC-BY 4.0", "<dd>CC-BY 4.0</dd>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderSite(t, small+"-- config.toml --\ntitle = \"Projet social\"\nbaseURL = \"https://www.example.fr/projet-social/\"\n"+tt.config)
			want := []string{"<h1>Données ouvertes</h1>", tt.link, `<a href="/projet-social/data/datapackage.json">`}
			for _, f := range []string{"actions.csv", "indicators.csv", "values.csv", "site.json"} {
				want = append(want, `<a href="/projet-social/data/`+f+`">`+f+`</a></h2>`)
			}
			for _, c := range []string{"latest_value", "territories", "note"} {
				want = append(want, `<tr><th scope="row"><code>`+c+`</code></th>`)
			}
			contains(t, res, "data/index.html", want...)
			contains(t, res, "index.html", `<li><a href="/projet-social/data/">Données ouvertes</a></li>`)
			contains(t, res, "data/datapackage.json", `"title": "`+tt.license+`"`)
		})
	}
}
