package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"jalons/internal/build"
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
		return fmt.Errorf("cannot listen on %s: %w (is another jalons serve running? try -port)", cfg.Addr, err)
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
			s.rebuild(out, c.String())
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
	base := s.basePath
	s.mu.RUnlock()
	out.print(fmt.Sprintf("jalons: serving on http://%s%s (Ctrl+C to stop)\n", ln.Addr(), base), "")
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
			out.print("", fmt.Sprintln("jalons: watching:", err))
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

// String says what changed, for the line of a build.
func (c *changes) String() string {
	if !c.any() {
		return "" // the first build
	}
	if c.full {
		return "folders changed"
	}
	if len(c.paths) == 1 {
		for p := range c.paths {
			return p + " changed"
		}
	}
	return fmt.Sprintf("%d files changed", len(c.paths))
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

// rebuild builds and says how it went in one line, then the problems.
func (s *Server) rebuild(out *output, why string) {
	start := time.Now()
	res, err := s.Rebuild()
	took := time.Since(start).Round(time.Millisecond)
	prefix := "jalons: "
	if why != "" {
		prefix += why + ": "
	}
	if err != nil {
		problems := lines(err, "en")
		noun := "problems"
		if len(problems) == 1 {
			noun = "problem"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s%d %s in %v, still serving the last good build\n", prefix, len(problems), noun, took)
		for _, p := range problems {
			fmt.Fprintln(&b, p)
		}
		out.print("", b.String())
		return
	}
	out.print(fmt.Sprintf("%sbuilt %d pages in %v (%d rendered again)\n", prefix, res.Pages, took, s.opts.Cache.Render.Rendered()), "")
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
