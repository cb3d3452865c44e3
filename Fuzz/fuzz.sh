#!/usr/bin/env bash
# Builds and runs the libFuzzer targets, outside the package build (the main `swift build` and
# `swift test` never see Fuzz/).
#   Fuzz/fuzz.sh build              build every target into .build-fuzz/ (pdf only where poppler-glib is installed)
#   Fuzz/fuzz.sh run TARGET [SECS]  fuzz one target (docx | doc | flat | html | plain | pdf) for SECS seconds (default 60)
#   Fuzz/fuzz.sh all [SECS]         build, then fuzz each target for SECS seconds
# Seeds are generated into .build-fuzz/seeds-* from ../shared/corpus (never committed; for html,
# the corpus DOCX as pandoc and LibreOffice write them, from scripts/html-corpus.sh's cache) plus the
# regression inputs under Tests/RegridKitTests/Fixtures/fuzz/. Findings land in .build-fuzz/findings-*.
# Extra libFuzzer flags: FUZZ_FLAGS="-jobs=2 -workers=2" etc.; FUZZ_SANITIZE=fuzzer builds without
# AddressSanitizer (faster; the Swift code is memory-safe, ASan mostly guards the C boundary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build-fuzz
SHARED=${REGRID_SHARED:-$ROOT/../shared}
SWIFTC=${SWIFTC:-swiftc}
mkdir -p "$OUT"

build_one() { # name source [extra swiftc flags]
  local name=$1 src=$2
  shift 2
  mapfile -t sources < <(find Sources/RegridKit -name '*.swift' | sort)
  # SwiftPM generates Bundle.module for RegridKit's resources; point it at the source folder here.
  printf 'import Foundation\nextension Foundation.Bundle {\n    static let module: Bundle = Bundle(path: "%s/Sources/RegridKit/Layout") ?? Bundle.main\n}\n' "$ROOT" > "$OUT/ResourceBundle.swift"
  sources+=("$OUT/ResourceBundle.swift")
  # The layout templates are compiled into the library by the EmbedTemplates build-tool plugin:
  # take its generated file from the package build (building RegridKit once if it is not there).
  local embedded
  embedded=$(find .build/plugins/outputs -name EmbeddedTemplates.swift -path '*RegridKit*' 2>/dev/null | head -1)
  if [ -z "$embedded" ]; then
    swift build --target RegridKit >/dev/null
    embedded=$(find .build/plugins/outputs -name EmbeddedTemplates.swift -path '*RegridKit*' | head -1)
  fi
  cp "$embedded" "$OUT/EmbeddedTemplates.swift"   # a copy: a package build may rewrite the original meanwhile
  sources+=("$OUT/EmbeddedTemplates.swift" Fuzz/FuzzSupport.swift)
  echo "building $name"
  "$SWIFTC" -parse-as-library -module-name "$name" -sanitize="${FUZZ_SANITIZE:-fuzzer,address}" -O -g \
    -I Sources/CLibXML2 -I Sources/CLibZip -I Sources/CLibCrypto $(pkg-config --cflags-only-I libxml-2.0 libzip libcrypto | sed 's/-I/-Xcc -I/g') \
    "$@" "${sources[@]}" "$src" -o "$OUT/$name" 2>&1 | { grep -v "Cannot export local symbol" || true; }
}

# The PDF target compiles in Sources/CPopplerRuntime (the C loader that opens poppler-glib with
# dlopen at the first PDF; not instrumented, like poppler itself): without it the PDF reader is
# compiled out and the target refuses to run. It needs libpoppler-glib8 at run time.
build_pdf() {
  if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libpoppler-glib\.so\.8'; then
    echo "FuzzPDF: skipped: poppler-glib is not installed (apt-get install libpoppler-glib8)"; return 0
  fi
  local module=$OUT/CPopplerRuntime
  mkdir -p "$module"
  printf 'module CPopplerRuntime {\n    header "%s/Sources/CPopplerRuntime/include/CPopplerRuntime.h"\n    export *\n}\n' "$ROOT" > "$module/module.modulemap"
  clang -O1 -g -c Sources/CPopplerRuntime/poppler_runtime.c -I Sources/CPopplerRuntime/include -o "$module/poppler_runtime.o"
  build_one FuzzPDF Fuzz/FuzzPDF/FuzzPDF.swift -I "$module" "$module/poppler_runtime.o" -ldl
}

seeds() { # target
  local dir=$OUT/seeds-$1
  rm -rf "$dir"; mkdir -p "$dir"
  case $1 in
    docx)
      # mode byte 0x00 + whole package; mode byte 0x01 + document.xml alone
      python3 - "$SHARED" "$dir" <<'PY'
import os, sys, zipfile, hashlib
shared, out = sys.argv[1], sys.argv[2]
def put(data):
    if len(data) > 512 * 1024: return
    open(os.path.join(out, hashlib.sha1(data).hexdigest()[:16]), 'wb').write(data)
for sub in ('corpus/docx', 'corpus/malformed'):
    d = os.path.join(shared, sub)
    if not os.path.isdir(d): continue
    for name in sorted(os.listdir(d)):
        if not name.endswith('.docx'): continue
        raw = open(os.path.join(d, name), 'rb').read()
        put(b'\x00' + raw)
        try:
            with zipfile.ZipFile(os.path.join(d, name)) as z:
                put(b'\x01' + z.read('word/document.xml'))
        except Exception:
            pass
