#!/usr/bin/env bash
# Renders Regrid's HTML output in headless Chromium and saves a screenshot, to look at.
#   scripts/screenshot-html.sh [INPUT] [OUT.png] [WIDTHxHEIGHT]
# INPUT defaults to the writers' test fixture (canonical JSON with merged cells); any input
# `regrid convert` reads works. Needs chromium (Debian: apt-get install -y chromium) and, for
# Chinese text, a CJK font (apt-get install -y fonts-wqy-microhei or fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Tests/RegridKitTests/Fixtures/writers/report.json}
png=${2:-out/screenshot.png}
size=${3:-1200x900}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "screenshot-html: no chromium found; install it (Debian: apt-get install -y chromium)" >&2
  exit 2
fi
swift build --product regrid >/dev/null
mkdir -p "$(dirname "$png")"
html="$(dirname "$png")/$(basename "$png" .png).html"
.build/debug/regrid convert "$input" -t html -o "$html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --screenshot="$png" "file://$(realpath "$html")" >/dev/null 2>&1
[ -s "$png" ] || { echo "screenshot-html: chromium wrote no screenshot" >&2; exit 1; }
echo "$png ($(wc -c <"$png") bytes) from $html"
