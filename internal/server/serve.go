package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"jalons/internal/build"
	"jalons/internal/diag"
	"jalons/internal/watch"
)

// Config says what to serve and where.
type Config struct {
	Build build.Options
	Addr  string        // host:port to listen on
	Poll  time.Duration // when positive, poll for changes instead of fsnotify
	// MaxReloadStreams is how many live-reload streams may be open at
	// once; 0 means 1,000.
	MaxReloadStreams int
	// Ready, when set, is called with the address listened on, once the
	// first build is served.
	Ready func(addr string)

	render func(build.Options) (*build.Result, error) // build.Render when nil; tests set it
}

// Serve builds the site, serves it, and rebuilds it on every change under
// its folder until ctx ends. It prints one line per build.
//
// Builds run one at a time beside the loop that waits for changes, so
// that Serve can stop without waiting for one: changes that come during a
// build make one more build after it.
func Serve(ctx context.Context, cfg Config, stdout, stderr io.Writer) error {
	s := New(cfg.Build)
	if cfg.render != nil {
		s.render = cfg.render
	}
	if cfg.MaxReloadStreams > 0 {
		s.maxClients = cfg.MaxReloadStreams
	}
	if host, _, err := net.SplitHostPort(cfg.Addr); err == nil {
		s.bind = host
	}

	w, err := watch.New(cfg.Build.Source, watch.Options{Poll: cfg.Poll, Skip: skipOutput(cfg.Build)})
	if err != nil {
		return err
	}
	defer w.Close()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return diag.Errorf("cannot listen on %s: %v (is another jalons serve running? try -port)", cfg.Addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	defer ln.Close()  // before srv serves it
	defer srv.Close() // every connection, the reload streams with them

	out := &output{stdout: stdout, stderr: stderr}
	defer out.stop()
	built := make(chan struct{}, 1) // one build at most is in flight
	// The watcher runs from before the first build: the cache is told
	// every change, before the build that follows it.
	s.opts.Cache.Watch()
	rebuild := func(c changes) {
		s.opts.Cache.Changed(c.list(), c.full)
		go func() {
			s.rebuild(out, c.why())
			built <- struct{}{}
		}()
	}

	rebuild(changes{})
	select {
	case <-ctx.Done():
		return nil
	case <-built:
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.mu.RLock()
	base, lang := s.basePath, s.lang
	s.mu.RUnlock()
	out.print(line(lang, diag.Errorf("serving on http://%s%s (Ctrl+C to stop)", ln.Addr(), base)), "")
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr().String())
	}

	building := false
	var next changes // what changed since the build in flight started
	for {
		select {
		case <-ctx.Done():
			close(s.closing)
			return nil
		case err := <-served:
			if !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		case <-built:
			building = false
			if next.any() {
				rebuild(next)
				building, next = true, changes{}
			}
		case b := <-w.Events():
			next.add(b)
			if !building {
				rebuild(next)
				building, next = true, changes{}
			}
		case err := <-w.Errors():
			s.mu.RLock()
			lang := s.lang
			s.mu.RUnlock()
			out.print("", line(lang, diag.Errorf("watching: %v", err)))
		}
	}
}

// changes gathers the batches of the watcher.
type changes struct {
	paths map[string]bool
	full  bool
}

func (c *changes) add(b watch.Batch) {
	if c.paths == nil {
		c.paths = map[string]bool{}
	}
	for _, p := range b.Paths {
		c.paths[p] = true
	}
	c.full = c.full || b.Full
}

func (c *changes) any() bool { return c.full || len(c.paths) > 0 }

func (c *changes) list() []string {
	var out []string
	for p := range c.paths {
		out = append(out, p)
	}
	return out
}

// why says what changed, for the line of a build; nil for the first.
func (c *changes) why() *diag.Msg {
	if !c.any() {
		return nil
	}
	if c.full {
		return diag.Errorf("folders changed")
	}
	if len(c.paths) == 1 {
		for p := range c.paths {
			return diag.Errorf("%s changed", p)
		}
	}
	return diag.Errorf("%d files changed", len(c.paths))
}

// output prints the lines of Serve, one build's at a time, and nothing
// once Serve has returned: a build it did not wait for may end later.
type output struct {
	mu             sync.Mutex
	stdout, stderr io.Writer
	stopped        bool
}

func (o *output) print(stdout, stderr string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.stopped {
		return
	}
	io.WriteString(o.stdout, stdout)
	io.WriteString(o.stderr, stderr)
}

func (o *output) stop() {
	o.mu.Lock()
	o.stopped = true
	o.mu.Unlock()
}

// rebuild builds and says how it went in one line, then the problems,
// in the site's language; why, when not nil, says what changed.
func (s *Server) rebuild(out *output, why *diag.Msg) {
	start := time.Now()
	res, err := s.Rebuild()
	took := time.Since(start).Round(time.Millisecond)
	s.mu.RLock()
	lang, problems := s.lang, s.problems
	s.mu.RUnlock()
	said := func(m *diag.Msg) string {
		if why != nil {
			m = diag.Errorf("%s: %s", why, m)
		}
		return line(lang, m)
	}
	if err != nil {
		m := diag.Errorf("%d problems in %v, still serving the last good build", len(problems), took)
		if len(problems) == 1 {
			m = diag.Errorf("1 problem in %v, still serving the last good build", took)
		}
		out.print("", said(m)+strings.Join(problems, "\n")+"\n")
		return
	}
	out.print(said(diag.Errorf("%d pages ready in %v (each is made when a browser asks for it)", res.Pages, took)), "")
}

// line is a line of the console: "jalons: " and m in lang.
func line(lang string, m *diag.Msg) string {
	return "jalons: " + m.Text(lang) + "\n"
}

// skipOutput leaves out of the watch the output folder of jalons build,
// which serve does not use.
func skipOutput(opts build.Options) func(string) bool {
	out := "public"
	if opts.Destination != "" {
		if rel, err := filepath.Rel(opts.Source, opts.Destination); err == nil && filepath.IsLocal(rel) {
			out = filepath.ToSlash(rel)
		}
	}
	return func(rel string) bool { return rel == out || strings.HasPrefix(rel, out+"/") }
}
