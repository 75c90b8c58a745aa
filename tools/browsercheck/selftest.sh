#!/usr/bin/env bash
# Self-test of the browser quality gate: the gate must pass the correct
# fixtures (testdata/good at /, testdata/based at /projet-social/) and fail
# testdata/broken naming each planted mistake. Exits non-zero with a message
# naming every unmet expectation. Needs install.sh to have run.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
out="${BROWSERCHECK_SELFTEST_OUT:-$here/artifacts/selftest}"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
problems=0

problem() {
  echo "selftest: FAIL: $*" >&2
  problems=$((problems + 1))
}

# 1. Correct sites: exit 0, a closing line, a report and screenshots.
node check.mjs --out "$out/good" good=testdata/good based=testdata/based@/projet-social/ >"$out/good.log" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
  problem "good sites: want exit 0, got $rc; output:"
  sed 's/^/    /' "$out/good.log" >&2
fi
grep -Eq '^browsercheck: [0-9]+ passed, 0 failed$' "$out/good.log" || problem "good sites: no closing line 'browsercheck: N passed, 0 failed'"
[ -s "$out/good/report.json" ] || problem "good sites: no report.json"
for f in good/home-375.png good/home-1280.png based/home-375.png based/home-1280.png; do
  [ -s "$out/good/screenshots/$f" ] || problem "good sites: no screenshot $f"
done

# 2. A strict Content-Security-Policy: the good sites still pass, a page
# with inline script and style fails.
csp="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'"
node check.mjs --out "$out/csp" --csp "$csp" good=testdata/good >"$out/csp-good.log" 2>&1 ||
  problem "good site under a strict CSP: want exit 0; see $out/csp-good.log"
node check.mjs --out "$out/csp" --csp "$csp" inline=testdata/inline >"$out/csp-inline.log" 2>&1
[ $? -eq 1 ] || problem "inline script under a strict CSP: want exit 1"
grep -q "Executing inline script violates the following Content Security Policy" "$out/csp-inline.log" ||
  problem "inline script under a strict CSP: output does not name the violation"
grep -q "Applying inline style violates the following Content Security Policy" "$out/csp-inline.log" ||
  problem "inline style under a strict CSP: output does not name the violation"

# 3. Broken site: exit 1 and every planted mistake named. Its heavy page
# loads an image of 155 KB that does not compress, written here rather
# than kept in git: random pixels in a valid PNG, which the browser loads
# whole (random bytes, which are no image, it may stop reading part way).
cp -R testdata/broken "$out/broken-site"
node heavypng.mjs "$out/broken-site/images/lourde.png" || problem "cannot write the heavy image"
node check.mjs --out "$out/broken" broken="$out/broken-site" >"$out/broken.log" 2>&1
rc=$?
[ "$rc" -eq 1 ] || problem "broken site: want exit 1, got $rc"
expect() { # expect LABEL REGEX
  grep -Eq -- "$2" "$out/broken.log" || problem "broken site: output does not mention $1 (/$2/)"
}
expect "an image without alt (axe)" '\[axe\] image-alt'
expect "low-contrast text (axe)" '\[axe\] color-contrast'
expect "the external host" '\[request\] external: .*cdn\.example\.com'
expect "the broken internal link" '\[links\] broken: <a href="/page-introuvable/">'
expect "the duplicate id (vnu)" '\[vnu\] error: .*Duplicate ID'
expect "the stray end tag (vnu)" '\[vnu\] error: .*Stray end tag'
expect "the missing skip link" '/autre/: \[skiplink\]'
expect "the invisible focus" '\[focus\] focus-visible'
expect "the horizontal scrolling at 375 px" '\[reflow\] horizontal-scroll: .*p\.wide'
expect "the missing fragment target" '\[links\] fragment: .*nulle-part'
expect "the missing 404 page" '\[site\] 404'
expect "the chart never drawn" '\[chart\] not-drawn: chart #chart-vide'
expect "the request to /favicon.ico" '/autre/: \[icon\] favicon-ico: <img src="/favicon\.ico"> asks for /favicon\.ico'
expect "the page that declares no icon" '/gouvernance/: \[icon\] none'
expect "overlapping org chart labels at 375 px" '/gouvernance/: \[orgchart\] overlap: at 375 px'
expect "overlapping org chart labels at 1280 px" '/gouvernance/: \[orgchart\] overlap: at 1280 px'
expect "the chart library loaded before scrolling" '/graphique/: \[chart\] library-before-scroll: .*echarts\.min\.js'
expect "the page over its weight budget" '/lourde/: \[weight\] budget: first view weighs 1[5-9][0-9]\.[0-9] KB'
expect "the closing line" '^browsercheck: [0-9]+ passed, [1-9][0-9]* failed$'

secs=$(($(date +%s) - start))
if [ "$problems" -ne 0 ]; then
  echo "selftest: $problems expectation(s) failed (${secs} s); logs in $out" >&2
  echo "--- broken site output:" >&2
  sed 's/^/    /' "$out/broken.log" >&2
  exit 1
fi
echo "selftest: gate passes the good sites and catches every planted mistake (${secs} s)"
