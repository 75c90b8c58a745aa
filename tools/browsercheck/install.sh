#!/usr/bin/env bash
# Installs what the browser quality gate needs on a fresh Debian 12 machine.
# Run as root. Idempotent: a second run only re-runs `npm ci` (a few seconds).
#
#   - Debian's chromium (never a browser downloaded by a tool),
#   - a Java runtime for the Nu HTML Checker, only if `java` is absent,
#   - libxml2-utils (xmllint, used by the Go tests for feed/sitemap well-formedness),
#   - the npm packages pinned in package-lock.json (lighthouse among them,
#     for lighthouse.sh), without install scripts
#     (vnu-jar's postinstall would try to download a Java runtime).
#
# Output: nothing but errors, then one summary line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Runs a command with its output in $log; on failure prints the log and exits.
quiet() {
  if ! "$@" >"$log" 2>&1; then
    echo "install.sh: failed: $*" >&2
    cat "$log" >&2
    exit 1
  fi
}

pkgs=()
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
command -v xmllint >/dev/null 2>&1 || pkgs+=(libxml2-utils)
command -v java >/dev/null 2>&1 || pkgs+=(default-jre-headless)

if [ "${#pkgs[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: must run as root to install: ${pkgs[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  quiet apt-get update -qq
  quiet apt-get install -y -qq --no-install-recommends "${pkgs[@]}" fonts-dejavu-core fonts-liberation
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install.sh: node and npm are required (Node >= 20)" >&2
  exit 1
fi

cd "$here"
quiet npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

echo "browsercheck install: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), java $(java -version 2>&1 | awk -F'"' 'NR==1{print $2}'), $(node -p "const l=require('./package-lock.json').packages; ['playwright-core','axe-core','vnu-jar','lighthouse'].map(n=>n+' '+l['node_modules/'+n].version).join(', ')")${pkgs:+ (apt: ${pkgs[*]})}"
