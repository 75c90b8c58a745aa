package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// budget is the most a page may weigh, gzipped, with what its first view
// needs: its HTML, style sheets, scripts, icon and images that are not
// lazily loaded. The chart library, which js/charts.js loads only when a
// chart comes into view, is not counted.
const budget = 100 << 10

func gzipped(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// firstView lists the files a page loads before any scrolling: the
// addresses of its style sheets, scripts, icons and eager images.
func firstView(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch {
		case tok.Data == "link" && (attr(tok, "rel") == "stylesheet" || attr(tok, "rel") == "icon"):
			out = append(out, attr(tok, "href"))
		case tok.Data == "script" && attr(tok, "src") != "":
			out = append(out, attr(tok, "src"))
		case tok.Data == "img" && attr(tok, "loading") != "lazy":
			out = append(out, attr(tok, "src"))
		}
	}
}

// TestPageWeight builds the example site and checks every page against
// the budget; it logs the heaviest page of each kind (go test -v).
func TestPageWeight(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	const base = "/projet-social/"
	heaviest := map[string]int{}
	pages := 0
	for name, b := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		total := gzipped(b)
		for _, u := range firstView(b) {
			if path.Base(u) == "echarts.min.js" {
				t.Errorf("%s loads the chart library in its first view", name)
			}
			f, ok := res.Files[strings.TrimPrefix(u, base)]
			if !ok || !strings.HasPrefix(u, base) {
				t.Errorf("%s loads %s, which the site does not have", name, u)
				continue
			}
			total += gzipped(f)
		}
		if total > budget {
			t.Errorf("%s weighs %d bytes gzipped with what it loads first; the budget is %d", name, total, budget)
		}
		kind := strings.SplitN(name, "/", 2)[0]
		if strings.Count(name, "/") > 1 {
			kind += "/…"
		}
		heaviest[kind] = max(heaviest[kind], total)
	}
	if pages < 30 {
		t.Errorf("%d pages weighed; the example site has more", pages)
	}
	var kinds []string
	for k := range heaviest {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-16s %6.1f KB", k, float64(heaviest[k])/1024)
	}
}
