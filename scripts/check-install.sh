#!/usr/bin/env bash
# Installs regrid into a temporary prefix (make install PREFIX=…), then runs the installed copy
# from another folder with the build tree hidden and a bare environment: it must convert and
# check the seed report and the bundled samples without the toolchain or a resource bundle.
# Usage: scripts/check-install.sh   (from the repository; needs ../shared for the seed, else
# only the samples are converted)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
work=$(mktemp -d)
hidden="$repo/.build-hidden-by-install-check"
restore() {
  if [ -d "$hidden" ]; then rm -rf "$repo/.build"; mv "$hidden" "$repo/.build"; fi
  rm -rf "$work"
}
trap restore EXIT

make --no-print-directory install PREFIX="$work/prefix" >/dev/null
regrid="$work/prefix/bin/regrid"
# The installed binary links no Swift runtime library from the toolchain.
if ldd "$regrid" | grep -E 'libswift|libFoundation|libdispatch|/opt/swift' ; then
  echo "check-install: $regrid still needs the Swift toolchain's libraries" >&2
  exit 1
fi
mv "$repo/.build" "$hidden"
mkdir -p "$work/elsewhere"
cp Samples/annual-report-2019.docx Samples/annual-report-2019.flat.txt "$work/elsewhere/"
cp Tests/RegridKitTests/Fixtures/pdf-text/pdf-2021-d.pdf "$work/elsewhere/report.pdf"
seed=$(ls "$repo"/../shared/seed/*.txt 2>/dev/null | head -n 1 || true)
[ -n "$seed" ] && cp "$seed" "$work/elsewhere/seed.txt"
cd "$work/elsewhere"
run() { env -i PATH=/usr/bin:/bin HOME="$work" "$regrid" "$@"; }
run --version
run convert annual-report-2019.docx -o report.html
grep -q '<table' report.html
run convert annual-report-2019.flat.txt -o report.xlsx
# Outputs go to files: `| grep -q` would stop reading early and the SIGPIPE fail the pipeline.
run extract annual-report-2019.docx > report-figures.json
grep -q '"layout"' report-figures.json
# A PDF: poppler-glib is loaded when a PDF is read, not linked (start-up stays small): read
# where libpoppler-glib8 is installed, refused with what to do where it is not.
ldd "$regrid" > "$work/libraries.txt"
if grep -q poppler "$work/libraries.txt"; then
  echo "check-install: regrid links poppler; it should load it only for a PDF" >&2; exit 1
fi
if /sbin/ldconfig -p 2>/dev/null | grep -q 'libpoppler-glib\.so\.8'; then
  run extract report.pdf > pdf-figures.json
  grep -q '"layout"' pdf-figures.json
fi
message=$(env -i PATH=/usr/bin:/bin HOME="$work" REGRID_POPPLER_LIBRARY="$work/none/libpoppler-glib.so.8" \
  "$regrid" convert report.pdf 2>&1 >/dev/null || true)
case "$message" in
  *"libpoppler-glib8"*) ;;
  *) echo "check-install: without poppler a PDF was not refused with what to install: $message" >&2; exit 1 ;;
esac
if [ -f seed.txt ]; then
  run convert seed.txt -o seed.json
  grep -q '"template"' seed.json   # the built-in layouts matched: they are in the binary
  status=0; run check seed.txt >/dev/null || status=$?
  [ "$status" = 1 ] || { echo "check-install: regrid check on the seed exited $status, expected 1 (its two planted violations)" >&2; exit 1; }
fi
echo "check-install: the installed regrid ($(du -h "$regrid" | cut -f1)) runs from $work/elsewhere with the build tree hidden"
