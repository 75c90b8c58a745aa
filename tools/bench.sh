#!/usr/bin/env bash
# Measures jalons on generated sites (internal/benchsite) and prints the
# figures of issue 14 against its targets.
#
#   bash tools/bench.sh
#   SIZES="1000 10000" COUNT=3 bash tools/bench.sh
#
# Builds jalons once; for each size in SIZES (default 1,000, 10,000 and
# 50,000 actions) writes a site; with the example site (copied outside
# git, so that no git command runs), each is built once not counted, then
# in COUNT rounds (default 3) of one build of each in turn, under
# /usr/bin/time -v. It prints the medians of wall time, user+system CPU,
# peak memory, pages written and pages per second, then the ratios of wall
# time 10k/1k and 50k/10k. Then
# `jalons serve` on the site of SERVE actions (default 10,000; SERVE=0
# skips it): the first build (from start until the home page answers), the
# median of EDITS (default 10) one-action edits, each from the save (a line
# appended to an action file) until the served page holds the new text,
# the server's own rebuild time, and its resident memory after the edits;
# with SERVE=10000, the Go benchmark that the rebuild's target names
# (BenchmarkRebuildRealistic10000, forty rebuilds). Every build describes the same day (-today 2026-12-01). Medians are only
# worth comparing with the targets on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-"1000 10000 50000"}
count=${COUNT:-3}
serve_n=${SERVE:-10000}
edits=${EDITS:-10}
today=2026-12-01

