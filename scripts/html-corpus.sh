#!/usr/bin/env bash
# Converts every DOCX of ../shared/corpus/docx (or $REGRID_SHARED/corpus/docx) to HTML with
# LibreOffice (soffice --headless --convert-to html) and pandoc, into .build/html-corpus/soffice/
# and .build/html-corpus/pandoc/ (cached: files already converted are kept). HTMLCorpusTests reads
# them back and compares with the DOCX reading; Fuzz/fuzz.sh uses them as seeds.
# A tool that is absent is skipped with a message (exit 0); no corpus is exit 0 too.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${REGRID_SHARED:-$PWD/../shared}
SRC=$SHARED/corpus/docx
OUT=$PWD/.build/html-corpus
if [ ! -d "$SRC" ]; then echo "html-corpus: no $SRC; skipped"; exit 0; fi
mkdir -p "$OUT/soffice" "$OUT/pandoc"

if command -v pandoc >/dev/null; then
  for f in "$SRC"/*.docx; do
    out=$OUT/pandoc/$(basename "${f%.docx}").html
    [ -s "$out" ] || pandoc --quiet -s -f docx -t html -o "$out" "$f" 2>/dev/null || echo "html-corpus: pandoc failed on $(basename "$f")"
  done
else
  echo "html-corpus: pandoc not installed; pandoc pages skipped"
fi

if command -v soffice >/dev/null; then
  missing=()
  for f in "$SRC"/*.docx; do
    [ -s "$OUT/soffice/$(basename "${f%.docx}").html" ] || missing+=("$f")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    # A private profile, so that other LibreOffice processes on the machine do not collide.
    profile=$(mktemp -d)
    timeout 600 soffice -env:UserInstallation=file://"$profile" --headless --convert-to html \
      --outdir "$OUT/soffice" "${missing[@]}" >/dev/null 2>&1 || echo "html-corpus: soffice exited non-zero"
    rm -rf "$profile"
  fi
else
  echo "html-corpus: soffice (LibreOffice) not installed; LibreOffice pages skipped"
fi
echo "html-corpus: $(ls "$OUT/soffice" | grep -c '\.html$') LibreOffice and $(ls "$OUT/pandoc" | grep -c '\.html$') pandoc pages in $OUT"
