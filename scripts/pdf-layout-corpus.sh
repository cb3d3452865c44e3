#!/bin/sh
# Makes the `pdftotext -layout` texts of every DOCX of ../shared/corpus/docx (or
# $REGRID_SHARED/corpus/docx) in a cache folder, for PDFLayoutCorpusTests: each DOCX into PDF by
# LibreOffice, each PDF into text by poppler's `pdftotext -layout`. The texts are NOT committed
# (the corpus documents' licences vary): the test reads them from the cache
# ($REGRID_PDF_LAYOUT_CACHE, default .build/pdf-layout-corpus) and says it is skipped without them.
# Skipped, with a message, where a tool or the corpus is missing.
set -eu
cd "$(dirname "$0")/.."
shared=${REGRID_SHARED:-../shared}
out=${REGRID_PDF_LAYOUT_CACHE:-.build/pdf-layout-corpus}
[ -d "$shared/corpus/docx" ] || { echo "pdf-layout-corpus: skipped: $shared/corpus/docx is absent"; exit 0; }
for tool in soffice pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || { echo "pdf-layout-corpus: skipped: $tool is not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)"; exit 0; }
done
mkdir -p "$out/pdf"
# One LibreOffice process for all files (a profile of its own, so a running soffice is not disturbed).
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out/pdf" "$shared"/corpus/docx/*.docx >/dev/null 2>&1 || true
n=0
for pdf in "$out"/pdf/*.pdf; do
    [ -e "$pdf" ] || continue
    name=$(basename "$pdf" .pdf)
    pdftotext -layout "$pdf" "$out/$name.layout.txt" && n=$((n + 1))
done
echo "pdf-layout-corpus: $n of $(ls "$shared"/corpus/docx/*.docx | wc -l) documents as -layout text in $out"
