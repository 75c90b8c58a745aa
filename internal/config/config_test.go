package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"config.toml": {Data: []byte(`title = "Projet social"
baseURL = "https://www.example.fr/projet-social"
period = { start = 2017, end = 2020 }
`)}}
	c, errs := Load(fsys)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if c.BaseURL != "https://www.example.fr/projet-social/" || c.Base.Path != "/projet-social/" {
		t.Errorf("BaseURL = %q, path %q", c.BaseURL, c.Base.Path)
	}
	if c.Language != "fr" || c.Theme != "default" || c.NewsPerPage != 10 {
		t.Errorf("defaults: language %q theme %q newsPerPage %d", c.Language, c.Theme, c.NewsPerPage)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"missing file", "", `config.toml:1:1: no config.toml in the site's folder (create one with at least title = "…", or run jalons init)`},
		{"typo", "title = \"x\"\nbaseUrl = \"https://a.fr/\"\n", `config.toml:2:1: unknown key "baseUrl" (did you mean "baseURL"?)`},
		{"language", "title = \"x\"\nlanguage = \"de\"\n", `config.toml:2:1: "language": unknown language "de" (use "fr" or "en")`},
		{"accessibility", "title = \"x\"\naccessibility = \"partially\"\n", `config.toml:2:1: "accessibility": unknown accessibility "partially" (use "none", "partial" or "full")`},
		{"base url", "title = \"x\"\nbaseURL = \"www.example.fr\"\n", `config.toml:2:1: baseURL "www.example.fr" must be a full address such as https://www.example.fr/projet-social/`},
		{"period", "title = \"x\"\nperiod = { start = 2020, end = 2017 }\n", `config.toml:2:1: period ends (2017) before it starts (2020)`},
		{"period not a year", "title = \"x\"\nperiod = { start = 17 }\n", `config.toml:2:1: period start 17 is not a year (write it with four digits, like 2017)`},
		{"period end not a year", "title = \"x\"\n[period]\nstart = 2017\nend = 20\n", `config.toml:4:1: period end 20 is not a year (write it with four digits, like 2017)`},
		{"news per page", "title = \"x\"\nnewsPerPage = 0\n", `config.toml:2:1: newsPerPage must be 1 or more, not 0`},
		{"theme", "title = \"x\"\ntheme = \"../../etc\"\n", `config.toml:2:1: theme "../../etc" is not a folder name under themes/ (use letters, digits, - or _)`},
		{"max file size", "title = \"x\"\nmaxFileSize = 0\n", `config.toml:2:1: maxFileSize must be 1 or more (megabytes), not 0`},
		{"max file size type", "title = \"x\"\nmaxFileSize = \"20 MB\"\n", `config.toml:2:1: "maxFileSize" must be a whole number, not the text "20 MB"`},
		{"too big", "title = \"x\"\n" + strings.Repeat("#", 10<<20), `config.toml:1:1: the file is bigger than 10 MB, the most a file may be`},
		{"empty title", "title = \"\"\n", `config.toml:1:1: title must not be empty`},
		{"no title", "language = \"en\"\n", `config.toml:1:1: missing required key "title"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			if tt.src != "" {
				fsys["config.toml"] = &fstest.MapFile{Data: []byte(tt.src)}
			}
			_, errs := Load(fsys)
			if got := errs.Error(); got != tt.want {
				t.Errorf("Load errors = %s; want %s", got, strings.TrimSpace(tt.want))
			}
		})
	}
}

func TestDataLicenseAndAccessibility(t *testing.T) {
	tests := []struct{ src, license, access string }{
		{``, "Licence Ouverte / Open Licence 2.0", "none"},
		{`language = "en"`, "Open Licence 2.0", "none"},
		{`dataLicense = "CC-BY 4.0"` + "\naccessibility = \"partial\"", "CC-BY 4.0", "partial"},
		{`accessibility = "full"`, "Licence Ouverte / Open Licence 2.0", "full"},
	}
	for _, tt := range tests {
		c, errs := Load(fstest.MapFS{"config.toml": {Data: []byte("title = \"x\"\n" + tt.src + "\n")}})
		if errs.Err() != nil {
			t.Fatalf("Load(%q): %v", tt.src, errs)
		}
		if c.DataLicense != tt.license || string(c.Accessibility) != tt.access {
			t.Errorf("Load(%q) = %q, %q; want %q, %q", tt.src, c.DataLicense, c.Accessibility, tt.license, tt.access)
		}
	}
}