[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench.sh: curl is missing" >&2; exit 1; }

tmp=$(mktemp -d)
server=
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/jalons" ./cmd/jalons
go build -o "$tmp/benchsite" ./internal/benchsite/cmd
echo "jalons $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo '+changes'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), COUNT=$count"

# median prints the median of the numbers on stdin, one a line.
median() {
  sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit; print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
now() { date +%s%N; }
ms() { echo $((($2 - $1) / 1000000)); } # ms START END, in nanoseconds

# timed SITE DEST: one build under /usr/bin/time; prints "wall cpu MiB
# pages after": after is the time, in seconds, that the removal of the
# previous output went on once the command had returned (a build of 1,000
# pages or more leaves it to a process of its own), waited for so that it
# takes nothing from the next build.
timed() {
  /usr/bin/time -v -o "$tmp/time" "$tmp/jalons" build -source "$1" -destination "$2" -today "$today" >"$tmp/out" 2>"$tmp/err" || {
    echo "bench.sh: jalons build -source $1 failed:" >&2
    head -20 "$tmp/err" "$tmp/time" >&2
    exit 1
  }
  local returned=$(now)
  while compgen -G "$(dirname "$2")/.$(basename "$2").new-*" >/dev/null; do sleep 0.01; done
  local after=$(ms "$returned" "$(now)")
  pages=$(awk '/ pages (and|et) / { print $2 }' "$tmp/out") # English or French site
  awk -v pages="$pages" -v after="$after" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { cpu += $NF }
    /System time/ { cpu += $NF }
    /Maximum resident set size/ { mib = $NF / 1024 }
    END { printf "%.3f %.2f %.0f %d %.2f\n", wall, cpu, mib, pages, after / 1000 }' "$tmp/time"
}

# measure NAME:SITE...: one build of each SITE not counted, then COUNT
# rounds of one timed build of each, in turn: the machine's speed drifts
# over minutes, and sites measured in the same rounds meet the same drift,
# so that their ratios hold. Sets the medians of each NAME in wall[NAME],
# cpu[NAME], mib[NAME], pages[NAME], after[NAME].
declare -A wall cpu mib pages after
measure() {
  local ns
  for ns in "$@"; do
    timed "${ns#*:}" "$tmp/public-${ns%%:*}" >/dev/null
    : >"$tmp/runs-${ns%%:*}"
  done
  for _ in $(seq "$count"); do
    for ns in "$@"; do timed "${ns#*:}" "$tmp/public-${ns%%:*}" >>"$tmp/runs-${ns%%:*}"; done
  done
  for ns in "$@"; do
    local n=${ns%%:*}
    wall[$n]=$(cut -d' ' -f1 "$tmp/runs-$n" | median)
    cpu[$n]=$(cut -d' ' -f2 "$tmp/runs-$n" | median)
    mib[$n]=$(cut -d' ' -f3 "$tmp/runs-$n" | median)
    pages[$n]=$(cut -d' ' -f4 "$tmp/runs-$n" | median)
    after[$n]=$(cut -d' ' -f5 "$tmp/runs-$n" | median)
    rm -rf "$tmp/public-$n"
  done
}

# The example site, outside git.
mkdir "$tmp/example"
cp -r config.toml content static "$tmp/example/"
sites=()
for n in $sizes; do
  "$tmp/benchsite" -n "$n" -o "$tmp/site-$n"
  sites+=("$n:$tmp/site-$n")
done
measure "${sites[@]}" "example:$tmp/example"

printf '\n%-8s %9s %9s %9s %7s %9s %9s\n' actions "wall s" "CPU s" "peak MiB" pages "pages/s" "after s"
for n in $sizes; do
  printf '%-8s %9.2f %9.2f %9.0f %7d %9.0f %9.2f\n' "$n" "${wall[$n]}" "${cpu[$n]}" "${mib[$n]}" "${pages[$n]}" \
    "$(awk -v p="${pages[$n]}" -v w="${wall[$n]}" 'BEGIN { print p / w }')" "${after[$n]}"
  [ "$n" = "$serve_n" ] || rm -rf "$tmp/site-$n"
done
echo "after: how long the removal of the previous output went on, in a process of its own, once the build had returned"
ratio() { [ -n "${wall[$1]:-}" ] && [ -n "${wall[$2]:-}" ] && awk -v a="${wall[$1]}" -v b="${wall[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
r10=$(ratio 10000 1000 || true)
r50=$(ratio 50000 10000 || true)
echo "wall time ratios: 10k/1k ${r10:-not measured}, 50k/10k ${r50:-not measured}"

example_ms=$(awk -v w="${wall[example]}" 'BEGIN { printf "%.0f", w * 1000 }')
echo "example site: ${example_ms} ms wall, ${pages[example]} pages (median of $count)"

first_ms= edit_ms= rebuild_ms= rss_mb=
if [ "$serve_n" != 0 ]; then
  site=$tmp/site-$serve_n
  [ -d "$site" ] || "$tmp/benchsite" -n "$serve_n" -o "$site"
  port=
  for p in $(seq $((20000 + RANDOM % 20000)) 40100); do
    if ! (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  # The site is served under the path of its baseURL.
  base=$(sed -n 's|^baseURL = "https*://[^/]*\(/.*\)/"|\1|p' "$site/config.toml")
  url=http://127.0.0.1:$port$base
  start=$(now)
  "$tmp/jalons" serve -source "$site" -port "$port" -today "$today" >"$tmp/serve.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null --max-time 60 "$url/"; do
    kill -0 "$server" 2>/dev/null || { echo "bench.sh: jalons serve stopped:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
    sleep 0.005
  done
  first_ms=$(ms "$start" "$(now)")
  # Ten actions spread over the site, whose file names are their slugs.
  mapfile -t files < <(find "$site/content/actions" -name '*.md' ! -name '* *' | sort | awk -v e="$edits" 'NR % 97 == 1' | head -n "$edits")
  # The page is polled every 5 ms by bash alone (its /dev/tcp, its clock,
  # a read that times out on a pipe nobody writes): a command started at
  # each poll (curl, grep, sleep, date) would take from the server, on a
  # small machine, the processor it measures.
  mkfifo "$tmp/nap"
  exec {nap}<>"$tmp/nap"
  # served PATH TEXT: whether the page at PATH, served now, holds TEXT.
  served() {
    local body=
    exec {http}<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$1" "$port" >&"$http"
    IFS= read -r -d '' -u "$http" body || true
    exec {http}<&-
    [[ $body == *"$2"* ]]
  }
  : >"$tmp/edits"
  for i in "${!files[@]}"; do
    f=${files[$i]}
    page="$base/actions/$(basename "$f" .md)/"
    text="Mesure $i $EPOCHREALTIME"
    start=${EPOCHREALTIME//[.,]/} # µs
    printf '\n%s\n' "$text" >>"$f"
    until served "$page" "$text"; do
      ((${EPOCHREALTIME//[.,]/} - start < 30000000)) || { echo "bench.sh: $url/actions/$(basename "$f" .md)/ still lacks the edit after 30 s" >&2; cat "$tmp/serve.log" >&2; exit 1; }
      read -r -t 0.005 -u "$nap" _ || true
    done
    echo $(((${EPOCHREALTIME//[.,]/} - start) / 1000)) >>"$tmp/edits"
    sleep 0.3 # let the watcher settle before the next save
  done
  edit_ms=$(median <"$tmp/edits")
  rebuild_ms=$(grep -E 'changed|modifi' "$tmp/serve.log" | grep -oE 'pages (ready in|prêtes en) [0-9.]*[mµ]*s' |
    awk '{ t = $NF; if (t ~ /ms$/) v = t + 0; else if (t ~ /µs$/) v = t / 1000; else v = t * 1000; print v }' | median || true)
  rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 * 1024 / 1e6 }' "/proc/$server/status")
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
  echo "serve $serve_n: first build ${first_ms} ms; edit to page served, median of ${#files[@]}: ${edit_ms} ms (each: $(tr '\n' ' ' <"$tmp/edits")); server's own rebuild median ${rebuild_ms:-?} ms; resident ${rss_mb} MB"
fi

# The rebuild's target is a Go benchmark's: forty one-action rebuilds of
# the same site (10,000 actions), made as serve makes them.
bench_ms=
if [ "$serve_n" = 10000 ]; then
  go test -run '^$' -bench 'RebuildRealistic10000$' -benchtime 40x ./internal/build >"$tmp/gobench" 2>&1 || {
    echo "bench.sh: go test -bench RebuildRealistic10000 failed:" >&2; cat "$tmp/gobench" >&2; exit 1
  }
  bench_ms=$(awk '/^BenchmarkRebuildRealistic10000/ { printf "%.1f", $3 / 1e6 }' "$tmp/gobench")
  echo "BenchmarkRebuildRealistic10000 (40 rebuilds): ${bench_ms} ms a rebuild"
fi

# row LABEL VALUE OP LIMIT UNIT: one line of the final table.
row() {
  if [ -z "$2" ]; then
    printf '%-46s %12s %12s  %s\n' "$1" "-" "$3 $4 $5" "not measured"
    return
  fi
  verdict=$(awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { ok = op == "<" ? v < l : v <= l; print ok ? "PASS" : "FAIL" }')
  printf '%-46s %12s %12s  %s\n' "$1" "$2 $5" "$3 $4 $5" "$verdict"
}
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the targets hold for an otherwise idle machine)"
printf '%-46s %12s %12s  %s\n' target measured limit verdict
row "10,000 actions: build wall time" "${wall[10000]:-}" "<=" 3 s
row "10,000 actions: build CPU (user+system)" "${cpu[10000]:-}" "<=" 4 s
row "10,000 actions: peak memory" "${mib[10000]:-}" "<=" 600 MiB
row "wall time 10k/1k" "$r10" "<=" 11 ""
row "wall time 50k/10k" "$r50" "<=" 5.5 ""
row "50,000 actions: peak memory" "${mib[50000]:-}" "<" 2560 MiB
row "serve $serve_n: one-action edit, save to served" "$edit_ms" "<=" 250 ms
row "serve 10000: rebuild in a Go benchmark" "$bench_ms" "<=" 50 ms
row "serve $serve_n: rebuild (server's own figure)" "${rebuild_ms:-}" "<=" 50 ms
row "serve $serve_n: resident memory after edits" "$rss_mb" "<=" 600 MB
row "example site: build wall time" "$example_ms" "<" 150 ms
