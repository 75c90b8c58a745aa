#!/usr/bin/env bash
# Proves that a change did not change the output: builds the generated
# site of N actions (default 10,000; internal/benchsite of this work tree)
# with the jalons of two commits, describing the same day, and compares the
# two outputs byte for byte.
#
#   bash tools/samebytes.sh OLD [NEW]
#   N=1000 bash tools/samebytes.sh main HEAD
#
# NEW defaults to the work tree as it is. Prints the files that differ
# (diff -rq, at most 20), a sha256 of each tree, and a one-line verdict;
# exits 1 when the outputs differ.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bash tools/samebytes.sh OLD [NEW]}
new=${2:-}
n=${N:-10000}
today=2026-12-01
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/src-old" >/dev/null 2>&1 || true; git worktree remove --force "$tmp/src-new" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

# binary COMMIT-OR-EMPTY NAME builds jalons of a commit, or of the work tree.
binary() {
  if [ -z "$1" ]; then
    go build -o "$tmp/$2" ./cmd/jalons
  else
    git worktree add -q --detach "$tmp/src-$2" "$1"
    (cd "$tmp/src-$2" && go build -o "$tmp/$2" ./cmd/jalons)
  fi
}
binary "$old" old
binary "$new" new
go run ./internal/benchsite/cmd -n "$n" -o "$tmp/site"

# tree DIR prints one sha256 for every file's path and bytes.
tree() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

for v in old new; do
  "$tmp/$v" build -source "$tmp/site" -destination "$tmp/public-$v" -today "$today" >/dev/null
done
files=$(find "$tmp/public-new" -type f | wc -l)
sum_old=$(tree "$tmp/public-old")
sum_new=$(tree "$tmp/public-new")
old_name=$old
new_name=${new:-"work tree"}
if diff -rq "$tmp/public-old" "$tmp/public-new" >"$tmp/diff"; then
  echo "same bytes: $files files of the $n-action site, $old_name and $new_name, sha256 $sum_new"
else
  sed "s|$tmp/||g" "$tmp/diff" | head -20
  echo "DIFFERENT: $n-action site, $old_name (sha256 $sum_old) and $new_name (sha256 $sum_new), $(wc -l <"$tmp/diff") files differ"
  exit 1
fi
