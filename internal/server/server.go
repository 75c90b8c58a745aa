// Package server serves a site from memory while it is being written: it
// rebuilds on every change, reloads the open pages, and shows the problems
// of a failed build in every page while it keeps serving the last good
// build.
//
// Pages are served under the base path of config.toml's baseURL, as they
// will be once published. The reload script and the problem list are added
// to the pages only here, never by `jalons build`. The script is a file of
// its own (/__jalons/reload.js), fed by Server-Sent Events from
// /__jalons/events.
//
// A good build replaces the one served whole, in one step: a request is
// answered from one build, never from a mix of two.
//
// What the server refuses, since any web page the writer visits can make
// the browser send requests to it:
//
//   - A request whose Host header does not name this server gets a 403 (so
//     that a site whose name is made to point at 127.0.0.1, "DNS
//     rebinding", cannot read it). The Host may be localhost, a loopback
//     address (127.0.0.1, [::1]) or the address serve is bound to, with any
//     port or none. When bound to every address (0.0.0.0, ::), it may also
//     be any address of the machine's own network interfaces (a phone on
//     the local network opens http://192.168.1.10:1313/), but never another
//     name.
//   - A path is only ever a key of the built site, a map in memory:
//     nothing on disk is read for a request, and a path with "..", "\" or
//     NUL, encoded or not, is not found (404).
//   - Methods other than GET and HEAD get a 405.
//   - Live-reload streams are limited (Config.MaxReloadStreams, 1,000 by
//     default); beyond, /__jalons/events answers 503 with Retry-After, and
//     the reload script tries again later.
//
// Serve stops at once when its context ends (Ctrl+C): it closes the
// connections, the live-reload streams with them, and does not wait for a
// build in flight, whose result is dropped.
package server

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"jalons/internal/build"
	"jalons/internal/config"
	"jalons/internal/diag"
	"jalons/internal/render"
)

// Server holds the last good build and the problems of the last build.
type Server struct {
	opts   build.Options
	render func(build.Options) (*build.Result, error) // build.Render, but in tests
	bind   string                                     // the host serve listens on: see allowedHost

	mu       sync.RWMutex
	files    render.Files
	later    *lazyFiles // the pages but 404.html, the open data files, the search index and the sitemap, made when asked for
	basePath string
	lang     string   // of the last good build, or of config.toml before one
	problems []string // of the last build, in lang; nil when it was good

	clientsMu  sync.Mutex
	clients    map[chan struct{}]bool
	maxClients int
	closing    chan struct{} // closed when Serve stops
}

// maxReloadStreams is how many live-reload streams may be open by default.
const maxReloadStreams = 1000

// New returns a Server for the site opts describes; call Rebuild before
// serving.
func New(opts build.Options) *Server {
	opts.Cache = &build.Cache{}
	opts.Cache.Render.Gzip = true // see serveBytes
	return &Server{opts: opts, render: renderInMemory, bind: "127.0.0.1", basePath: "/", lang: "fr",
		clients: map[chan struct{}]bool{}, maxClients: maxReloadStreams, closing: make(chan struct{})}
}

// Rebuild builds the site in memory. A good build replaces the one served,
// at once and whole; a failed one leaves it and records its problems.
// Either way, open pages reload.
func (s *Server) Rebuild() (*build.Result, error) {
	opts := s.opts
	later := &lazyFiles{byPath: map[string]*lazyFile{}, items: map[string]*lazyFile{}}
	opts.Later = func(path string, make func() ([]byte, error)) { later.byPath[path] = &lazyFile{make: make} }
	opts.Items = func(_ int, find func(string) (func() ([]byte, error), bool)) { later.find = find }
	res, err := s.render(opts)
	lang := s.lang // only Rebuild writes it
	if err != nil && s.files == nil {
		lang = string(config.LanguageOf(os.DirFS(s.opts.Source))) // no good build yet
	}
	s.mu.Lock()
	if err != nil {
		s.lang = lang
		s.problems = lines(err, lang)
	} else {
		s.files, s.later = res.Files, later
		s.basePath = res.Site.Config.Base.Path
		s.lang = string(res.Site.Config.Language)
		s.problems = nil
	}
	s.mu.Unlock()
	s.notify()
	return res, err
}

