#!/usr/bin/env bash
# Runs every test of Jalons: formatting, go vet, the Go tests (with the race
# detector), a short run of every fuzz target (tools/fuzz.sh), then the
# browser quality gate, after installing what it needs
# (tools/browsercheck/install.sh: Debian's Chromium and the npm tools; it
# does nothing that is already done).
set -euo pipefail
cd "$(dirname "$0")/.."

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
go test -race -count=1 ./...
bash tools/fuzz.sh

bash tools/browsercheck/install.sh
bash tools/browsercheck/run.sh
