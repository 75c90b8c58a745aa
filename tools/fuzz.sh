#!/usr/bin/env bash
# Runs every fuzz target of Jalons for a short fixed time each, one after
# another (FUZZTIME, 10s by default), and fails on any finding. A finding
# is written under the package's testdata/fuzz/<Target>/: turn it into a
# regular test, and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-10s}
targets=(
  "./internal/tomlfile FuzzSplitFront"
  "./internal/config FuzzLoad"
  "./internal/site FuzzLoad"
  "./internal/slug FuzzMake"
  "./internal/markdown FuzzHTML"
  "./internal/build FuzzRender"
)
for t in "${targets[@]}"; do
  set -- $t
  echo "fuzz $1 $2 for $fuzztime"
  log=$(mktemp)
  if ! go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -fuzzminimizetime 5s 2>&1 | tee "$log"; then
    # The fuzzer may stop on its own clock mid-run and report "context
    # deadline exceeded" (golang/go#48127): that is no finding, as long as
    # no failing input was written under testdata/fuzz.
    dir="${1#./}/testdata/fuzz/$2"
    if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log" &&
      [ -z "$(git status --porcelain -- "$dir" 2>/dev/null)" ]; then
      echo "fuzz $2: stopped by its clock, no finding"
    else
      rm -f "$log"
      exit 1
    fi
  fi
  rm -f "$log"
done
