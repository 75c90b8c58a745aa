// Command benchsite writes a generated site for benchmarks:
//
//	go run ./internal/benchsite/cmd -n 10000 -o DIR
//
// DIR must be absent or empty. Build it with -today 2026-12-01.
package main

import (
	"flag"
	"fmt"
	"os"

	"jalons/internal/benchsite"
)

func main() {
	n := flag.Int("n", 1000, "the number of `actions`")
	out := flag.String("o", "", "the `folder` to write the site into (absent or empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/benchsite/cmd -n ACTIONS -o DIR")
		os.Exit(2)
	}
	if err := benchsite.Write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
