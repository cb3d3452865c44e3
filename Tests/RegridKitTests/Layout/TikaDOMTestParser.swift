import RegridKit

/// A deliberately naive reader of Tika's DOM text form (`spec/flat-text.md` §3), for the layout
/// tests only: every cell gets span 1 and no merge, so the tables it builds have the wrong grid
/// (ragged rows padded with synthetic cells). The layout matcher must cope with exactly that.
enum TikaDOMTestParser {
    static func parse(_ text: String, name: String = "test.txt") throws -> Document {
        var blocks: [Block] = []
        var rows: [RawRow] = []
        var row: [RawCell] = []
        var inTable = false
        var previousBlank = false
        var tableCount = 0

        func endTable() throws {
            if !row.isEmpty { rows.append(RawRow(cells: row)); row = [] }
            if !rows.isEmpty {
                tableCount += 1
                blocks.append(.table(try GridAssembler().assemble(RawTable(rows: rows), id: "t\(tableCount)")))
            }
            rows = []
            inTable = false
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("\t") {
                inTable = true
                row.append(RawCell(text: String(line.dropFirst()).trimmingSpaces()))
                previousBlank = false
            } else if line.isEmpty {
                if inTable {
                    if previousBlank || row.isEmpty { try endTable() } else { rows.append(RawRow(cells: row)); row = [] }
                }
                previousBlank = true
            } else if inTable && !row.isEmpty && !previousBlank {
                row[row.count - 1].text += "\n" + line.trimmingSpaces()
            } else {
                if inTable { try endTable() }
                blocks.append(.paragraph(Paragraph(text: line.trimmingSpaces())))
                previousBlank = false
            }
        }
        try endTable()
        return Document(source: Source(name: name, kind: .flatText), blocks: blocks)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
