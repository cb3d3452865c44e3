"""python-docx peer: open every DOCX given (files or folders) in one process and walk every
table cell's text, the way a script migrating an archive would. `real_weight.py` imports
`walk` to leave out of its sets the files this walk cannot read."""
import sys, os
from docx import Document

def files(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith(".docx"):
                    yield os.path.join(a, name)
        else:
            yield a

def walk(path):
    """Number of table cells python-docx reads in `path` (raises where it cannot read them)."""
    cells = 0
    doc = Document(path)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                cells += len(cell.text) >= 0
    return cells

if __name__ == "__main__":
    print(f"{sum(walk(path) for path in files(sys.argv[1:]))} cells")
