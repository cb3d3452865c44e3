#!/bin/sh
# Makes the PDF-text fixtures of Tests/RegridKitTests/Fixtures/pdf-text/: the generated reports of
# DisclosureFixtureSet.pdf as DOCX (regrid-samples), as PDF (LibreOffice, with a CJK font such as
# fonts-wqy-zenhei; the PDFs are kept: regrid reads them directly), and as text from Tika (the
# extractous wheel), pdftotext and pdftotext -layout.
# Skipped, with a message, where a tool is missing.
set -eu
cd "$(dirname "$0")/.."
out=${1:-Tests/RegridKitTests/Fixtures/pdf-text}
for tool in soffice pdftotext python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "pdf-text-fixtures: skipped: $tool is not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)"; exit 0; }
done
python3 -c 'import extractous' 2>/dev/null || { echo "pdf-text-fixtures: skipped: the extractous wheel is not installed (pip install extractous)"; exit 0; }
fc-list 2>/dev/null | grep -qi -e zenhei -e 'noto sans cjk' -e 'noto serif cjk' || { echo "pdf-text-fixtures: skipped: no CJK font (apt-get install fonts-wqy-zenhei): the PDF would have no usable text"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product regrid-samples >/dev/null
"$(swift build --show-bin-path)/regrid-samples" --pdf-fixtures "$work/docx" >/dev/null
soffice --headless --convert-to pdf --outdir "$work/pdf" "$work"/docx/*.docx >/dev/null 2>&1
mkdir -p "$out"
for pdf in "$work"/pdf/*.pdf; do
    name=$(basename "$pdf" .pdf)
    cp "$pdf" "$out/$name.pdf"
    pdftotext "$pdf" "$out/$name.pdftotext.txt"
    pdftotext -layout "$pdf" "$out/$name.layout.txt"
    python3 - "$pdf" "$out/$name.tika.txt" <<'PY'
import sys, extractous
text, _ = extractous.Extractor().extract_file_to_string(sys.argv[1])
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
done
echo "pdf-text-fixtures: $(ls "$work"/pdf/*.pdf | wc -l) reports, 3 texts each, in $out"
