// Command jalons builds the public site of a territory's projet social
// from Markdown action sheets and TOML indicator files.
//
//	jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts]
//	jalons check  [-source DIR]
//	jalons version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"jalons/internal/build"
	"jalons/internal/diag"
)

const version = "0.1.0-dev"

const usage = `usage:
  jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts]
  jalons check  [-source DIR]
  jalons version
`

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "jalons:", err)
		}
		os.Exit(1)
	}
}

// errReported means the problems were printed already.
var errReported = errors.New("problems reported")

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errReported
	}
	cmd, args := args[0], args[1:]
	flags := flag.NewFlagSet("jalons "+cmd, flag.ContinueOnError)
	flags.SetOutput(stderr)
	opts := build.Options{}
	flags.StringVar(&opts.Source, "source", ".", "the site's `folder`")
	switch cmd {
	case "build":
		flags.StringVar(&opts.Destination, "destination", "", "the output `folder` (default: public inside the source)")
		flags.StringVar(&opts.BaseURL, "base-url", "", "the site's address, overriding baseURL of config.toml")
		flags.BoolVar(&opts.Drafts, "drafts", false, "build news drafts too")
	case "check":
	case "version":
		fmt.Fprintf(stdout, "jalons %s (%s)\n", version, runtime.Version())
		return nil
	default:
		fmt.Fprintf(stderr, "jalons: unknown command %q\n%s", cmd, usage)
		return errReported
	}
	if err := flags.Parse(args); err != nil {
		return errReported
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "jalons %s: unexpected argument %q\n%s", cmd, flags.Arg(0), usage)
		return errReported
	}
	if cmd == "check" {
		res, err := build.Render(opts)
		if err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "jalons: no problem found (%d pages, %d actions, %d indicators)\n",
			res.Pages, len(res.Site.Actions), len(res.Site.Indicators))
		return nil
	}
	res, err := build.Build(opts)
	if err != nil {
		return report(stderr, err)
	}
	dest := opts.Destination
	if dest == "" {
		dest = filepath.Join(opts.Source, "public")
	}
	fmt.Fprintf(stdout, "jalons: %d pages and %d files written to %s in %v\n",
		res.Pages, len(res.Files)-res.Pages, dest, res.Duration.Round(time.Millisecond))
	return nil
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
	fmt.Fprintln(stderr, "jalons:", err)
	return errReported
}
