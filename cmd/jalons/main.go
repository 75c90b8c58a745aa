// Command jalons builds the public site of a territory's projet social
// from Markdown action sheets and TOML indicator files.
//
//	jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]
//	jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]
//	jalons check  [-source DIR] [-today YYYY-MM-DD]
//	jalons new    axis|action|indicator|news|page "Title" [-source DIR]
//	jalons init   DIR
//	jalons import actions FILE [-source DIR]
//	jalons version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"jalons/internal/build"
	"jalons/internal/diag"
	"jalons/internal/importer"
	"jalons/internal/scaffold"
	"jalons/internal/server"
)

const version = "0.1.0-dev"

const usage = `usage:
  jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]
  jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]
  jalons check  [-source DIR] [-today YYYY-MM-DD]
  jalons new    axis|action|indicator|news|page "Title" [-source DIR]
  jalons init   DIR
  jalons import actions FILE [-source DIR]
  jalons version
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl+C ends the process at once
	}()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "jalons:", err)
		}
		os.Exit(1)
	}
}

// errReported means the problems were printed already.
var errReported = errors.New("problems reported")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errReported
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	flags := flag.NewFlagSet("jalons "+cmd, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {} // see Parse below
	opts := build.Options{}
	var (
		bind  string
		port  int
		poll  time.Duration
		today string
	)
	flags.StringVar(&opts.Source, "source", ".", "the site's `folder`")
	switch cmd {
	case "build", "check", "serve":
		flags.StringVar(&today, "today", "", "the `date` the site describes, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)")
	}
	switch cmd {
	case "build":
		flags.StringVar(&opts.Destination, "destination", "", "the output `folder` (default: public inside the source)")
		flags.StringVar(&opts.BaseURL, "base-url", "", "the site's address, overriding baseURL of config.toml")
		flags.BoolVar(&opts.Drafts, "drafts", false, "build news drafts too")
	case "serve":
		flags.StringVar(&bind, "bind", "127.0.0.1", "the `address` to listen on")
		flags.IntVar(&port, "port", 1313, "the `port` to listen on")
		flags.BoolVar(&opts.Drafts, "drafts", false, "build news drafts too")
		flags.DurationVar(&poll, "poll", 0, "check for changes at this `interval` instead of waiting for events (network and bind mounts)")
	case "check", "new", "import":
	case "init":
		flags = flag.NewFlagSet("jalons init", flag.ContinueOnError)
		flags.SetOutput(stderr)
		flags.Usage = func() {}
	case "version":
		fmt.Fprintf(stdout, "jalons %s (%s)\n", version, runtime.Version())
		return nil
	default:
		fmt.Fprintf(stderr, "jalons: unknown command %q\n%s", cmd, usage)
		return errReported
	}
	// Flags may stand before or after the other arguments:
	// jalons new action "Titre" -source site.
	var pos []string
	for {
		if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, flags, cmd)
			return nil
		} else if err != nil {
			commandUsage(stderr, flags, cmd)
			return errReported
		}
		if flags.NArg() == 0 {
			break
		}
		pos = append(pos, flags.Arg(0))
		args = flags.Args()[1:]
	}
	switch cmd {
	case "new":
		if len(pos) == 0 || len(pos) > 2 {
			fmt.Fprintf(stderr, "usage: jalons new %s \"Title\" [-source DIR]\n", strings.Join(scaffold.Kinds, "|"))
			return errReported
		}
		title := ""
		if len(pos) == 2 {
			title = pos[1]
		}
		path, err := scaffold.New(opts.Source, pos[0], title, time.Now())
		if err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "jalons: created %s\n", path)
		return nil
	case "import":
		if len(pos) != 2 || pos[0] != "actions" {
			fmt.Fprint(stderr, "usage: jalons import actions FILE [-source DIR] (FILE: a .csv or .xlsx spreadsheet)\n")
			return errReported
		}
		written, err := importer.Actions(ctx, opts.Source, pos[1], time.Now())
		for _, p := range written {
			fmt.Fprintf(stdout, "jalons: created %s\n", p)
		}
		if err != nil {
			return report(stderr, err)
		}
		return nil
	case "init":
		if len(pos) != 1 {
			fmt.Fprint(stderr, "usage: jalons init DIR\n")
			return errReported
		}
		if err := scaffold.Init(pos[0]); err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "jalons: new site in %s (see it with: jalons serve -source %s)\n", pos[0], pos[0])
		return nil
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "jalons %s: unexpected argument %q\n%s", cmd, pos[0], usage)
		return errReported
	}
	if today != "" || os.Getenv("SOURCE_DATE_EPOCH") != "" {
		day, err := build.Today(today)
		if err != nil {
			fmt.Fprintf(stderr, "jalons %s: %v\n", cmd, err)
			return errReported
		}
		opts.Today = day
	}
	if cmd == "serve" {
		return server.Serve(ctx, server.Config{Build: opts, Addr: net.JoinHostPort(bind, strconv.Itoa(port)), Poll: poll}, stdout, stderr)
	}
	if cmd == "check" {
		opts.NoGit = true // dates and history are shown, not checked
		res, err := build.Render(ctx, opts)
		if err != nil {
			return report(stderr, err)
		}
		notes(stderr, res)
		fmt.Fprintf(stdout, "jalons: no problem found (%d pages, %d actions, %d indicators)\n",
			res.Pages, len(res.Site.Actions), len(res.Site.Indicators))
		return nil
	}
	res, err := build.Build(ctx, opts)
	if err != nil {
		var list diag.List
		report(stderr, err)
		if errors.As(err, &list) {
			fmt.Fprintf(stderr, "jalons: %s: nothing was written, the previous site is untouched\n", problems(len(list)))
		}
		return errReported
	}
	notes(stderr, res)
	dest := opts.Destination
	if dest == "" {
		dest = filepath.Join(opts.Source, "public")
	}
	fmt.Fprintf(stdout, "jalons: %d pages and %d files written to %s in %v\n",
		res.Pages, len(res.Files)-res.Pages, dest, res.Duration.Round(time.Millisecond))
	return nil
}

// commandUsage prints the usage of one command and its flags.
func commandUsage(w io.Writer, flags *flag.FlagSet, cmd string) {
	for _, line := range strings.Split(usage, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == cmd {
			fmt.Fprintf(w, "usage: %s\n", strings.TrimSpace(line))
		}
	}
	flags.SetOutput(w)
	flags.PrintDefaults()
}

// problems is "1 problem" or "n problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// notes prints what a good build skipped, one a line.
func notes(stderr io.Writer, res *build.Result) {
	for _, n := range res.Site.Notes {
		fmt.Fprintln(stderr, n)
	}
}

// report prints every problem of a failed build, one a line as
// path:line:col: message.
func report(stderr io.Writer, err error) error {
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return errReported
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "jalons: interrupted: nothing was written, the previous site is untouched")
		return errReported
	}
	fmt.Fprintln(stderr, "jalons:", err)
	return errReported
}
