#!/usr/bin/env bash
# Lighthouse on the example site as a resident's phone gets it: built,
# served gzipped under /projet-social/, mobile profile, in Debian's
# chromium. Prints the four scores of the home page, an axis page and an
# action page; exits 1 if one is under performance 95 or under 100 for
# accessibility, best practices or SEO. Needs install.sh to have run.
# Reports go to tools/browsercheck/artifacts/lighthouse/.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

go build -o "$out/jalons" ./cmd/jalons
"$out/jalons" build -source . -destination "$out/example" >/dev/null
axis=$(cd "$out/example" && ls -d axes/*/ | head -1)
action=$(cd "$out/example" && ls -d actions/*/ | grep -v '^actions/statut/' | head -1)
node tools/browsercheck/lighthouse.mjs "$out/example@/projet-social/" / "$axis" "$action"
