package build

import (
	"regexp"
	"strings"
	"testing"
)

// TestGovernancePage checks the governance page of the English test site,
// whose assembly has 30 members: the org chart is nested lists (no chart,
// no script), and every cell of the members tables names its column, so
// that the tables read as cards on a phone.
func TestGovernancePage(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../../testdata/sites/en"})
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["governance/index.html"])
	for _, no := range []string{"data-chart", "echarts", "<script"} {
		if strings.Contains(page, no) {
			t.Errorf("governance/index.html holds %q", no)
		}
	}
	tree := `<ul class="org-tree" aria-labelledby="organigramme">
<li><a class="org-node" href="#instance-board">Steering board</a>
<ul>
<li><a class="org-node" href="#instance-users">Users&#39; committee</a>
</li>
<li><a class="org-node" href="#instance-assembly">Partnership assembly</a>
<ul>
<li><a class="org-node" href="#instance-housing-group">`
	if !strings.Contains(page, tree) {
		t.Errorf("governance/index.html has no org chart as nested lists:\n%s", tree)
	}
	assembly := page[strings.Index(page, `id="instance-assembly"`):]
	assembly = assembly[:strings.Index(assembly, "</table>")]
	if n := strings.Count(assembly, `<tr><th scope="row">`); n != 30 {
		t.Errorf("the assembly's table has %d members; want 30", n)
	}
	if !strings.Contains(assembly, `<table class="members stack">`) {
		t.Errorf("the assembly's table is not of class stack")
	}
	if n := len(regexp.MustCompile(`<td data-label="[^"]+">`).FindAllString(assembly, -1)); n != 60 {
		t.Errorf("the assembly's table has %d labelled cells; want 60", n)
	}
}
