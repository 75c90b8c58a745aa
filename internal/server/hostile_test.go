package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jalons/internal/build"
	"jalons/internal/sitetest"
)

func TestAllowedHost(t *testing.T) {
	type test struct {
		bind, host string
		want       bool
	}
	tests := []test{
		{"127.0.0.1", "localhost", true},
		{"127.0.0.1", "localhost:1313", true},
		{"127.0.0.1", "LocalHost:1313", true},
		{"127.0.0.1", "localhost.:1313", true},
		{"127.0.0.1", "127.0.0.1", true},
		{"127.0.0.1", "127.0.0.1:1313", true},
		{"127.0.0.1", "127.0.0.1:8080", true}, // a forwarded port
		{"127.0.0.1", "[::1]", true},
		{"127.0.0.1", "[::1]:1313", true},
		{"127.0.0.1", "[::ffff:127.0.0.1]:1313", true},
		{"127.0.0.1", "evil.example", false},
		{"127.0.0.1", "evil.example:1313", false},
		{"127.0.0.1", "localhost.evil.example:1313", false},
		{"127.0.0.1", "sub.localhost:1313", false},
		{"127.0.0.1", "127.0.0.1.nip.io:1313", false},
		{"127.0.0.1", "", false},
		{"127.0.0.1", "[fe80::1%25eth0]:1313", false},
		{"127.0.0.1", "203.0.113.7:1313", false}, // not this machine
		{"192.0.2.10", "192.0.2.10:1313", true},
		{"192.0.2.10", "192.0.2.10", true},
		{"192.0.2.10", "localhost:1313", true},
		{"192.0.2.10", "192.0.2.11:1313", false},
		{"192.0.2.10", "evil.example:1313", false},
		{"::1", "[::1]:1313", true},
		{"::1", "evil.example:1313", false},
		{"localhost", "localhost:1313", true},
		{"jalons.lan", "JALONS.lan:1313", true},
		{"jalons.lan", "evil.example:1313", false},
		{"0.0.0.0", "localhost:1313", true},
		{"0.0.0.0", "127.0.0.1:1313", true},
		{"0.0.0.0", "[::1]:1313", true},
		{"0.0.0.0", "203.0.113.7:1313", false},
		{"0.0.0.0", "evil.example:1313", false},
		{"0.0.0.0", "0.0.0.0:1313", true}, // as serve prints it
		{"::", "[::]:1313", true},
		{"::", "localhost:1313", true},
		{"::", "203.0.113.7:1313", false},
		{"::", "evil.example:1313", false},
		{"", "localhost:1313", true},
		{"", "203.0.113.7:1313", false},
		{"", "evil.example:1313", false},
		{"", "", false},
		{"", ":1313", false},
	}
	// An address of this machine other than the loopback, when it has one,
	// is accepted when bound to every address and only then.
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			own := n.IP.String()
			tests = append(tests, test{"0.0.0.0", own + ":1313", true}, test{"", own, true},
				test{"::", own + ":1313", true}, test{"127.0.0.1", own + ":1313", false})
			break
		}
	}
	for _, tt := range tests {
		t.Run(tt.bind+" "+tt.host, func(t *testing.T) {
			s := New(build.Options{})
			s.bind = tt.bind
			if got := s.allowedHost(tt.host); got != tt.want {
				t.Errorf("allowedHost(%q) bound to %q = %v; want %v", tt.host, tt.bind, got, tt.want)
			}
		})
	}
}

// serve runs Serve with cfg on 127.0.0.1 and returns its address
// (host:port); cancelling ctx stops it.
func serve(t *testing.T, ctx context.Context, cfg Config) (addr string, done <-chan error) {
	t.Helper()
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	cfg.Addr = "127.0.0.1:0"
	cfg.Ready = func(addr string) { ready <- addr }
	go func() { errc <- Serve(ctx, cfg, io.Discard, io.Discard) }()
	select {
	case addr := <-ready:
		return addr, errc
	case err := <-errc:
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not start")
	}
	return "", nil
}

