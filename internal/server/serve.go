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
	"time"

	"jalons/internal/build"
	"jalons/internal/watch"
)

// Config says what to serve and where.
type Config struct {
	Build build.Options
	Addr  string        // host:port to listen on
	Poll  time.Duration // when positive, poll for changes instead of fsnotify
	// Ready, when set, is called with the address listened on, once the
	// first build is served.
	Ready func(addr string)
}

// Serve builds the site, serves it, and rebuilds it on every change under
// its folder until ctx ends. It prints one line per build.
func Serve(ctx context.Context, cfg Config, stdout, stderr io.Writer) error {
	s := New(cfg.Build)
	closing := make(chan struct{})
	s.closing = closing

	w, err := watch.New(cfg.Build.Source, watch.Options{Poll: cfg.Poll, Skip: skipOutput(cfg.Build)})
	if err != nil {
		return err
	}
	defer w.Close()

	s.rebuild(stdout, stderr, "")

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another jalons serve running? try -port)", cfg.Addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(func() { close(closing) })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.mu.RLock()
	base := s.basePath
	s.mu.RUnlock()
	fmt.Fprintf(stdout, "jalons: serving on http://%s%s (Ctrl+C to stop)\n", ln.Addr(), base)
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr().String())
	}

	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			srv.Shutdown(shut)
			return nil
		case err := <-served:
			if !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		case b := <-w.Events():
			what := fmt.Sprintf("%d files changed", len(b.Paths))
			if len(b.Paths) == 1 {
				what = b.Paths[0] + " changed"
			}
			if b.Full {
				what = "folders changed"
			}
			s.rebuild(stdout, stderr, what)
		case err := <-w.Errors():
			fmt.Fprintln(stderr, "jalons: watching:", err)
		}
	}
}

// rebuild builds and says how it went in one line, then the problems.
func (s *Server) rebuild(stdout, stderr io.Writer, why string) {
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
		fmt.Fprintf(stderr, "%s%d %s in %v, still serving the last good build\n", prefix, len(problems), noun, took)
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		return
	}
	fmt.Fprintf(stdout, "%sbuilt %d pages in %v (%d rendered again)\n", prefix, res.Pages, took, s.opts.Cache.Render.Rendered())
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
