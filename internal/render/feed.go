package render

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/site"
)

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string    `xml:"title"`
	ID        string    `xml:"id"`
	Link      atomLink  `xml:"link"`
	Published string    `xml:"published"`
	Updated   string    `xml:"updated"`
	Summary   *atomText `xml:"summary,omitempty"`
	Content   atomText  `xml:"content"`
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Links    []atomLink  `xml:"link"`
	Updated  string      `xml:"updated"`
	Author   string      `xml:"author>name"`
	Entries  []atomEntry `xml:"entry"`
}

func stamp(d content.Date) string { return d.Time().Format(time.RFC3339) }

// feed returns the jobs that make feed.xml, an Atom 1.0 feed of the news
// with absolute addresses, and for each axis axes/<slug>/feed.xml, the
// news linked to the axis or to one of its actions. A feed's date is its newest news
// item's, so that the same content gives the same feed.
func (r *renderer) feed() []func() error {
	cfg := r.site.Config
	feeds := []struct {
		file, title, page string
		news              []*site.News
	}{{"feed.xml", cfg.Title + " – " + r.loc.T("news"), r.section("news"), r.site.News}}
	for _, a := range r.site.Axes {
		p := r.pathOf(a)
		feeds = append(feeds, struct {
			file, title, page string
			news              []*site.News
		}{p + "feed.xml", cfg.Title + " – " + a.Title, p, a.News})
	}
	jobs := make([]func() error, len(feeds))
	for i, f := range feeds {
		jobs[i] = func() error {
			// A feed shows each news item whole, nothing linked.
			news := cards(f.news, func(n *site.News) *site.News { return &site.News{News: n.News} })
			k := func() uint64 { return r.key([]any{f.title, f.page, news}) }
			b, err := r.cached(f.file, k, func() ([]byte, error) {
				return r.atom(f.title, f.file, f.page, news)
			})
			if err != nil {
				return err
			}
			return r.add(f.file, b)
		}
	}
	return jobs
}

// atom writes the feed file of news, whose page is the path page.
func (r *renderer) atom(title, file, page string, news []*site.News) ([]byte, error) {
	cfg := r.site.Config
	author := cfg.Territory
	if author == "" {
		author = cfg.Title
	}
	f := atomFeed{
		Lang:     string(cfg.Language),
		Title:    title,
		Subtitle: cfg.Description,
		ID:       r.abs(page),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.abs(file)},
			{Rel: "alternate", Type: "text/html", Href: r.abs(page)},
		},
		Updated: "2000-01-01T00:00:00Z",
		Author:  author,
	}
	if len(news) > 0 {
		f.Updated = stamp(news[0].Date)
	}
	for _, n := range news {
		body, err := r.md.HTML(n.Src.Body, "")
		if err != nil {
			return nil, err
		}
		addr := r.abs(r.pathOf(n))
		page, err := url.Parse(addr)
		if err != nil {
			return nil, diag.Errorf("%s: %v", file, err)
		}
		e := atomEntry{
			Title:     n.Title,
			ID:        addr,
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: addr},
			Published: stamp(n.Date),
			Updated:   stamp(n.Date),
			Content:   atomText{Type: "html", Body: absolutize(string(body), page)},
		}
		if n.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: n.Summary}
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, diag.Errorf("%s: %v", file, err)
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// absolutize makes every link and image address of rendered HTML absolute,
// resolved against page, the address of the page the HTML belongs to, for
// feed readers: root-relative ("/projet-social/actions/x/"), relative
// ("../x/", "#note") and percent-encoded addresses alike.
func absolutize(doc string, page *url.URL) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	var b strings.Builder
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(raw)
			if tt == html.ErrorToken {
				return b.String()
			}
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace == "" && (a.Key == "href" || a.Key == "src") {
				abs := page.String() // what an address that cannot be read becomes
				if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil {
					abs = page.ResolveReference(u).String()
				}
				tok.Attr[i].Val, changed = abs, true
			}
		}
		if changed {
			b.WriteString(tok.String())
		} else {
			b.Write(raw)
		}
	}
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap is sitemap.xml: every page, with the day it was last updated.
func (r *renderer) sitemap() ([]byte, error) {
	var set urlset
	updated := r.updatedByPath()
	for _, p := range r.pagePaths() {
		u := sitemapURL{Loc: r.abs(p)}
		if d, ok := updated[p]; ok {
			u.LastMod = d.String()
		}
		set.URLs = append(set.URLs, u)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	enc.Encode(set)
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// updatedByPath gives the path of each item's page that has a
// last-updated day (section 12.4) that day.
func (r *renderer) updatedByPath() map[string]content.Date {
	s := r.site
	out := map[string]content.Date{}
	at := func(item any, src content.Source) {
		if d, ok := s.Updated[src.File]; ok {
			out[r.pathOf(item)] = d
		}
	}
	for _, a := range s.Axes {
		at(a, a.Src)
	}
	for _, a := range s.Actions {
		at(a, a.Src)
	}
	for _, ind := range s.Indicators {
		at(ind, ind.Src)
	}
	for _, n := range s.News {
		at(n, n.Src)
	}
	for _, p := range s.Pages {
		at(p, p.Src)
	}
	return out
}

// FeedStatusChanges is how many status changes changes.xml holds, the
// newest; HomeStatusChanges how many the home page lists.
const (
	FeedStatusChanges = 50
	HomeStatusChanges = 5
)

// changesFeed writes changes.xml, an Atom 1.0 feed of the latest status
// changes of the actions (section 12.5), when the site shows its history.
// Its date is the newest change's.
func (r *renderer) changesFeed() error {
	s := r.site
	if !s.History {
		return nil
	}
	changes := cards(s.StatusChanges[:min(len(s.StatusChanges), FeedStatusChanges)], statusChangeCard)
	k := func() uint64 { return r.key(changes) }
	b, err := r.cached("changes.xml", k, func() ([]byte, error) { return r.changesAtom(changes) })
	if err != nil {
		return err
	}
	return r.add("changes.xml", b)
}

func (r *renderer) changesAtom(changes []*site.StatusChange) ([]byte, error) {
	cfg := r.site.Config
	author := cfg.Territory
	if author == "" {
		author = cfg.Title
	}
	f := atomFeed{
		Lang:  string(cfg.Language),
		Title: cfg.Title + " – " + r.loc.T("statusChanges"),
		ID:    r.abs("changes.xml"),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.abs("changes.xml")},
			{Rel: "alternate", Type: "text/html", Href: r.abs("")},
		},
		Updated: "2000-01-01T00:00:00Z",
		Author:  author,
	}
	if len(changes) > 0 {
		f.Updated = stamp(changes[0].Entry.Date)
	}
	for _, c := range changes {
		page := r.abs(r.pathOf(c.Action))
		what := r.loc.Change(c.Change)
		e := atomEntry{
			Title:     c.Action.Title + " – " + what,
			ID:        page + "#commit-" + c.Entry.Commit,
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: page + "#historique"},
			Published: stamp(c.Entry.Date),
			Updated:   stamp(c.Entry.Date),
			Content:   atomText{Type: "text", Body: what + "\n" + c.Entry.Subject},
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, diag.Errorf("changes.xml: %v", err)
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}
