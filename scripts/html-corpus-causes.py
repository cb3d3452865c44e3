#!/usr/bin/env python3
"""Why a corpus table read from HTML differs from its DOCX reading: the converter's page, or the reader.

For every table of ../shared/corpus/docx converted by scripts/html-corpus.sh, compares three things:
the DOCX reading, the HTML reading (both through `regrid convert`), and an independent reference
built from the HTML page itself by Python's html.parser with the HTML table algorithm (rowspan,
colspan, 0 and oversized spans as browsers take them). A table whose HTML reading differs from the
DOCX reading but equals the reference was changed by the converter; one that equals neither is a
reader difference. Usage: scripts/html-corpus-causes.py [soffice|pandoc] (both by default).
"""
import json, os, subprocess, sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("REGRID_SHARED", os.path.join(ROOT, "..", "shared"))
REGRID = os.path.join(ROOT, ".build", "debug", "regrid")

def norm(text):
    return " ".join(text.split())

def regrid_tables(path):
    out = subprocess.run([REGRID, "convert", path], capture_output=True, text=True)
    if out.returncode != 0:
        return []
    tables = []
    def visit(blocks):
        for b in blocks:
            if b["type"] == "table":
                tables.append((b["rows"], b["columns"], tuple(sorted(
                    (c["row"], c["column"], c.get("rowSpan", 1), c.get("colSpan", 1), norm(c["text"])) for c in b["cells"]))))
                for c in b["cells"]:
                    visit(c.get("blocks") or [])
    visit(json.loads(out.stdout)["blocks"])
    return tables

class Reference(HTMLParser):
    """Tables of a page by the HTML table algorithm; cell text is all text inside, nested included."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.done, self.skip = [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "head"): self.skip += 1
        elif tag == "table": self.stack.append({"rows": [], "start": len(self.done)})
        elif self.stack and tag == "tr": self.stack[-1]["rows"].append([])
        elif self.stack and tag in ("td", "th"):
            t = self.stack[-1]
            if not t["rows"]: t["rows"].append([])
            def span(v, d, hi):
                try: n = int("".join(ch for ch in (v or "").strip() if ch.isdigit())[:6] or d)
                except ValueError: n = d
                return min(n, hi)
            t["rows"][-1].append([span(a.get("colspan"), 1, 1000) or 1, span(a.get("rowspan"), 1, 65534), []])
    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"): self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.stack:
            t = self.stack.pop()
            self.done.insert(t["start"], self.grid(t["rows"]))
            if self.stack and self.stack[-1]["rows"] and self.stack[-1]["rows"][-1]:
                self.stack[-1]["rows"][-1][-1][2].append(" ".join(c for row in t["rows"] for cell in row for c in cell[2]))
    def handle_data(self, data):
        if self.skip or not self.stack: return
        t = self.stack[-1]
        if t["rows"] and t["rows"][-1]: t["rows"][-1][-1][2].append(data.replace("\xa0", " "))
    @staticmethod
    def grid(rows):
        taken, cells, width = set(), [], 0
        for r, row in enumerate(rows):
            c = 0
            for colspan, rowspan, text in row:
                while (r, c) in taken: c += 1
                rs = len(rows) - r if rowspan == 0 else min(rowspan, len(rows) - r)
                for dr in range(rs):
                    for dc in range(colspan): taken.add((r + dr, c + dc))
                cells.append((r, c, rs, colspan, norm(" ".join(text))))
                c += colspan
            width = max([width] + [cc + 1 for (rr, cc) in taken if rr == r])
        for r in range(len(rows)):
            c = 0
            while c < width:
                if (r, c) in taken: c += 1; continue
                e = c
                while e < width and (r, e) not in taken: e += 1
                cells.append((r, c, 1, e - c, "")); c = e
        return (len(rows), width, tuple(sorted(cells)))

def main():
    converters = sys.argv[1:] or ["soffice", "pandoc"]
    for conv in converters:
        counts = {"equal": 0, "converter": 0, "reader": 0, "missing": 0}
        for name in sorted(os.listdir(os.path.join(SHARED, "corpus", "docx"))):
            stem = name[:-5]
            page = os.path.join(ROOT, ".build", "html-corpus", conv, stem + ".html")
            if not name.endswith(".docx") or not os.path.exists(page): continue
            docx = regrid_tables(os.path.join(SHARED, "corpus", "docx", name))
            html = regrid_tables(page)
            ref = Reference(); ref.feed(open(page, encoding="utf-8", errors="replace").read())
            refs = set(ref.done)
            for i, d in enumerate(docx):
                h = html[i] if i < len(html) else None
                if h == d: counts["equal"] += 1
                elif h is None: counts["missing"] += 1
                elif h in refs: counts["converter"] += 1
                else: counts["reader"] += 1
        total = sum(counts.values())
        print(f"{conv}: {total} tables: {counts['equal']} equal to the DOCX reading, "
              f"{counts['converter']} as the page has them (the converter changed the table), "
              f"{counts['reader']} differ from the page's own table algorithm, {counts['missing']} not read (fewer tables)")

if __name__ == "__main__":
    main()
