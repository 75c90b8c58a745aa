package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"jalons/internal/content"
	"jalons/internal/slug"
)

// The search index is what js/search.js loads when someone starts a
// search. data/search.json holds every document and its title's terms,
// one line of JSON:
//
//	{"paths":["actions/","indicateurs/","actualites/",""],
//	 "docs":[[kind,"slug","Title","Summary","title terms"],…]}
//
// where kind indexes paths (action, indicator, news item, free page).
// The other terms of the documents are split by their first character,
// one part per letter or digit c, data/search/<c>.json:
//
//	{"docs":[[doc,"other terms"],…]}
//
// where doc indexes the documents of search.json, for each document with
// terms that start with c: a query loads the parts of its words' first
// characters only (at 10,000 actions, a few hundred kilobytes gzipped
// where the whole index is over a megabyte and a half).
//
// Terms are words folded as slugs are (lowercase ASCII, accents dropped:
// "Épicerie" → "epicerie"), each once, separated by spaces, of two
// characters or more; the other terms are those of the summary, the text
// and, for an action, its lead, partners, territories and audience, less
// the title's, MaxSearchTerms at most. The script folds the query the
// same way and matches each of its words as a prefix.
func (r *renderer) searchIndex() (map[string][]byte, error) {
	s := r.site
	type doc = [5]any
	var docs []doc
	used := map[string]bool{}             // with a cache, the keys of the terms used
	var parts [len(searchParts)][]byte    // each the items of its "docs", as JSON
	var words [len(searchParts)][]byte    // a document's terms, by part
	var titleTerms, otherTerms orderedSet // a document's, made again for each
	// Every text of a document comes from its file: with a cache, the
	// terms of a file that did not change are not folded again.
	add := func(kind int, src content.Source, slug, title, summary string, text ...string) {
		var k string
		var tt [2]string
		cached := false
		if r.cache != nil {
			k = fmt.Sprintf("%d\x00%s\x00%d", kind, src.File, src.Hash)
			tt, cached = r.cache.terms(k)
			used[k] = true
		}
		if !cached {
			titleTerms.gather(nil, title)
			otherTerms.gather(&titleTerms, append([]string{summary}, text...)...)
			tt = [2]string{strings.Join(titleTerms.list, " "), strings.Join(otherTerms.list, " ")}
			r.cache.keepTerms(k, tt)
		}
		// Terms are [0-9a-z]+: written in JSON as they are.
		for w := range strings.FieldsSeq(tt[1]) {
			i := strings.IndexByte(searchParts, w[0])
			if len(words[i]) > 0 {
				words[i] = append(words[i], ' ')
			}
			words[i] = append(words[i], w...)
		}
		for i, ws := range words {
			if len(ws) == 0 {
				continue
			}
			if len(parts[i]) > 0 {
				parts[i] = append(parts[i], ',')
			}
			parts[i] = append(parts[i], '[')
			parts[i] = strconv.AppendInt(parts[i], int64(len(docs)), 10)
			parts[i] = append(parts[i], ",\""...)
			parts[i] = append(append(parts[i], ws...), "\"]"...)
			words[i] = ws[:0]
		}
		docs = append(docs, doc{kind, slug, title, summary, tt[0]})
	}
	for _, a := range s.Actions {
		text := []string{a.Lead, a.Src.Body}
		text = append(text, a.Partners...)
		text = append(text, a.Territories...)
		text = append(text, a.Audience...)
		add(0, a.Src, a.Slug, a.Title, a.Summary, text...)
	}
	for _, ind := range s.Indicators {
		add(1, ind.Src, ind.Slug, ind.Title, "", ind.Description, ind.Unit, ind.Source)
	}
	for _, n := range s.News {
		add(2, n.Src, n.Slug, n.Title, n.Summary, n.Src.Body)
	}
	for _, p := range s.Pages {
		add(3, p.Src, p.Slug, p.Title, p.Summary, p.Src.Body)
	}
	if docs == nil {
		docs = []doc{}
	}
	r.cache.keepOnlyTerms(used)
	files := map[string][]byte{}
	b, err := json.Marshal(struct {
		Paths []string `json:"paths"`
		Docs  []doc    `json:"docs"`
	}{[]string{r.section("actions"), r.section("indicators"), r.section("news"), ""}, docs})
	if err != nil {
		return nil, err
	}
	files["data/search.json"] = append(b, '\n')
	for i, part := range parts {
		b := append([]byte(`{"docs":[`), part...)
		files[searchPart(i)] = append(b, "]}\n"...)
	}
	return files, nil
}

// searchParts are the first characters of folded terms, one part of the
// search index each.
const searchParts = "0123456789abcdefghijklmnopqrstuvwxyz"

// searchPart is the path of the i-th part of the search index.
func searchPart(i int) string { return "data/search/" + searchParts[i:i+1] + ".json" }

// searchPartNames are the paths of every part of the search index.
func searchPartNames() []string {
	var out []string
	for i := range len(searchParts) {
		out = append(out, searchPart(i))
	}
	return out
}

// MaxSearchTerms is how many terms of its text a document of the search
// index keeps, besides its title's: a long page is found by its first
// words.
const MaxSearchTerms = 1000

// orderedSet is a set of terms that keeps their order.
type orderedSet struct {
	seen map[string]bool
	list []string
}

// gather makes o the folded words of texts that are not in skip, each
// once, MaxSearchTerms at most.
func (o *orderedSet) gather(skip *orderedSet, texts ...string) {
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	clear(o.seen)
	o.list = o.list[:0]
	for _, t := range texts {
		for w := range strings.SplitSeq(slug.Make(t), "-") {
			if len(w) < 2 || o.seen[w] || skip != nil && skip.seen[w] {
				continue
			}
			if len(o.list) == MaxSearchTerms {
				return
			}
			o.seen[w] = true
			o.list = append(o.list, w)
		}
	}
}
