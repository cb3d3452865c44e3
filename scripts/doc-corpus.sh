#!/usr/bin/env bash
# Saves every DOCX of ../shared/corpus/docx (or $REGRID_SHARED/corpus/docx) as a Word 97-2003
# .doc with LibreOffice, into .build/doc-corpus/doc/, and that .doc back as .docx into
# .build/doc-corpus/docx/ (cached: files already converted are kept). DOCCorpusTests reads the
# .doc files and compares them with the DOCX reader's reading of the LibreOffice .docx of the same
# .doc (and of the original DOCX). The corpus is not ours to commit: this runs where it is.
# No LibreOffice or no corpus: a message and exit 0.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${REGRID_SHARED:-$PWD/../shared}
SRC=$SHARED/corpus/docx
OUT=$PWD/.build/doc-corpus
if [ ! -d "$SRC" ]; then echo "doc-corpus: no $SRC; skipped"; exit 0; fi
if ! command -v soffice >/dev/null; then echo "doc-corpus: soffice (LibreOffice) not installed; skipped"; exit 0; fi
mkdir -p "$OUT/doc" "$OUT/docx"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
convert() {   # convert FORMAT OUTDIR FILES...
  local format=$1 dir=$2; shift 2
  [ $# -gt 0 ] || return 0
  timeout 900 soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$format" \
    --outdir "$dir" "$@" >/dev/null 2>&1 || echo "doc-corpus: soffice exited non-zero ($format)"
}
missing=()
for f in "$SRC"/*.docx; do [ -s "$OUT/doc/$(basename "${f%.docx}").doc" ] || missing+=("$f"); done
convert doc "$OUT/doc" "${missing[@]}"
missing=()
for f in "$OUT"/doc/*.doc; do [ -s "$OUT/docx/$(basename "${f%.doc}").docx" ] || missing+=("$f"); done
convert docx "$OUT/docx" "${missing[@]}"
echo "doc-corpus: $(ls "$OUT/doc" | grep -c '\.doc$') .doc and $(ls "$OUT/docx" | grep -c '\.docx$') round-trip .docx in $OUT"
