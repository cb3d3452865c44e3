#!/usr/bin/env python3
"""Real-weight DOCX corpora for `make bench` (issue 12).

The generated reports are 3-part packages (no styles, numbering, theme or settings parts); real
Word, WPS and python-docx files carry them, and styles.xml is often larger than the body.

  real_weight.py python-docx SRC_DIR DST_DIR
      every SRC_DIR/*.docx saved through python-docx's default template: the report's
      w:body goes into `docx.Document()` (the template Word 2010 wrote for python-docx: a
      439 KB styles.xml, a 438 KB stylesWithEffects.xml, numbering, theme, settings, font
      table, web settings, core/app properties, a thumbnail), which python-docx then saves.
  real_weight.py replicate SRC_DIR DST_DIR N
      the DOCX of SRC_DIR (e.g. ../shared/corpus/docx) copied round-robin to N files; those
      the python-docx peer (walk_docx.py) cannot walk are left out, named on stderr.

Both depend on their inputs only: the same inputs give the same parts (python-docx stamps the
save time into the zip entries and docProps/core.xml). DST_DIR is written only when it does not
exist yet (built in DST_DIR.partial, then renamed).
"""
import os, shutil, sys, zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_files(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".docx"))


def python_docx(src, dst):
    import docx
    from lxml import etree
    tmp = dst + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for path in docx_files(src):
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        body = root.find(f"{{{W}}}body")
        document = docx.Document()
        document.element.replace(document.element.body, body)
        document.save(os.path.join(tmp, os.path.basename(path)))
    os.rename(tmp, dst)


def readable(path):
    """True when the python-docx peer (`walk_docx.py`: open, walk every table cell) reads `path`."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from walk_docx import walk
    try:
        walk(path)
        return True
    except Exception as e:
        print(f"[bench] left out of the replicated set: {os.path.basename(path)} "
              f"(python-docx: {type(e).__name__}: {str(e)[:80]})", file=sys.stderr)
        return False


def replicate(src, dst, n):
    files = [f for f in docx_files(src) if readable(f)]
    tmp = dst + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for i in range(n):
        path = files[i % len(files)]
        shutil.copyfile(path, os.path.join(tmp, f"{i:05d}-{os.path.basename(path)}"))
    os.rename(tmp, dst)


def main(argv):
    if len(argv) >= 3 and os.path.exists(argv[2]):
        return
    if len(argv) == 3 and argv[0] == "python-docx":
        python_docx(argv[1], argv[2])
    elif len(argv) == 4 and argv[0] == "replicate":
        replicate(argv[1], argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
