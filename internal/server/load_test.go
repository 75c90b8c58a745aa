package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jalons/internal/build"
	"jalons/internal/sitetest"
)

// Figures of TestServeUnderLoad.
const (
	loadRequests = 10000 // page requests at least, made while the site is edited
	loadReaders  = 32    // goroutines making them
	loadStreams  = 500   // live-reload streams held open
	loadEdits    = 100   // edits of the site, each waited for
)

// version finds the axis's title in a page: every edit numbers it anew,
// and it shows on the home page, the axis page, the action page and in
// site.json.
var version = regexp.MustCompile(`Axe A version (\d+)`)

// TestServeUnderLoad reads pages from many goroutines while hundreds of
// pages listen for reloads and the site is edited again and again. Every
// answer is a whole page; no reader ever sees an older version after a
// newer one (which a site replaced file by file would show: a home page of
// the new build, then an axis page of the old); every stream gets the
// reload of every edit; memory does not grow.
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about half a minute")
	}
	var text strings.Builder
	text.WriteString(strings.Replace(site, `title = "Axe A"`, `title = "Axe A version 0"`, 1))
	for i := range 20 {
		fmt.Fprintf(&text, "-- content/actions/y%d.md --\n+++\ntitle = \"Action Y%d\"\naxis = \"a\"\nstatus = \"planned\"\n+++\nTexte %d.\n", i, i, i)
	}
	dir := sitetest.Dir(t, text.String())
	tmp := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	addr, done := serve(t, ctx, Config{Build: build.Options{Source: dir}})
	stop := sync.OnceValue(func() error {
		cancel()
		return <-done
	})
	defer stop()
	base := "http://" + addr + "/projet-social/"
	heapBare := heapInuse()
	began := time.Now()

	// The streams, each counting its reloads.
	reloads := make([]atomic.Int64, loadStreams)
	streams := &http.Client{Transport: &http.Transport{}}
	var listening sync.WaitGroup
	for i := range reloads {
		resp, r := stream(t, streams, "http://"+addr)
		defer resp.Body.Close()
		listening.Add(1)
		go func() {
			defer listening.Done()
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if line == "event: reload\n" {
					reloads[i].Add(1)
				}
			}
		}()
	}

	heapStart := heapInuse() // with the streams open

	// The readers.
	var (
		requests, failures atomic.Int64
		editing            atomic.Bool
	)
	editing.Store(true)
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 5 {
			t.Errorf(format, args...)
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadReaders}, Timeout: time.Minute}
	paths := []string{"", "axes/a/", "actions/x/", "data/site.json"}
	var reading sync.WaitGroup
	for g := range loadReaders {
		reading.Add(1)
		go func() {
			defer reading.Done()
			seen := 0 // the newest version this reader has seen
			for i := g; editing.Load() || requests.Load() < loadRequests; i++ {
				requests.Add(1)
				p := paths[i%len(paths)]
				resp, err := client.Get(base + p)
				if err != nil {
					fail("GET /%s: %v", p, err)
					continue
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				page := string(b)
				whole := strings.HasSuffix(strings.TrimSpace(page), "</html>")
				if p == "data/site.json" {
					whole = json.Valid(b)
				}
				if err != nil || resp.StatusCode != http.StatusOK || !whole {
					fail("GET /%s = %d, %v, and not a whole page:\n%s", p, resp.StatusCode, err, page)
					continue
				}
				v := -1
				for _, m := range version.FindAllStringSubmatch(page, -1) {
					n, _ := strconv.Atoi(m[1])
					if v >= 0 && n != v {
						fail("GET /%s shows versions %d and %d in one page", p, v, n)
					}
					v = n
				}
				if v < 0 {
					fail("GET /%s shows no version:\n%s", p, page)
				}
				if v < seen {
					fail("GET /%s shows version %d after this reader saw version %d: a half-built site", p, v, seen)
				}
				seen = max(seen, v)
			}
		}()
	}

	// The edits, one after the other: each is waited for until the home
	// page shows it and every stream has had its reload.
	axis := filepath.Join(dir, "content/axes/a.md")
	edits := 0
	for n := 1; n <= loadEdits && !t.Failed(); n++ {
		edited := filepath.Join(tmp, "a.md")
		if err := os.WriteFile(edited, fmt.Appendf(nil, "+++\ntitle = \"Axe A version %d\"\n+++\n", n), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(edited, axis); err != nil { // the build never sees half a file
			t.Fatal(err)
		}
		want := fmt.Sprintf("Axe A version %d<", n)
		waitFor(t, fmt.Sprintf("the home page to show edit %d", n), func() bool {
			_, _, body := get(t, base)
			return strings.Contains(body, want)
		})
		waitFor(t, fmt.Sprintf("every stream to get the reload of edit %d", n), func() bool {
			for i := range reloads {
				if reloads[i].Load() < int64(n) {
					return false
				}
			}
			return true
		})
		edits = n
	}
	editing.Store(false)
	reading.Wait()
	took := time.Since(began)

	heapEnd := heapInuse()
	t.Logf("%d requests from %d goroutines, %d failed; %d live-reload streams; %d edits; %v",
		requests.Load(), loadReaders, failures.Load(), loadStreams, edits, took.Round(time.Millisecond))
	t.Logf("heap in use after GC: %.1f MB before the streams, %.1f MB with them before the load, %.1f MB after it; %s",
		float64(heapBare)/1e6, float64(heapStart)/1e6, float64(heapEnd)/1e6, peakRSS())
	if failures.Load() != 0 {
		t.Errorf("%d of %d requests failed", failures.Load(), requests.Load())
	}
	if heapEnd > heapStart+100<<20 {
		t.Errorf("heap in use grew from %d to %d bytes", heapStart, heapEnd)
	}

	// Stopping ends every stream.
	if err := stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}
	ended := make(chan struct{})
	go func() {
		listening.Wait()
		close(ended)
	}()
	select {
	case <-ended:
	case <-time.After(time.Minute):
		t.Fatal("streams still open a minute after Serve returned")
	}
}

// waitFor polls cond until it holds; the deadline only guards against a
// hang.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
	}
}

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// peakRSS is the process's peak resident memory, as Linux tells it.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "peak RSS unknown"
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return "peak RSS (VmHWM) " + strings.TrimSpace(v)
		}
	}
	return "peak RSS unknown"
}
