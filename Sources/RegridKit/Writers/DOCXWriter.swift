/// Writes a document as a clean DOCX: headings with the `Heading N` styles, paragraphs, and
/// tables whose merges are spelled the way Word spells them, so that a table rebuilt from
/// flattened text can be republished and read back to the same model.
///
/// For each table: `w:tblGrid` with one `w:gridCol` per grid column; a merged cell as a `w:tc`
/// with `w:gridSpan` for its width and `w:vMerge w:val="restart"` in its first row, then an
/// empty `w:tc` with `w:vMerge` (continue) and the same `w:gridSpan` in each row below; header
/// rows marked `w:tblHeader` (repeated on every page) with bold text; a cell's lines as
/// paragraphs (or line breaks, where a paragraph would not read back the same: see
/// ``cellParagraphs(_:)``); a cell holding blocks (a nested table) written as those blocks. Synthetic cells
/// (slots the source left empty) at the start or end of a row go back to `w:gridBefore` /
/// `w:gridAfter`, so they read back as synthetic.
public struct DOCXWriter: Sendable {
    public init() {}

    /// A minimal package around a ready-made `word/document.xml`: content types, the package
    /// relationship to the main part, and the part itself (no styles). For tools and tests that
    /// write WordprocessingML themselves.
    /// - Throws: ``RegridError/output(_:)`` when the archive cannot be built.
    public static func package(documentXML: [UInt8]) throws(RegridError) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: OPCPackage.contentTypes([
            ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ]))
        zip.add("_rels/.rels", text: DOCXParts.packageRelationships)
        zip.add("word/document.xml", documentXML)
        return try zip.archive()
    }

    /// ``package(documentXML:)`` for XML text.
    public static func package(documentXML: String) throws(RegridError) -> [UInt8] {
        try package(documentXML: Array(documentXML.utf8))
    }

    /// The document as DOCX (zip) bytes.
    /// - Throws: ``RegridError/output(_:)`` for a table whose cells do not tile its grid, or when
    ///   the archive cannot be built.
    public func write(_ document: Document) throws(RegridError) -> [UInt8] {
        var body = ""
        for block in document.blocks { try write(block, to: &body) }
        let xml = DOCXParts.header
            + "<w:document xmlns:w=\"\(DOCXParts.wordNamespace)\" xmlns:r=\"\(DOCXParts.relationshipsNamespace)\">"
            + "<w:body>" + body + DOCXParts.sectionProperties + "</w:body></w:document>"
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: DOCXParts.contentTypes)
        zip.add("_rels/.rels", text: DOCXParts.packageRelationships)
        zip.add("word/document.xml", text: xml)
        zip.add("word/_rels/document.xml.rels", text: DOCXParts.documentRelationships)
        zip.add("word/styles.xml", text: DOCXParts.styles)
        return try zip.archive()
    }

    private func write(_ block: Block, to out: inout String, width: Int = DOCXParts.textWidth) throws(RegridError) {
        switch block {
        case .heading(let h):
            out += paragraph(h.text, properties: "<w:pStyle w:val=\"Heading\(min(9, max(1, h.level)))\"/>")
        case .paragraph(let p):
            out += paragraph(p.text)
        case .table(let t):
            try table(t, to: &out, width: width)
        }
    }

    /// One paragraph; line breaks inside it become `w:br`, tabs `w:tab`.
    private func paragraph(_ text: String, properties: String = "", bold: Bool = false) -> String {
        var out = "<w:p>"
        if !properties.isEmpty { out += "<w:pPr>\(properties)</w:pPr>" }
        guard !text.isEmpty else { return out + "</w:p>" }
        out += "<w:r>" + (bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "")
        var first = true
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if !first { out += "<w:br/>" }
            first = false
            var pieces = line.split(separator: "\t", omittingEmptySubsequences: false).makeIterator()
            if let piece = pieces.next(), !piece.isEmpty { out += run(piece) }
            while let piece = pieces.next() {
                out += "<w:tab/>"
                if !piece.isEmpty { out += run(piece) }
            }
        }
        return out + "</w:r></w:p>"
    }

    private func run(_ text: Substring) -> String {
        "<w:t xml:space=\"preserve\">\(XMLEscaping.text(String(text)))</w:t>"
    }

    private func table(_ t: Table, to out: inout String, width: Int) throws(RegridError) {
        guard let map = t.completeSlotMap() else {
            throw .output("cannot write table \(t.id): its cells do not tile its grid")
        }
        guard t.rows > 0, t.columns > 0 else { return }   // Word has no empty table
        let column = max(1, width / t.columns)
        out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(column * t.columns)\" w:type=\"dxa\"/>"
        out += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        out += "<w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"\(column)\"/>", count: t.columns) + "</w:tblGrid>"
        for r in 0..<t.rows {
            // Synthetic single-row cells at either end of the row go back to gridBefore/gridAfter.
            var first = 0
            var last = t.columns
            func isGap(_ slot: Int) -> Bool {
                let cell = t.cells[map[r][slot]]
                return cell.isSynthetic && cell.rowSpan == 1 && (cell.blocks ?? []).isEmpty
            }
            while first < t.columns && isGap(first) { first += t.cells[map[r][first]].colSpan }
            while last > first && isGap(last - 1) { last -= t.cells[map[r][last - 1]].colSpan }
            if first == t.columns { first = 0; last = t.columns }   // a row of nothing but gaps keeps its cells
            var properties = ""
            if first > 0 { properties += "<w:gridBefore w:val=\"\(first)\"/>" }
            if last < t.columns { properties += "<w:gridAfter w:val=\"\(t.columns - last)\"/>" }
            if r < t.headerRows { properties += "<w:tblHeader/>" }
            out += "<w:tr>" + (properties.isEmpty ? "" : "<w:trPr>\(properties)</w:trPr>")
            var c = first
            while c < last {
                let cell = t.cells[map[r][c]]
                var tcPr = "<w:tcW w:w=\"\(column * cell.colSpan)\" w:type=\"dxa\"/>"
                if cell.colSpan > 1 { tcPr += "<w:gridSpan w:val=\"\(cell.colSpan)\"/>" }
                if cell.rowSpan > 1 { tcPr += cell.row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
                out += "<w:tc><w:tcPr>\(tcPr)</w:tcPr>"
                if cell.row < r {
                    out += "<w:p/>"   // continuation of a vertical merge: no content of its own
                } else {
                    try content(of: cell, header: r < t.headerRows || c < t.headerColumns, width: column * cell.colSpan, to: &out)
                }
                out += "</w:tc>"
                c += cell.colSpan
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
    }

    /// A cell's paragraphs, or its blocks; always ending in a paragraph, as Word requires.
    private func content(of cell: Cell, header: Bool, width: Int, to out: inout String) throws(RegridError) {
        if let blocks = cell.blocks, !blocks.isEmpty {
            for block in blocks { try write(block, to: &out, width: max(1, width - 216)) }
            if case .table = blocks[blocks.count - 1] { out += "<w:p/>" }
            return
        }
        for text in DOCXWriter.cellParagraphs(cell.text) { out += paragraph(text, bold: header) }
    }

    /// A cell's text cut into paragraphs at its line breaks, except where a paragraph break
    /// would lose something when read back (readers trim each paragraph and skip empty ones):
    /// next to an empty line or to whitespace, the line break stays inside the paragraph (`w:br`).
    static func cellParagraphs(_ text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var paragraphs: [String] = []
        var current = lines.first ?? ""
        for line in lines.dropFirst() {
            let clean = !current.isEmpty && !line.isEmpty
                && !(current.last?.isWhitespace ?? true) && !(line.first?.isWhitespace ?? true)
                && !current.hasSuffix("\n")
            if clean {
                paragraphs.append(current)
                current = line
            } else {
                current += "\n" + line
            }
        }
        paragraphs.append(current)
        return paragraphs
    }
}
