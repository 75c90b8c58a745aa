// Command jalons builds the public site of a territory's projet social
// from Markdown action sheets and TOML indicator files.
//
//	jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]
//	jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]
//	jalons check  [-source DIR] [-today YYYY-MM-DD]
//	jalons new    axis|action|indicator|news|page "Title" [-source DIR]
//	jalons init   [-language fr|en] [-base-url URL] DIR
//	jalons import actions FILE [-source DIR]
//	jalons help   [-language fr|en]
//	jalons version
//
// Every line it prints is in the site's language, language in
// config.toml of the site's folder: French for "fr", English for "en".
// Before there is a site (init, help, a folder without config.toml), it is
// the -language flag's, or French. Each line goes through say, or is a
// problem of diag, whose French text is in internal/diag/fr.go.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"jalons/internal/build"
	"jalons/internal/config"
	"jalons/internal/diag"
	"jalons/internal/importer"
	"jalons/internal/scaffold"
	"jalons/internal/server"
)

const version = "0.1.0-dev"

var usage = diag.Errorf(`usage:
  jalons build  [-source DIR] [-destination DIR] [-base-url URL] [-drafts] [-today YYYY-MM-DD]
  jalons serve  [-source DIR] [-bind 127.0.0.1] [-port 1313] [-drafts] [-poll 1s] [-today YYYY-MM-DD]
  jalons check  [-source DIR] [-today YYYY-MM-DD]
  jalons new    axis|action|indicator|news|page "Title" [-source DIR]
  jalons init   [-language fr|en] [-base-url URL] DIR
  jalons import actions FILE [-source DIR]
  jalons help   [-language fr|en]
  jalons version
`)

func main() {
	if dir := os.Getenv(asideEnv); dir != "" {
		// Started by a build to remove its previous output (see aside).
		if build.RemoveAside(dir) != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl+C ends the process at once
	}()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			say(os.Stderr, "en", "%v", err)
		}
		os.Exit(1)
	}
}

// errReported means the problems were printed already.
var errReported = errors.New("problems reported")

// say prints "jalons: " and the message in lang, on one line.
func say(w io.Writer, lang, format string, args ...any) {
	fmt.Fprintln(w, "jalons: "+diag.Errorf(format, args...).Text(lang))
}

// counted is one or many, as n asks in lang: French says "0 action",
// English "0 actions".
func counted(lang string, n int, one, many *diag.Msg) *diag.Msg {
	if n == 1 || lang == "fr" && n == 0 {
		return one
	}
	return many
}

