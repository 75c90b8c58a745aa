#!/usr/bin/env bash
# Compares the build benchmarks of two commits on this machine, runs
# alternated to cancel drift, and prints the median of each and the ratio
# new/old.
#
#   bash tools/benchcmp.sh OLD [NEW] [COUNT] [BENCH]
#
# NEW defaults to the work tree as it is, COUNT to 5, BENCH to the full
# build and the one-action rebuild at 10,000 actions. BENCHTIME (default
# 1x) is -test.benchtime: 40x times forty rebuilds rather than one.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bash tools/benchcmp.sh OLD [NEW] [COUNT] [BENCH]}
new=${2:-}
count=${3:-5}
bench=${4:-'^(BenchmarkBuild10000|BenchmarkRebuildOneAction10000)$'}
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/src-old.test" >/dev/null 2>&1 || true; [ -z "$new" ] || git worktree remove --force "$tmp/src-new.test" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

binary() { # commit-or-empty output
  if [ -z "$1" ]; then
    go test -c -o "$2" ./internal/build
  else
    git worktree add -q --detach "$tmp/src-$(basename "$2")" "$1"
    (cd "$tmp/src-$(basename "$2")" && go test -c -o "$2" ./internal/build)
  fi
}
binary "$old" "$tmp/old.test"
binary "$new" "$tmp/new.test"

for i in $(seq "$count"); do
  for v in old new; do
    (cd internal/build && "$tmp/$v.test" -test.run '^$' -test.bench "$bench" -test.benchtime "${BENCHTIME:-1x}") |
      awk -v v="$v" '/^Benchmark/ {print v, $1, $3}' >>"$tmp/results"
  done
done

awk '
  { k = $1" "$2; t[k, ++n[k]] = $3; names[$2] = 1 }
  function median(k,   m, i, j, x, a) {
    m = n[k]; for (i = 1; i <= m; i++) a[i] = t[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    printf "%-36s %12s %12s %8s\n", "benchmark (median ns/op)", "old", "new", "new/old"
    for (b in names) {
      o = median("old " b); w = median("new " b)
      printf "%-36s %12.0f %12.0f %8.3f\n", b, o, w, w / o
    }
  }' "$tmp/results"
