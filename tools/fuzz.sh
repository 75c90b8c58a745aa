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
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -fuzzminimizetime 5s
done