// siteLanguage is the language of the site in the folder source, French
// when there is no site there.
func siteLanguage(source string) string {
	return string(config.LanguageOf(os.DirFS(source)))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage.Text(siteLanguage(".")))
		return errReported
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help":
		cmd = "help"
	}
	flags := flag.NewFlagSet("jalons "+cmd, flag.ContinueOnError)
	flags.SetOutput(io.Discard) // errors are printed below, in the site's language
	flags.Usage = func() {}
	opts := build.Options{}
	var (
		bind     string
		port     int
		poll     time.Duration
		today    string
		language string
	)
	switch cmd {
	case "build", "check", "serve", "new", "import":
		flags.StringVar(&opts.Source, "source", ".", "the site's `folder`")
	}
	switch cmd {
	case "build", "check", "serve":
		flags.StringVar(&today, "today", "", "the `date` the site describes, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)")
	}
	switch cmd {
	case "build":
		flags.StringVar(&opts.Destination, "destination", "", "the output `folder` (default: public inside the source)")
		flags.StringVar(&opts.BaseURL, "base-url", "", "the site's address (`URL`), overriding baseURL of config.toml")
		flags.BoolVar(&opts.Drafts, "drafts", false, "build news drafts too")
	case "serve":
		flags.StringVar(&bind, "bind", "127.0.0.1", "the `address` to listen on")
		flags.IntVar(&port, "port", 1313, "the `port` to listen on")
		flags.BoolVar(&opts.Drafts, "drafts", false, "build news drafts too")
		flags.DurationVar(&poll, "poll", 0, "check for changes at this `interval` instead of waiting for events (network and bind mounts)")
	case "init":
		flags.StringVar(&language, "language", "", "the site's `language`: fr or en (default: fr)")
		flags.StringVar(&opts.BaseURL, "base-url", "", "the `URL` the site will be published at, written as baseURL in config.toml")
	case "help":
		flags.StringVar(&language, "language", "", "the `language` of this help: fr or en (default: the site's in this folder, else fr)")
	case "check", "new", "import":
	case "version":
		fmt.Fprintf(stdout, "jalons %s (%s)\n", version, runtime.Version())
		return nil
	default:
		lang := siteLanguage(".")
		say(stderr, lang, "unknown command %q", cmd)
		fmt.Fprint(stderr, usage.Text(lang))
		return errReported
	}
	langOf := func() string { // the flags may change it: asked once they are read
		if cmd == "init" || cmd == "help" {
			if language == "en" || language == "fr" {
				return language
			}
			if cmd == "help" && language == "" {
				return siteLanguage(".")
			}
			return "fr"
		}
		return siteLanguage(opts.Source)
	}
	// Flags may stand before or after the other arguments:
	// jalons new action "Titre" -source site.
	var pos []string
	for {
		if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, flags, cmd, langOf())
			return nil
		} else if err != nil {
			say(stderr, langOf(), "%s", flagError(err, flags))
			commandUsage(stderr, flags, cmd, langOf())
			return errReported
		}
		if flags.NArg() == 0 {
			break
		}
		pos = append(pos, flags.Arg(0))
		args = flags.Args()[1:]
	}
	lang := langOf()
	if (cmd == "help" || cmd == "init") && language != "" && language != "fr" && language != "en" {
		say(stderr, lang, "-language %q: use fr or en", language)
		return errReported
	}
	if cmd == "help" {
		if len(pos) > 0 {
			say(stderr, lang, "unexpected argument %q", pos[0])
			commandUsage(stderr, flags, cmd, lang)
			return errReported
		}
		fmt.Fprint(stdout, usage.Text(lang))
		return nil
	}
	switch cmd {
	case "new":
		if len(pos) == 0 || len(pos) > 2 {
			commandUsage(stderr, flags, cmd, lang)
			return errReported
		}
		title := ""
		if len(pos) == 2 {
			title = pos[1]
		}
		path, err := scaffold.New(opts.Source, pos[0], title, time.Now())
		if err != nil {
			return report(stderr, err, lang)
		}
		say(stdout, lang, "created %s", path)
		return nil
	case "import":
		if len(pos) != 2 || pos[0] != "actions" {
			commandUsage(stderr, flags, cmd, lang)
			return errReported
		}
		written, err := importer.Actions(ctx, opts.Source, pos[1], time.Now())
		for _, p := range written {
			say(stdout, lang, "created %s", p)
		}
		if err != nil {
			return report(stderr, err, lang)
		}
		return nil
	case "init":
		if len(pos) != 1 {
			commandUsage(stderr, flags, cmd, lang)
			return errReported
		}
		if err := scaffold.Init(pos[0], config.Language(lang), opts.BaseURL); err != nil {
			return report(stderr, err, lang)
		}
		say(stdout, lang, "new site in %s (see it with: jalons serve -source %s)", pos[0], pos[0])
		return nil
	}
	if len(pos) > 0 {
		say(stderr, lang, "unexpected argument %q", pos[0])
		commandUsage(stderr, flags, cmd, lang)
		return errReported
	}
	if today != "" || os.Getenv("SOURCE_DATE_EPOCH") != "" {
		day, err := build.Today(today)
		if err != nil {
			return report(stderr, err, lang)
		}
		opts.Today = day
	}
	if cmd == "serve" {
		err := server.Serve(ctx, server.Config{Build: opts, Addr: net.JoinHostPort(bind, strconv.Itoa(port)), Poll: poll}, stdout, stderr)
		if err != nil {
			return report(stderr, err, lang)
		}
		return nil
	}
	if cmd == "check" {
		opts.NoGit = true // dates and history are shown, not checked
		res, err := build.Render(ctx, opts)
		if err != nil {
			return report(stderr, err, lang)
		}
		l := string(res.Site.Config.Language)
		notes(stderr, res, l)
		n, a, i := res.Pages, len(res.Site.Actions), len(res.Site.Indicators)
		say(stdout, l, "no problem found (%s, %s, %s)",
			counted(l, n, diag.Errorf("%d page", n), diag.Errorf("%d pages", n)),
			counted(l, a, diag.Errorf("%d action", a), diag.Errorf("%d actions", a)),
			counted(l, i, diag.Errorf("%d indicator", i), diag.Errorf("%d indicators", i)))
		return nil
	}
	opts.Aside = aside
	res, err := build.Build(ctx, opts)
	if err != nil {
		var list diag.List
		report(stderr, err, lang)
		if errors.As(err, &list) {
			say(stderr, lang, "%s: nothing was written, the previous site is untouched", problems(len(list)))
		}
		return errReported
	}
	l := string(res.Site.Config.Language)
	notes(stderr, res, l)
	if config.Placeholder(res.Site.Config.Base) {
		key, at := "baseURL", res.Site.Config.Doc.Pos("baseURL")
		if opts.BaseURL != "" {
			key, at = "-base-url", diag.Pos{} // said as the command's own line
		}
		warning := diag.Errorf("warning: %s %q is an address of this machine or for examples: the site's feed, sitemap and shared links would lead there (give the site's real address, like https://www.ville.fr/projet-social/)", key, res.Site.Config.BaseURL)
		if at.File == "" {
			say(stderr, l, "%s", warning)
		} else {
			fmt.Fprintln(stderr, at.String()+": "+warning.Text(l))
		}
	}
	dest := opts.Destination
	if dest == "" {
		dest = filepath.Join(opts.Source, "public")
	}
	say(stdout, l, "%d pages and %d files written to %s in %v",
		res.Pages, len(res.Files)-res.Pages, dest, res.Duration.Round(time.Millisecond))
	return nil
}