// lazyFiles are the files a build left to make when they are asked for:
// by path (render.Options.Later), and the pages of the items, found by
// find (render.Options.Items).
type lazyFiles struct {
	byPath map[string]*lazyFile
	find   func(file string) (func() ([]byte, error), bool)
	mu     sync.Mutex
	items  map[string]*lazyFile // the pages of items found so far
}

// file is the lazy file name, or false.
func (l *lazyFiles) file(name string) (*lazyFile, bool) {
	if l == nil {
		return nil, false
	}
	if f, ok := l.byPath[name]; ok {
		return f, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.items[name]; ok {
		return f, true
	}
	if l.find == nil {
		return nil, false
	}
	make, ok := l.find(name)
	if !ok {
		return nil, false
	}
	f := &lazyFile{make: make}
	l.items[name] = f
	return f, true
}

// lazyFile is a file that a build left to make when it is asked for
// (see render.Options.Later), made once.
type lazyFile struct {
	once sync.Once
	make func() ([]byte, error)
	b    []byte
	err  error
}

func (f *lazyFile) bytes() ([]byte, error) {
	f.once.Do(func() { f.b, f.err = f.make() })
	return f.b, f.err
}

// lines is the problems of a failed build, one a line, in lang ("fr" or
// "en") when diag made them.
func lines(err error, lang string) []string {
	if l, ok := err.(diag.List); ok {
		return l.Text(lang)
	}
	return []string{diag.Text(err, lang)}
}

// notify tells every open page to reload.
func (s *Server) notify() {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending for this page
		}
	}
}

