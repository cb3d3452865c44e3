#!/usr/bin/env python3
"""Writes toc-tabs.docx: a report whose body is full of paragraphs that begin with typed TABs
(a table of contents with TABs before the page numbers, TAB-indented paragraphs, some right
before and right after tables) around four tables (header + data, a cell of several paragraphs, a merged header,
a vertical merge, a one-column table). Its Tika 2.9.2 text (cell per line) is made with
    python3 ../shared/tools/tika_emulate.py toc-tabs.docx -o toc-tabs.tika.txt
Run from this folder: python3 make_toc_fixture.py (needs python-docx)."""
from docx import Document
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

doc = Document()
doc.add_paragraph("Annual Maintenance Report")
doc.add_paragraph("Contents")
for i, (title, page) in enumerate([("Introduction", 1), ("Scope", 2), ("Equipment", 3), ("Findings", 5),
                                   ("Costs", 7), ("Staff", 8), ("Outlook", 9)]):
    # Word's TOC lines: number, TAB, title, TAB (leader dots) and page; level 2 indented by style.
    doc.add_paragraph(f"{i + 1}\t{title}\t{page}")
    doc.add_paragraph(f"{i + 1}.1\tDetails of {title.lower()}\t{page}")


def para(text):
    doc.add_paragraph(text)


for n in range(6):
    para(f"\tThis paragraph is indented with a typed TAB, as many reports do ({n}).")
para("\tThe equipment inspected this year:")
t = doc.add_table(rows=4, cols=3)
for r, row in enumerate([("Item", "Count", "Status"), ("Pumps", "12", "ok"), ("Valves", "40", "worn"),
                         ("Motors", "7", "ok")]):
    for c, text in enumerate(row):
        t.cell(r, c).text = text
para("\tThe table above lists every item; the next paragraphs discuss them.")
for n in range(5):
    para(f"\tFinding {n + 1}: a TAB-indented paragraph between tables.")

t = doc.add_table(rows=3, cols=2)
t.cell(0, 0).text = "Site"
t.cell(0, 1).text = "North plant"
t.cell(1, 0).text = "Remarks"
cell = t.cell(1, 1)
cell.text = "First remark."
cell.add_paragraph("Second remark.")
t.cell(2, 0).text = "Inspector"
t.cell(2, 1).text = "J. Smith"
# Not TAB-indented: a TAB paragraph right before a table whose first row has as many cells as
# its other rows reads exactly like a first cell (the text cannot tell them apart).
para("Costs by quarter follow.")

t = doc.add_table(rows=4, cols=3)
head = t.cell(0, 1).merge(t.cell(0, 2))
head.text = "Cost"
t.cell(0, 0).text = "Area"
t.cell(1, 0).text = ""
t.cell(1, 1).text = "Q1"
t.cell(1, 2).text = "Q2"
t.cell(0, 0).merge(t.cell(1, 0))
t.cell(0, 0).text = "Area"
for r, row in enumerate([("Pumps", "100", "120"), ("Valves", "80", "95")], start=2):
    for c, text in enumerate(row):
        t.cell(r, c).text = text
para("\tStaff on site:")
t = doc.add_table(rows=3, cols=1)
for r, text in enumerate(["A. Jones", "B. Lee", "C. Wu"]):
    t.cell(r, 0).text = text
for n in range(4):
    para(f"\tOutlook {n + 1}: more TAB-indented text after the last table.")
# Not at the very end: TAB paragraphs that end the text read like a one-row table that the
# text ends in (a one-column table of Tika >= 3.3.2 text at the end of a document looks the same).
para("End of report.")
t = doc.add_table(rows=3, cols=2)
for r, row in enumerate([("Signed", "J. Smith"), ("Date", "2026-12-01"), ("Place", "North plant")]):
    for c, text in enumerate(row):
        t.cell(r, c).text = text
para("Appendix follows.")
doc.save("toc-tabs.docx")