// asideEnv names, in the environment of the jalons process that a build
// starts to remove its previous output, the folder to remove.
const asideEnv = "JALONS_REMOVE_ASIDE"

// asideFrom is how many pages a build writes from which it leaves its
// previous output to a process of its own: on a disk, removing the 16,000
// files of a site of 10,000 actions takes seconds, which the command need
// not wait for once the new output is in place. A smaller one is removed
// at once, in less time than a process takes to start.
var asideFrom = 1000

// aside removes dir, the previous output of a build of pages pages: a
// large one in a process of its own, which the command does not wait for
// and which a Ctrl+C given to the command does not stop. If that process
// is killed, the next build removes what it left.
func aside(dir string, pages int) error {
	if pages >= asideFrom {
		hideFromGit(dir)
		if exe, err := os.Executable(); err == nil {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), asideEnv+"="+dir)
			detach(cmd)
			if cmd.Start() == nil {
				go cmd.Wait() // reaped if the command lives on (tests)
				return nil
			}
		}
	}
	return build.RemoveAside(dir)
}

// hideFromGit keeps git from seeing the folder dir while it is being
// removed, should the site's folder be a repository and someone add what
// it holds (git add -A) right after a build: a .gitignore that ignores
// everything, itself included.
func hideFromGit(dir string) {
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("*\n"), 0o644) // at worst, git sees it
}

// commandUsage prints the usage of one command and its flags, in lang.
func commandUsage(w io.Writer, flags *flag.FlagSet, cmd, lang string) {
	for _, line := range strings.Split(usage.Text(lang), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == cmd {
			fmt.Fprintln(w, diag.Errorf("usage: %s", strings.TrimSpace(line)).Text(lang))
		}
	}
	flags.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(&flag.Flag{Usage: (&diag.Msg{Format: f.Usage}).Text(lang), Value: f.Value})
		fmt.Fprintf(w, "  -%s", f.Name)
		if name != "" {
			fmt.Fprintf(w, " %s", name)
		}
		fmt.Fprintf(w, "\n    \t%s", text)
		switch f.DefValue {
		case "", "false", "0", "0s":
		default:
			fmt.Fprint(w, diag.Errorf(" (default %s)", f.DefValue).Text(lang))
		}
		fmt.Fprintln(w)
	})
}

// flagErrors are the errors of package flag, which prints them in English.
var flagErrors = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:flag provided but not defined: (-\S+)|flag needs an argument: (-\S+)|invalid (?:boolean )?value ("[^"]*") for (?:flag )?(-\S+): .*)$`)
})

// flagError is a flag's error of flags in words that diag can put in
// French; a value that is not one says what to write.
func flagError(err error, flags *flag.FlagSet) *diag.Msg {
	m := flagErrors().FindStringSubmatch(err.Error())
	switch {
	case m == nil:
		return diag.Errorf("%v", err)
	case m[1] != "":
		return diag.Errorf("unknown flag %s", m[1])
	case m[2] != "":
		return diag.Errorf("the flag %s needs a value", m[2])
	}
	if f := flags.Lookup(strings.TrimPrefix(m[4], "-")); f != nil {
		switch f.Value.(flag.Getter).Get().(type) {
		case time.Duration:
			return diag.Errorf("%s is not a value for the flag %s (write a duration, like 1s or 500ms)", m[3], m[4])
		case int:
			return diag.Errorf("%s is not a value for the flag %s (write a whole number, like %s)", m[3], m[4], f.DefValue)
		case bool:
			return diag.Errorf("%s is not a value for the flag %s (write true or false, as in %s=false)", m[3], m[4], m[4])
		}
	}
	return diag.Errorf("%s is not a value for the flag %s", m[3], m[4])
}

// problems is "1 problem" or "n problems".
func problems(n int) *diag.Msg {
	if n == 1 {
		return diag.Errorf("1 problem")
	}
	return diag.Errorf("%d problems", n)
}

// notes prints what a good build skipped, one a line.
func notes(stderr io.Writer, res *build.Result, lang string) {
	for _, n := range res.Site.Notes {
		fmt.Fprintln(stderr, n.Text(lang))
	}
}

// report prints every problem of a failed command, one a line as
// path:line:col: message, in lang.
func report(stderr io.Writer, err error, lang string) error {
	var list diag.List
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(stderr, diag.Text(list, lang))
	case errors.Is(err, context.Canceled):
		say(stderr, lang, "interrupted: nothing was written, the previous site is untouched")
	default:
		say(stderr, lang, "%s", diag.Text(err, lang))
	}
	return errReported
}
