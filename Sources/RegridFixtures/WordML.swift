import RegridKit

/// A minimal WordprocessingML writer for generated test documents: paragraphs and tables with
/// real `w:gridSpan` / `w:vMerge`, packed with RegridKit's ``ZipWriter``.
public struct WordML: Sendable {
    /// One table cell as Word stores it.
    public struct TableCell: Sendable, Equatable {
        /// The cell's paragraphs ("\n" separates paragraphs).
        public var text: String
        public var gridSpan: Int
        public var vMerge: VMerge?
        public init(_ text: String, span: Int = 1, vMerge: VMerge? = nil) {
            self.text = text
            self.gridSpan = span
            self.vMerge = vMerge
        }
        /// A vertical-merge continuation cell.
        public static func continued(span: Int = 1) -> TableCell { TableCell("", span: span, vMerge: .continue) }
    }

    public enum VMerge: Sendable, Equatable { case restart, `continue` }

    /// A body element.
    public enum Element: Sendable, Equatable {
        case paragraph(String)
        case table(columns: Int, rows: [[TableCell]])
    }

    public var body: [Element] = []

    public init() {}

    public mutating func paragraph(_ text: String) { body.append(.paragraph(text)) }
    public mutating func table(columns: Int, rows: [[TableCell]]) { body.append(.table(columns: columns, rows: rows)) }

    /// The `word/document.xml` text.
    public func documentXML() -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
        for element in body {
            switch element {
            case .paragraph(let text):
                out += paragraphXML(text)
            case .table(let columns, let rows):
                out += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    out += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                }
                out += "</w:tblBorders></w:tblPr><w:tblGrid>"
                out += String(repeating: "<w:gridCol w:w=\"\(9000 / max(1, columns))\"/>", count: columns)
                out += "</w:tblGrid>"
                for row in rows {
                    out += "<w:tr>"
                    for cell in row {
                        out += "<w:tc><w:tcPr>"
                        if cell.gridSpan > 1 { out += "<w:gridSpan w:val=\"\(cell.gridSpan)\"/>" }
                        switch cell.vMerge {
                        case .restart: out += "<w:vMerge w:val=\"restart\"/>"
                        case .continue: out += "<w:vMerge/>"
                        case nil: break
                        }
                        out += "</w:tcPr>"
                        out += cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { paragraphXML(String($0)) }.joined()
                        out += "</w:tc>"
                    }
                    out += "</w:tr>"
                }
                out += "</w:tbl><w:p/>"
            }
        }
        out += "<w:sectPr/></w:body></w:document>"
        return out
    }

    /// The whole `.docx` package.
    /// - Throws: ``RegridError/output(_:)`` when zipping fails.
    public func docx() throws(RegridError) -> [UInt8] {
        try DOCXWriter.package(documentXML: documentXML())
    }

    private func paragraphXML(_ text: String) -> String {
        guard !text.isEmpty else { return "<w:p/>" }
        return "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLEscaping.text(text))</w:t></w:r></w:p>"
    }
}