// TestHostRefused asks a real server for a page under several Host headers.
func TestHostRefused(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			text := site
			want := "jalons serve\u00a0: hôte inconnu \"evil.example:1313\" (ouvrez le site à l'adresse localhost ou à celle de cette machine)\n"
			if lang == "en" {
				text = strings.Replace(site, `title = "Projet social"`, "title = \"Projet social\"\nlanguage = \"en\"", 1)
				want = "jalons serve: unknown host \"evil.example:1313\" (open the site at localhost or at this machine's address)\n"
			}
			addr := start(t, sitetest.Dir(t, text))
			_, port, _ := net.SplitHostPort(strings.TrimPrefix(addr, "http://"))
			tests := []struct {
				host   string
				status int
				body   string
			}{
				{"evil.example:1313", http.StatusForbidden, want},
				{"localhost:" + port, http.StatusOK, "</html>"},
				{"localhost", http.StatusOK, "</html>"},
				{"127.0.0.1:" + port, http.StatusOK, "</html>"},
				{"[::1]:" + port, http.StatusOK, "</html>"},
			}
			for _, tt := range tests {
				for _, p := range []string{"/projet-social/", "/__jalons/reload.js"} {
					req, _ := http.NewRequest("GET", addr+p, nil)
					req.Host = tt.host
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if p == "/__jalons/reload.js" && tt.status == http.StatusOK {
						tt.body = "EventSource"
					}
					if resp.StatusCode != tt.status || tt.status == http.StatusForbidden && string(b) != tt.body || !strings.Contains(string(b), tt.body) {
						t.Errorf("GET %s with Host %q = %d %q; want %d %q", p, tt.host, resp.StatusCode, b, tt.status, tt.body)
					}
				}
			}
			// The event stream is refused too.
			req, _ := http.NewRequest("GET", addr+"/__jalons/events", nil)
			req.Host = "evil.example"
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("GET /__jalons/events with Host evil.example = %d; want 403", resp.StatusCode)
			}
		})
	}
}

