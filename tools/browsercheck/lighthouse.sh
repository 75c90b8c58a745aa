#!/usr/bin/env bash
# Lighthouse on the example site as a resident's phone gets it: built,
# served gzipped under /projet-social/, mobile profile, in Debian's
# chromium. Prints the four scores of the home page, the first axis page
# and the first action page with a chart; exits 1 if one is under
# performance 95 or under 100 for accessibility, best practices or SEO.
# Needs install.sh to have run.
# Reports go to tools/browsercheck/artifacts/lighthouse/. Options (--runs N,
# --out DIR) are passed to lighthouse.mjs.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

go build -o "$out/jalons" ./cmd/jalons
"$out/jalons" build -source . -destination "$out/example" >/dev/null
axis=$(cd "$out/example" && ls -d axes/*/ | head -1)
# The first action page with a chart (the chart library is loaded as the
# reader scrolls to it), else the first action page.
action=$(cd "$out/example" && { grep -l 'data-chart=' actions/*/index.html; ls actions/*/index.html; } | grep -v '^actions/statut/' | head -1)
action=${action%index.html}
node tools/browsercheck/lighthouse.mjs "$@" "$out/example@/projet-social/" / "$axis" "$action"
