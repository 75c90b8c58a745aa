#!/usr/bin/env bash
# Builds the example site and every test site the project keeps, then checks
# each one in the browser gate (check.mjs). Needs install.sh to have run.
# Screenshots and report.json go to tools/browsercheck/artifacts/.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

go build -o "$out/jalons" ./cmd/jalons
"$out/jalons" build -source . -destination "$out/example" >/dev/null
"$out/jalons" build -source testdata/sites/en -destination "$out/en" >/dev/null
"$out/jalons" build -source testdata/sites/news -destination "$out/news" >/dev/null
"$out/jalons" init "$out/starter-src" >/dev/null
"$out/jalons" build -source "$out/starter-src" -destination "$out/starter" >/dev/null

# The feeds and sitemaps must be well-formed XML (the Go tests parse the
# feed with a real Atom parser too).
for site in example en news starter; do
  xmllint --noout "$out/$site/feed.xml" "$out/$site/sitemap.xml"
done

bash tools/browsercheck/selftest.sh
# The sites are served with a strict Content-Security-Policy, as a host
# may: no inline script or style, nothing from another host.
csp="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
node tools/browsercheck/check.mjs --out tools/browsercheck/artifacts --csp "$csp" \
  example="$out/example"@/projet-social/ \
  en="$out/en"@/ \
  news="$out/news"@/ville/projet-social/ \
  starter="$out/starter"@/
