#!/usr/bin/env bash
# Issue 8's "flattened text of one 500 MB line", too big for the unit tests (which run 50 MB):
# builds the release `regrid`, writes a single 500 MB line to a temp file, converts it, and prints
# the exit status, wall time and peak RSS. Usage: scripts/hostile-huge-line.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-500}
swift build -c release --product regrid >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c $((MB * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$dir/line.txt"
set +e
/usr/bin/time -f "wall %e s, peak RSS %M KiB" .build/release/regrid convert "$dir/line.txt" -o "$dir/out.json"
status=$?
set -e
echo "exit status $status; output $(stat -c %s "$dir/out.json" 2>/dev/null || echo 0) bytes"
