#!/usr/bin/env bash
# Checks that hostile inputs fail (or build) fast and small: each case
# writes a site (config.toml and one hostile file) into a temporary folder,
# runs `jalons check` on it under /usr/bin/time -v, and prints a table:
# case, size of the hostile file, exit code, wall seconds, peak memory and
# the first line jalons printed. Every case should take under 5 s and
# 1 GB; a case still running after 60 s is stopped (exit 124).
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/jalons" ./cmd/jalons

# rep S N prints S N times, on one line.
rep() { yes -- "$1" | head -n "$2" | tr -d '\n' || true; }

# site NAME FILE: a fresh site folder with config.toml; the hostile file's
# content comes on stdin.
site() {
  local dir="$tmp/$1"
  mkdir -p "$dir/$(dirname "$2")"
  [ -f "$dir/config.toml" ] || printf 'title = "Limites"\n' >"$dir/config.toml"
  cat >"$dir/$2"
  echo "$dir/$2" >"$dir/.hostile"
}

page() { printf '+++\ntitle = "P"\n+++\n'; cat; }
front() { printf '+++\ntitle = "P"\n'; cat; printf '+++\n'; }

printf '%-34s %10s %4s %7s %8s  %s\n' case bytes exit wall_s peak_MB "first line"
run() {
  local dir="$tmp/$1" file
  file=$(cat "$dir/.hostile")
  local code=0
  timeout 60 /usr/bin/time -v -o "$dir/.time" "$tmp/jalons" check -source "$dir" >"$dir/.out" 2>&1 || code=$?
  local wall rss first
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$dir/.time" 2>/dev/null || true)
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/.time" 2>/dev/null || true)
  first=$(head -n 1 "$dir/.out" | cut -c1-150)
  printf '%-34s %10s %4s %7s %8s  %s\n' "$1" "$(stat -c %s "$file")" "$code" "${wall:-?}" "${rss:-?}" "$first"
}

# Files past the size limit.
head -c $((11 << 20)) /dev/zero | tr '\0' a | page | site big-page content/pages/big.md
run big-page
{ printf 'title = "x"\n#'; head -c $((11 << 20)) /dev/zero | tr '\0' a; } | site big-config config.toml
run big-config
{ head -c $(((10 << 20) - 100)) /dev/zero | tr '\0' a; echo; } | page | site page-10MB-plain content/pages/big.md
run page-10MB-plain

# TOML.
{ echo 'title = "I"'; seq 0 100000 | awk '{printf "[[values]]\ndate = %d-%02d-%02d\nvalue = %d\n", 1000 + int($1 / 336), 1 + int($1 % 336 / 28), 1 + $1 % 28, $1}'; } | site values-100001 content/indicators/i.toml
run values-100001
{ echo 'title = "I"'; seq 1 100000 | awk '{printf "[[values]]\ndate = %d-%02d-%02d\nvalue = %d\n", 1000 + int($1 / 336), 1 + int($1 % 336 / 28), 1 + $1 % 28, $1}'; } | site values-100000-ok content/indicators/i.toml
run values-100000-ok
{ rep 'a.' 20000; echo 'b = 1'; } | front | site dotted-key-20000 content/pages/p.md
run dotted-key-20000
{ printf 'x = '; rep '{a = ' 10000; printf 1; rep '}' 10000; echo; } | front | site inline-tables-10000 content/pages/p.md
run inline-tables-10000
{ printf 'x = '; rep '[' 10000; rep ']' 10000; echo; } | front | site arrays-10000 content/pages/p.md
run arrays-10000
{ printf '['; rep 'a.' 100000; echo 'b]'; } | front | site header-100000 content/pages/p.md
run header-100000
{ printf '[['; rep 'a.' 100000; echo 'b]]'; } | front | site array-header-100000 content/pages/p.md
run array-header-100000

# Markdown.
{ rep '>' 10000; echo ' a'; } | page | site quotes-10000 content/pages/p.md
run quotes-10000
seq 0 2999 | awk '{printf "%*s- a\n", 2 * $1, ""}' | page | site lists-indented-3000 content/pages/p.md
run lists-indented-3000
{ rep '- ' 100000; echo a; } | page | site lists-one-line-100000 content/pages/p.md
run lists-one-line-100000
{ rep '[' 1000000; echo; } | page | site brackets-1000000 content/pages/p.md
run brackets-1000000
{ rep '*' 1000000; echo; } | page | site stars-1000000 content/pages/p.md
run stars-1000000
{ rep '[a](' 200000; echo; } | page | site link-opens-200000 content/pages/p.md
run link-opens-200000
{ rep '*a**a_a__' 100000; echo; } | page | site emphasis-mixed-100000 content/pages/p.md
run emphasis-mixed-100000
{ rep '[a](<' 2; head -c $(((10 << 20) - 100)) /dev/zero | tr '\0' x; echo; } | page | site unclosed-links-10MB-ok content/pages/p.md
run unclosed-links-10MB-ok

# Governance.
{ echo '+++'; seq 0 100499 | awk '{printf "[[bodies]]\nid = \"b%d\"\nname = \"B\"\n", $1; if ($1 > 0) printf "parent = \"b%d\"\n", $1 - 1}'; echo '+++'; } | site governance-chain-100500 content/governance.md
run governance-chain-100500
{ echo '+++'; seq 0 99999 | awk '{printf "[[bodies]]\nid = \"b%d\"\nname = \"B\"\nparent = \"b%d\"\n", $1, ($1 + 99999) % 100000}'; echo '+++'; } | site governance-loop-100000 content/governance.md
run governance-loop-100000
{ echo '+++'; seq 0 99 | awk '{printf "[[bodies]]\nid = \"b%d\"\nname = \"B\"\n", $1; if ($1 > 0) printf "parent = \"b%d\"\n", $1 - 1}'; echo '+++'; } | site governance-depth-100-ok content/governance.md
run governance-depth-100-ok