// ServeHTTP serves the site, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		msg := "jalons serve: unknown host %q (open the site at localhost or at this machine's address)"
		if lang == "fr" {
			msg = "jalons serve : hôte inconnu %q (ouvrez le site à l'adresse localhost ou à celle de cette machine)"
		}
		http.Error(w, fmt.Sprintf(msg, r.Host), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "jalons serve: only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/__jalons/events":
		s.events(w, r)
		return
	case "/__jalons/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(reloadJS))
		return
	}
	s.mu.RLock()
	files, later, base, problems, lang := s.files, s.later, s.basePath, s.problems, s.lang
	s.mu.RUnlock()

	p := r.URL.Path
	if !strings.HasPrefix(p, base) {
		if p == "/" || p+"/" == base {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.serveFile(w, files, "404.html", http.StatusNotFound, problems, lang)
		return
	}
	name := strings.TrimPrefix(p, base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if f, ok := later.file(name); ok {
		b, err := f.bytes()
		if err != nil {
			http.Error(w, "jalons serve: "+diag.Text(err, lang), http.StatusInternalServerError)
			return
		}
		s.serveBytes(w, name, b, http.StatusOK, problems, lang)
		return
	}
	if _, ok := files[name]; !ok {
		_, dir := files[name+"/index.html"]
		if _, lazy := later.file(name + "/index.html"); dir || lazy {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		s.serveFile(w, files, "404.html", http.StatusNotFound, problems, lang)
		return
	}
	s.serveFile(w, files, name, http.StatusOK, problems, lang)
}

func (s *Server) serveFile(w http.ResponseWriter, files render.Files, name string, status int, problems []string, lang string) {
	b, ok := files[name]
	if !ok { // no good build yet
		b, name = []byte("<!DOCTYPE html><html><head><title>Jalons</title></head><body></body></html>"), "index.html"
	}
	s.serveBytes(w, name, b, status, problems, lang)
}

func (s *Server) serveBytes(w http.ResponseWriter, name string, b []byte, status int, problems []string, lang string) {
	b, err := render.Plain(name, b)
	if err != nil {
		http.Error(w, "jalons serve: "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		b = inject(b, problems, lang)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// inject adds the reload script before </head> and, after a failed build,
// the list of its problems at the top of the body.
func inject(page []byte, problems []string, lang string) []byte {
	script := []byte(`<script src="/__jalons/reload.js" defer></script>` + "\n")
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		page = append(page[:i:i], append(script, page[i:]...)...)
	}
	if len(problems) == 0 {
		return page
	}
	var b strings.Builder
	title := "The last change has problems: the site shown is the last good build."
	if lang == "fr" {
		title = "La dernière modification comporte des erreurs : le site affiché est la dernière version correcte."
	}
	fmt.Fprintf(&b, `<div id="jalons-problems" role="alert" class="jalons-problems"><p><strong>%s</strong></p><ul>`, html.EscapeString(title))
	for _, p := range problems {
		fmt.Fprintf(&b, "<li><code>%s</code></li>", html.EscapeString(p))
	}
	b.WriteString("</ul></div>\n")
	if i := afterBodyTag(page); i >= 0 {
		page = append(page[:i:i], append([]byte("\n"+b.String()), page[i:]...)...)
	}
	return page
}

// afterBodyTag is the index just after the page's <body …> start tag,
// whatever its attributes, or -1.
func afterBodyTag(page []byte) int {
	lower := bytes.ToLower(page)
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("<body"))
		if i < 0 {
			return -1
		}
		i += from + len("<body")
		if i < len(page) && (page[i] == '>' || page[i] == '/' || isSpace(page[i])) {
			var quote byte
			for ; i < len(page); i++ {
				switch c := page[i]; {
				case quote != 0:
					if c == quote {
						quote = 0
					}
				case c == '"' || c == '\'':
					quote = c
				case c == '>':
					return i + 1
				}
			}
			return -1
		}
		from = i
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// events streams a "reload" event to a page after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan struct{}, 1)
	s.clientsMu.Lock()
	if len(s.clients) >= s.maxClients {
		s.clientsMu.Unlock()
		w.Header().Set("Retry-After", "10")
		http.Error(w, "jalons serve: too many pages open", http.StatusServiceUnavailable)
		return
	}
	s.clients[c] = true
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()
	rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprint(w, ": jalons\n\n")
	rc.Flush()
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-c:
			rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if _, err := fmt.Fprint(w, "event: reload\ndata: reload\n\n"); err != nil {
				return
			}
			rc.Flush()
		case <-ping.C:
			rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			rc.Flush()
		}
	}
}

// allowedHost tells whether a request's Host header names this server, as
// the package doc says.
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || host != "" && host == strings.ToLower(s.bind) {
		return true
	}
	ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	if err != nil || ip.Zone() != "" {
		return false
	}
	ip = ip.Unmap()
	bind, err := netip.ParseAddr(s.bind)
	switch {
	case ip.IsLoopback() || err == nil && ip == bind.Unmap():
		return true
	case s.bind == "" || err == nil && bind.IsUnspecified():
		return isInterfaceAddr(ip)
	}
	return false
}

// isInterfaceAddr tells whether ip is an address of one of the machine's
// network interfaces. They are listed anew each time, as they come and go
// (a laptop joins another network); only a request to a numeric address
// other than the loopback pays for it.
func isInterfaceAddr(ip netip.Addr) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if own, ok := netip.AddrFromSlice(n.IP); ok && own.Unmap() == ip {
				return true
			}
		}
	}
	return false
}

// reloadJS reloads the page after every build. An EventSource that the
// server refused (503: too many open pages) does not try again by itself:
// the script does, later.
const reloadJS = `// Reloads the page after every build of jalons serve.
(function () {
  function listen() {
    var source = new EventSource('/__jalons/events');
    source.addEventListener('reload', function () { location.reload(); });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { setTimeout(listen, 10000); }
    };
  }
  listen();
})();
`

// renderInMemory is build.Render to the end: a build in flight when serve
// stops is dropped by the caller, not cut off.
func renderInMemory(opts build.Options) (*build.Result, error) {
	return build.Render(context.Background(), opts)
}
