#!/usr/bin/env bash
# Checks that Regrid's XLSX opens in LibreOffice with the right values and merges:
#   scripts/check-xlsx-libreoffice.sh [INPUT]
# Converts INPUT (default: the writers' fixture, canonical JSON with merged cells) to XLSX with
# regrid, has LibreOffice convert every sheet to CSV, and compares each sheet with regrid's own
# grid CSV of the same table (a merged cell's text in its top-left slot, the rest empty: what a
# spreadsheet shows for a real merge). Also checks that LibreOffice kept the merged ranges, by
# round-tripping the workbook through LibreOffice's own XLSX export.
# Needs soffice (Debian: apt-get install -y libreoffice-calc-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Tests/RegridKitTests/Fixtures/writers/report.json}
command -v soffice >/dev/null || { echo "check-xlsx: soffice not found (apt-get install -y libreoffice-calc-nogui)" >&2; exit 2; }
swift build --product regrid >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
regrid=.build/debug/regrid
$regrid convert "$input" -t xlsx -o "$work/book.xlsx"
$regrid convert "$input" -t csv -o "$work/expected/"
$regrid convert "$input" -t json -o "$work/doc.json"
# 44 = comma, 34 = quote, 76 = UTF-8, 1 = from line 1; token 9 'true' = values as shown; token 12 -1 = every sheet.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$work/lo" "$work/book.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/lo" "$work/book.xlsx" >/dev/null 2>&1 || true
python3 - "$work" <<'PY'
import csv, glob, json, os, re, sys, zipfile
work = sys.argv[1]
doc = json.load(open(os.path.join(work, "doc.json"), encoding="utf-8"))
tables = [b for b in doc["blocks"] if b["type"] == "table"]
failures = 0
for t in tables:
    expected_files = glob.glob(os.path.join(work, "expected", f"*-{t['id']}.csv"))
    got_file = os.path.join(work, "lo", f"book-{t['id']}.csv")
    if not os.path.exists(got_file):
        print(f"FAIL {t['id']}: LibreOffice wrote no CSV for the sheet"); failures += 1; continue
    expected = list(csv.reader(open(expected_files[0], encoding="utf-8", newline="")))
    got = list(csv.reader(open(got_file, encoding="utf-8-sig", newline="")))
    if got == expected:
        print(f"ok   {t['id']}: {len(got)} rows x {len(got[0]) if got else 0} columns, values as written")
    else:
        failures += 1
        print(f"FAIL {t['id']}: values differ")
        for r, (a, b) in enumerate(zip(expected, got)):
            if a != b: print(f"  row {r}: expected {a}\n  row {r}:      got {b}")
# Merged ranges as LibreOffice saved them again.
resaved = os.path.join(work, "lo", "book.xlsx")
if os.path.exists(resaved):
    with zipfile.ZipFile(resaved) as z:
        names = re.findall(r'<sheet name="([^"]+)"[^>]*r:id="(rId\d+)"', z.read("xl/workbook.xml").decode())
        rels = {}
        relxml = z.read("xl/_rels/workbook.xml.rels").decode()
        for rel in re.findall(r'<Relationship [^>]*>', relxml):
            i = re.search(r'Id="([^"]+)"', rel).group(1); tgt = re.search(r'Target="([^"]+)"', rel).group(1)
            rels[i] = tgt
        for (name, rid), t in zip(names, tables):
            xml = z.read("xl/" + rels[rid].lstrip("/").replace("xl/", "")).decode()
            got = sorted(re.findall(r'<mergeCell ref="([^"]+)"', xml))
            def col(n):
                s = ""
                n += 1
                while n: n, d = divmod(n - 1, 26); s = chr(65 + d) + s
                return s
            want = sorted(f"{col(c['column'])}{c['row']+1}:{col(c['column']+c['colSpan']-1)}{c['row']+c['rowSpan']}"
                          for c in t["cells"] if c["rowSpan"] > 1 or c["colSpan"] > 1)
            if got == want:
                print(f"ok   {t['id']}: merges kept by LibreOffice: {' '.join(got) or 'none'}")
            else:
                failures += 1
                print(f"FAIL {t['id']}: merges expected {want}, LibreOffice kept {got}")
else:
    print("note: LibreOffice did not re-save the workbook; merges not checked")
print(f"{len(tables) * 2 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
PY