PY
      ;;
    flat)
      for sub in corpus/flat corpus/flat-rowline seed; do
        [ -d "$SHARED/$sub" ] || continue
        find "$SHARED/$sub" -name '*.txt' -size -512k -exec cp {} "$dir/" \;
      done
      ;;
    html)
      scripts/html-corpus.sh >/dev/null || echo "no converted corpus pages (pandoc/soffice absent); handmade seeds only"
      find .build/html-corpus -name '*.htm*' -size -512k 2>/dev/null | while read -r f; do
        cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
      done
      ;;
    doc)
      # Word 97-2003 files: our report saved as .doc, and the corpus saved as .doc by LibreOffice
      # (scripts/doc-corpus.sh's cache); files over 256 KB are cut by libFuzzer's -max_len anyway.
      cp Tests/RegridKitTests/Fixtures/doc/*.doc "$dir/"
      scripts/doc-corpus.sh >/dev/null || echo "no .doc corpus (soffice absent); the fixture only"
      find "${REGRID_DOC_CORPUS:-.build/doc-corpus}/doc" -name '*.doc' -size -1024k 2>/dev/null -exec cp {} "$dir/" \;
      ;;
    plain)
      # Our reports' PDF texts (committed) and the corpus DOCX as -layout text (scripts/pdf-layout-corpus.sh's cache).
      cp Tests/RegridKitTests/Fixtures/pdf-text/*.txt "$dir/"
      scripts/pdf-layout-corpus.sh >/dev/null || echo "no -layout corpus texts (soffice/pdftotext absent); fixtures only"
      find "${REGRID_PDF_LAYOUT_CACHE:-.build/pdf-layout-corpus}" -name '*.layout.txt' -size -256k 2>/dev/null -exec cp {} "$dir/" \;
      ;;
    pdf)
      # Our reports as PDF (committed) and the corpus DOCX as LibreOffice PDF (scripts/pdf-layout-corpus.sh's cache).
      cp Tests/RegridKitTests/Fixtures/pdf-text/*.pdf "$dir/"
      scripts/pdf-layout-corpus.sh >/dev/null || echo "no corpus PDFs (soffice/pdftotext absent); fixtures only"
      find "${REGRID_PDF_LAYOUT_CACHE:-.build/pdf-layout-corpus}/pdf" -name '*.pdf' -size -256k 2>/dev/null -exec cp {} "$dir/" \;
      ;;
  esac
  if [ -d "Tests/RegridKitTests/Fixtures/fuzz/$1" ]; then cp Tests/RegridKitTests/Fixtures/fuzz/"$1"/* "$dir/" 2>/dev/null || true; fi
  echo "$(ls "$dir" | wc -l) seeds in $dir"
}

run_one() { # target seconds
  local target=$1 secs=${2:-60} bin
  case $target in docx) bin=$OUT/FuzzDOCX;; doc) bin=$OUT/FuzzDOC;; flat) bin=$OUT/FuzzFlatText;; html) bin=$OUT/FuzzHTML;; plain) bin=$OUT/FuzzPlainText;; pdf) bin=$OUT/FuzzPDF;; *) echo "unknown target $target"; exit 2;; esac
  if [ ! -x "$bin" ]; then if [ "$target" = pdf ]; then build_pdf; else build; fi; fi
  [ -x "$bin" ] || { echo "$target: not built; skipped"; return 0; }
  seeds "$target"
  mkdir -p "$OUT/corpus-$target" "$OUT/findings-$target"
  # -rss_limit_mb: a reader that needs more than 2 GB on a fuzz input is a finding too.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$bin" "$OUT/corpus-$target" "$OUT/seeds-$target" \
    -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$OUT/findings-$target/" -print_final_stats=1 ${FUZZ_FLAGS:-} 2>&1 | tee "$OUT/log-$target.txt" | grep -v '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' || true
  echo "findings: $(ls "$OUT/findings-$target" | wc -l) file(s) in $OUT/findings-$target"
}

build() {
  build_one FuzzDOCX Fuzz/FuzzDOCX/FuzzDOCX.swift
  build_one FuzzDOC Fuzz/FuzzDOC/FuzzDOC.swift
  build_one FuzzFlatText Fuzz/FuzzFlatText/FuzzFlatText.swift
  build_one FuzzHTML Fuzz/FuzzHTML/FuzzHTML.swift
  build_one FuzzPlainText Fuzz/FuzzPlainText/FuzzPlainText.swift
  build_pdf
}

case ${1:-all} in
  build) build ;;
  build-one) case ${2:?target} in docx) build_one FuzzDOCX Fuzz/FuzzDOCX/FuzzDOCX.swift;; doc) build_one FuzzDOC Fuzz/FuzzDOC/FuzzDOC.swift;; flat) build_one FuzzFlatText Fuzz/FuzzFlatText/FuzzFlatText.swift;; html) build_one FuzzHTML Fuzz/FuzzHTML/FuzzHTML.swift;; plain) build_one FuzzPlainText Fuzz/FuzzPlainText/FuzzPlainText.swift;; pdf) build_pdf;; esac ;;
  run) run_one "${2:?target}" "${3:-60}" ;;
  all) build; run_one docx "${2:-60}"; run_one doc "${2:-60}"; run_one flat "${2:-60}"; run_one html "${2:-60}"; run_one plain "${2:-60}"; run_one pdf "${2:-60}" ;;
  *) echo "usage: $0 build | build-one docx|doc|flat|html|plain|pdf | run docx|doc|flat|html|plain|pdf [secs] | all [secs]"; exit 2 ;;
esac
