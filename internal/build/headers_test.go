package build

import (
	"strings"
	"testing"

	"jalons/internal/render"
	"jalons/internal/sitetest"
)

// TestSecurityHeaders: with securityHeaders = true the output holds the
// headers files of common hosts, for the site's base path; without it,
// none.
func TestSecurityHeaders(t *testing.T) {
	site := strings.Replace(small, "baseURL = ", "securityHeaders = true\nbaseURL = ", 1)
	res, err := Render(t.Context(), Options{Source: sitetest.Dir(t, site)})
	if err != nil {
		t.Fatal(err)
	}
	csp := render.CSP
	want := map[string]string{
		"_headers": "/projet-social/*\n  Content-Security-Policy: " + csp +
			"\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
		".htaccess": "<IfModule mod_headers.c>\n  Header always set Content-Security-Policy \"" + csp +
			"\"\n  Header always set X-Content-Type-Options \"nosniff\"\n  Header always set Referrer-Policy \"strict-origin-when-cross-origin\"\n</IfModule>\n",
		"nginx-headers.conf": "# include this in the server block of the site\nlocation /projet-social/ {\n  add_header Content-Security-Policy \"" + csp +
			"\" always;\n  add_header X-Content-Type-Options \"nosniff\" always;\n  add_header Referrer-Policy \"strict-origin-when-cross-origin\" always;\n}\n",
	}
	for p, w := range want {
		if got := string(res.Files[p]); got != w {
			t.Errorf("%s =\n%s\nwant\n%s", p, got, w)
		}
	}
	res, err = Render(t.Context(), Options{Source: sitetest.Dir(t, small)})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want {
		if _, ok := res.Files[p]; ok {
			t.Errorf("%s is written without securityHeaders = true", p)
		}
	}
}
