import RegridKit

extension WordML {
    /// The document as Regrid's model sees it when spans are read exactly (what a correct DOCX
    /// reader must produce): paragraphs, and tables assembled from `w:gridSpan` / `w:vMerge`
    /// by ``GridAssembler``. Lets tests and benchmarks compare a reader against the source.
    public func modelDocument(name: String) throws(RegridError) -> Document {
        var blocks: [Block] = []
        var tables = 0
        for element in body {
            switch element {
            case .paragraph(let text):
                if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: text))) }
            case .table(let columns, let rows):
                tables += 1
                let raw = RawTable(rows: rows.map { row in
                    RawRow(cells: row.map { cell in
                        RawCell(text: cell.text, colSpan: cell.gridSpan,
                                vMerge: cell.vMerge == .continue ? .continue : cell.vMerge == .restart ? .restart : .none)
                    })
                }, declaredColumns: columns)
                blocks.append(.table(try GridAssembler().assemble(raw, id: "t\(tables)")))
            }
        }
        return Document(source: Source(name: name, kind: .docx), blocks: blocks)
    }
}
