package render

import "fmt"

// CSP is the Content-Security-Policy the pages are made for: nothing from
// another host, no inline script or style. The browser gate serves every
// test site with it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

// headers are the HTTP headers a host can send with every file of the
// site.
var headers = [][2]string{
	{"Content-Security-Policy", CSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
}

// hostHeaders returns the files that set headers on common static hosts,
// for a site published under basePath ("/projet-social/"): _headers
// (Netlify, Cloudflare Pages), .htaccess (Apache) and nginx-headers.conf
// (a location block to include in nginx's server block).
func hostHeaders(basePath string) Files {
	var netlify, apache, nginx string
	netlify = basePath + "*\n"
	apache = "<IfModule mod_headers.c>\n"
	nginx = fmt.Sprintf("# include this in the server block of the site\nlocation %s {\n", basePath)
	for _, h := range headers {
		netlify += fmt.Sprintf("  %s: %s\n", h[0], h[1])
		apache += fmt.Sprintf("  Header always set %s %q\n", h[0], h[1])
		nginx += fmt.Sprintf("  add_header %s %q always;\n", h[0], h[1])
	}
	apache += "</IfModule>\n"
	nginx += "}\n"
	return Files{"_headers": []byte(netlify), ".htaccess": []byte(apache), "nginx-headers.conf": []byte(nginx)}
}