// TestPathsStayInSite asks a real server for paths that try to leave the
// site: none returns a file of the disk.
func TestPathsStayInSite(t *testing.T) {
	const secret = "SECRET-OUTSIDE-THE-SITE"
	text := strings.Replace(site, "-- config.toml --\n", "-- config.toml --\n# SECRET-IN-CONFIG\n", 1)
	text = strings.Replace(text, "status = \"in_progress\"\n", "status = \"in_progress\"\n# SECRET-IN-SOURCE\n", 1)
	dir := sitetest.Dir(t, text)
	if err := os.WriteFile(filepath.Join(dir, "..", "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := start(t, dir)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	const notFound = "Page introuvable"
	tests := []struct {
		path   string // sent as is
		status int
		body   string // contained in the answer
	}{
		{"/..%2f..%2fetc/passwd", 404, notFound},
		{"/projet-social/..%2f..%2f..%2f..%2fetc/passwd", 404, notFound},
		{"/projet-social/..%2fsecret.txt", 404, notFound},
		{"/projet-social/..%2f..%2fsecret.txt", 404, notFound},
		{"/projet-social/../config.toml", 404, notFound},
		{"/projet-social/%2e%2e/config.toml", 404, notFound},
		{"/projet-social/%2e%2e/%2e%2e/secret.txt", 404, notFound},
		{"/projet-social/%2E%2E%2Fconfig.toml", 404, notFound},
		{"/projet-social/%252e%252e/config.toml", 404, notFound},
		{"/%2e%2e/", 404, notFound},
		{"/projet-social/%2e%2e/", 404, notFound},
		{"/projet-social/actions/x/../../../config.toml", 404, notFound},
		{"/projet-social/actions/x/%2e%2e/%2e%2e/content/actions/x.md", 404, notFound},
		{`/..\..\`, 404, notFound},
		{`/projet-social/..\..\secret.txt`, 404, notFound},
		{`/projet-social/..%5c..%5csecret.txt`, 404, notFound},
		{"/projet-social/config.toml", 404, notFound},
		{"/projet-social/content/actions/x.md", 404, notFound},
		{"/projet-social/static.txt", 404, notFound},
		{"/projet-social/%00", 404, notFound},
		{"/projet-social/index.html%00", 404, notFound},
		{"/projet-social/index.html%00.md", 404, notFound},
		{"/projet-social/..%00/config.toml", 404, notFound},
		{"/%2F%2Fetc/passwd", 404, notFound},
		{"/projet-social//etc/passwd", 404, notFound},
		{"/projet-social/" + strings.Repeat("a/", 40000), 404, notFound},
		{"/projet-social/" + strings.Repeat("..%2f", 20000) + "etc/passwd", 404, notFound},
		{"/" + strings.Repeat("../", 400000), 431, ""}, // over the 1 MB of headers
		{"/projet-social/actions/x", 301, ""},          // the one redirect
	}
	for _, tt := range tests {
		name := tt.path
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		t.Run(name, func(t *testing.T) {
			u, _ := url.Parse(addr)
			u.Opaque = tt.path
			resp, err := client.Do(&http.Request{Method: "GET", URL: u, Header: http.Header{}})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body := string(b)
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.body) {
				t.Errorf("GET %s = %d; want %d with %q", name, resp.StatusCode, tt.status, tt.body)
			}
			for _, leak := range []string{secret, "SECRET-IN-CONFIG", "SECRET-IN-SOURCE", "root:x:0:0"} {
				if strings.Contains(body, leak) {
					t.Errorf("GET %s shows %s:\n%s", name, leak, body)
				}
			}
			if loc := resp.Header.Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/projet-social/") || strings.Contains(loc, "..")) {
				t.Errorf("GET %s redirects to %q, out of the site", name, loc)
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	addr := start(t, sitetest.Dir(t, site))
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
		req, _ := http.NewRequest(m, addr+"/projet-social/", strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s = %d, Allow %q; want 405, Allow \"GET, HEAD\"", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

// stream opens a live-reload stream and waits for its first line, after
// which the server counts it.
func stream(t *testing.T, client *http.Client, addr string) (*http.Response, *bufio.Reader) {
	t.Helper()
	resp, err := client.Get(addr + "/__jalons/events")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		t.Fatalf("GET /__jalons/events = %d; want 200", resp.StatusCode)
	}
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); line != ": jalons\n" {
		t.Fatalf("first line of the stream = %q, %v; want %q", line, err, ": jalons\n")
	}
	return resp, r
}

func TestReloadStreamLimit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, _ := serve(t, ctx, Config{Build: build.Options{Source: sitetest.Dir(t, site)}, MaxReloadStreams: 3})
	addr = "http://" + addr
	client := &http.Client{Transport: &http.Transport{}}
	var open []*http.Response
	for range 3 {
		resp, _ := stream(t, client, addr)
		open = append(open, resp)
	}
	defer func() {
		for _, r := range open {
			r.Body.Close()
		}
	}()

	resp, err := client.Get(addr + "/__jalons/events")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "10" || string(b) != "jalons serve: too many pages open\n" {
		t.Errorf("fourth stream = %d, Retry-After %q, %q; want 503, 10, %q", resp.StatusCode, resp.Header.Get("Retry-After"), b, "jalons serve: too many pages open\n")
	}
	// Pages are still served.
	if status, _, _ := get(t, addr+"/projet-social/"); status != http.StatusOK {
		t.Errorf("a page while the streams are full = %d; want 200", status)
	}

	// Once a page closes, another may listen.
	open[0].Body.Close()
	open = open[1:]
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		resp, err := client.Get(addr + "/__jalons/events")
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == http.StatusOK {
			open = append(open, resp)
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("a stream closed is still counted")
		}
	}
}

// TestStopAtOnce cancels Serve while pages listen for reloads and a build
// is in flight, one that never ends: Serve returns all the same, and the
// streams end.
func TestStopAtOnce(t *testing.T) {
	dir := sitetest.Dir(t, site)
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	calls := 0
	render := func(opts build.Options) (*build.Result, error) {
		calls++ // builds run one at a time
		if calls > 1 {
			close(started)
			<-release
		}
		return build.Render(context.Background(), opts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, done := serve(t, ctx, Config{Build: build.Options{Source: dir}, render: render})
	addr = "http://" + addr

	client := &http.Client{Transport: &http.Transport{}}
	var streams []*bufio.Reader
	for range 5 {
		resp, r := stream(t, client, addr)
		defer resp.Body.Close()
		streams = append(streams, r)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/actions/x.md"), []byte("+++\ntitle = \"Action X\"\naxis = \"a\"\nstatus = \"done\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("the edit started no build")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v; want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel while a build was in flight")
	}
	for i, r := range streams {
		ended := make(chan error, 1)
		go func() {
			_, err := io.ReadAll(r)
			ended <- err
		}()
		select {
		case <-ended:
		case <-time.After(10 * time.Second):
			t.Fatalf("stream %d still open after Serve returned", i)
		}
	}
	if _, err := client.Get(addr + "/projet-social/"); err == nil {
		t.Error("the server still answers after Serve returned")
	}
}
