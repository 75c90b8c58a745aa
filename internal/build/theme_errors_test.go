package build

import (
	"errors"
	"strings"
	"testing"

	"jalons/internal/diag"
	"jalons/internal/sitetest"
)

// TestTemplateProblems: a mistake in a theme's template is a problem like
// the others, at its file, line and column, in the site's language, and
// every one is reported.
func TestTemplateProblems(t *testing.T) {
	const theme = "-- config.toml --\ntitle = \"T\"\ntheme = \"mairie\"\n"
	tests := []struct {
		name, files string
		want        []string // English
		fr          []string
	}{
		{"unknown function", "-- themes/mairie/layouts/404.html --\n{{define \"main\"}}\n<h1>{{majuscules .Title}}</h1>{{end}}\n",
			[]string{`themes/mairie/layouts/404.html:2:1: unknown template function "majuscules" (the functions are listed in the documentation of the render package)`},
			[]string{`themes/mairie/layouts/404.html:2:1: fonction de modèle inconnue "majuscules" (les fonctions sont listées dans la documentation du paquet render)`}},
		{"unclosed action, and an end too many, in two files", "-- themes/mairie/layouts/page.html --\n{{define \"main\"}}\n{{if .Title}}\n<p>x</p>{{end}}\n" +
			"-- themes/mairie/layouts/partials/news-item.html --\n{{define \"news-item\"}}<p>{{.Title}}</p>{{end}}\n{{end}}\n",
			[]string{
				"themes/mairie/layouts/page.html:4:1: the template ends inside an action: a {{ is not closed, or an {{if}}, {{range}} or {{with}} has no {{end}}",
				"themes/mairie/layouts/partials/news-item.html:2:1: an {{end}} closes nothing"},
			[]string{
				"themes/mairie/layouts/page.html:4:1: le modèle se termine au milieu d'une action\u00a0: un {{ n'est pas fermé, ou un {{if}}, {{range}} ou {{with}} n'a pas de {{end}}",
				"themes/mairie/layouts/partials/news-item.html:2:1: un {{end}} ne ferme rien"}},
		{"unknown field, on every action page, said once", "-- themes/mairie/layouts/action.html --\n{{define \"main\"}}\n<h1>{{.Action.Titre}}</h1>{{end}}\n",
			[]string{"themes/mairie/layouts/action.html:2:14: the template asks for .Titre, which *site.Action does not have"},
			[]string{"themes/mairie/layouts/action.html:2:14: le modèle demande .Titre, que *site.Action n'a pas"}},
		{"a partial that does not exist", "-- themes/mairie/layouts/404.html --\n{{define \"main\"}}\n{{template \"entete\" .}}{{end}}\n",
			[]string{`themes/mairie/layouts/404.html:2:12: no template named "entete" (a partial is defined in layouts/partials/<name>.html)`},
			[]string{`themes/mairie/layouts/404.html:2:12: aucun modèle nommé "entete" (un fragment se définit dans layouts/partials/<nom>.html)`}},
		{"in a file of the default theme", "-- themes/mairie/layouts/partials/news-item.html --\n{{define \"news-itm\"}}{{end}}\n",
			[]string{`(default theme) layouts/newslist.html:4:12: no template named "news-item" (a partial is defined in layouts/partials/<name>.html)`},
			[]string{`(default theme) layouts/newslist.html:4:12: aucun modèle nommé "news-item" (un fragment se définit dans layouts/partials/<nom>.html)`}},
		{"in a row of the actions table, at the row's own line", "-- themes/mairie/layouts/partials/action-row.html --\n{{define \"action-row\"}}\n<tr><td>{{.Titre}}</td></tr>{{end}}\n",
			[]string{"themes/mairie/layouts/partials/action-row.html:2:11: the template asks for .Titre, which *site.Action does not have"},
			[]string{"themes/mairie/layouts/partials/action-row.html:2:11: le modèle demande .Titre, que *site.Action n'a pas"}},
		{"other errors keep Go's words", "-- themes/mairie/layouts/404.html --\n{{define \"main\"}}\n{{if}}{{end}}{{end}}\n",
			[]string{"themes/mairie/layouts/404.html:2:1: template error: missing value for if"},
			[]string{"themes/mairie/layouts/404.html:2:1: erreur de modèle\u00a0: missing value for if"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render(t.Context(), Options{Source: sitetest.Dir(t, small+tt.files+theme)})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Render = %v; want problems", err)
			}
			if got := strings.Join(list.Text("en"), "\n"); got != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
			if got := strings.Join(list.Text("fr"), "\n"); got != strings.Join(tt.fr, "\n") {
				t.Errorf("French:\n%s\nwant:\n%s", got, strings.Join(tt.fr, "\n"))
			}
		})
	}
}
