#!/usr/bin/env bash
# Rebuilds themes/default/static/js/echarts.min.js from the pinned npm
# release of Apache ECharts (package-lock.json), with only the charts and
# components Jalons uses, and records its version and checksum, which
# internal/render's tests check. Run it after changing the version or the
# entry file, then commit the output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../themes/default/static/js"
cd "$here"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node node_modules/esbuild/bin/esbuild entry.js --bundle --minify --format=iife \
  --legal-comments=none --target=es2019 --outfile="$out/echarts.min.js"
cp node_modules/echarts/LICENSE "$out/echarts.LICENSE"
cp node_modules/echarts/NOTICE "$out/echarts.NOTICE"
version=$(node -p "require('./node_modules/echarts/package.json').version")
sum=$(sha256sum "$out/echarts.min.js" | cut -d' ' -f1)
printf 'echarts %s\nsha256 %s\n' "$version" "$sum" > "$out/echarts.VERSION"
gz=$(gzip -9 -c "$out/echarts.min.js" | wc -c)
echo "echarts $version: $(wc -c < "$out/echarts.min.js") bytes, $gz gzipped"
