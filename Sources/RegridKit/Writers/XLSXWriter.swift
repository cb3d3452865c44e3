/// Writes a document's tables as an Excel workbook (`.xlsx`), one sheet per top-level table,
/// named after the table's heading (``DocumentTitles/captions(of:)``), else its id.
///
/// - merged cells become real merges (`<mergeCells>`), the covered slots carrying the merged
///   cell's style so that borders run round the whole area;
/// - text that is a plain number (``NumberText``) is stored as a number, shown with as many
///   decimals as written (`12.50` stays `12.50`); every other text is a shared string, so that
///   `=SUM(…)`, `007` or an 18-digit ID stays exactly as it was;
/// - header rows and columns are bold and shaded and frozen in place;
/// - a nested table contributes its cell's plain text.
///
/// Excel's limits hold: a table beyond 1,048,576 rows or 16,384 columns is refused, and text
/// longer than 32,767 UTF-16 units is cut there. A document without tables gives a workbook
/// with one empty sheet.
public struct XLSXWriter: Sendable {
    public init() {}

    /// The workbook as zip bytes.
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` for a table larger than a sheet,
    ///   ``RegridError/output(_:)`` when the archive cannot be built.
    public func write(_ document: Document) throws(RegridError) -> [UInt8] {
        let tables = document.tables
        var strings = SharedStrings()
        var sheets: [String] = []
        for table in tables { sheets.append(try sheet(table, strings: &strings)) }
        let captions = DocumentTitles.captions(of: document)
        var names = SpreadsheetNames.sheetNames(tables.map { captions[$0.id] ?? $0.id })
        if sheets.isEmpty {
            sheets = [sheet(nil, strings: &strings)]
            names = ["Sheet1"]
        }
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: XLSXParts.contentTypes(sheets: sheets.count))
        zip.add("_rels/.rels", text: XLSXParts.packageRelationships)
        zip.add("xl/workbook.xml", text: XLSXParts.workbook(sheetNames: names))
        zip.add("xl/_rels/workbook.xml.rels", text: XLSXParts.workbookRelationships(sheets: sheets.count))
        zip.add("xl/styles.xml", text: XLSXParts.styles)
        zip.add("xl/sharedStrings.xml", text: strings.xml)
        for (i, xml) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", text: xml) }
        return try zip.archive()
    }

    /// The longest text a cell holds, in UTF-16 units.
    public static let maxCellText = 32_767

    private func sheet(_ table: Table, strings: inout SharedStrings) throws(RegridError) -> String {
        guard table.rows <= SpreadsheetNames.maxRows else {
            throw .limitExceeded(what: "rows of table \(table.id) for a spreadsheet", limit: SpreadsheetNames.maxRows)
        }
        guard table.columns <= SpreadsheetNames.maxColumns else {
            throw .limitExceeded(what: "columns of table \(table.id) for a spreadsheet", limit: SpreadsheetNames.maxColumns)
        }
        guard let map = table.completeSlotMap() else {
            throw .output("cannot write table \(table.id): its cells do not tile its grid")
        }
        return sheet(SheetContent(table: table, map: map), strings: &strings)
    }

    private struct SheetContent {
        var table: Table
        var map: [[Int]]
    }

    private func sheet(_ content: SheetContent?, strings: inout SharedStrings) -> String {
        var out = XLSXParts.header + "<worksheet xmlns=\"\(XLSXParts.mainNamespace)\" xmlns:r=\"\(XLSXParts.relationshipsNamespace)\">"
        guard let content, content.table.rows > 0, content.table.columns > 0 else {
            return out + "<dimension ref=\"A1\"/><sheetData/></worksheet>"
        }
        let table = content.table
        out += "<dimension ref=\"A1:\(SpreadsheetNames.cell(row: table.rows - 1, column: table.columns - 1))\"/>"
        out += sheetView(table)
        out += columnWidths(table)
        // Each cell's style and value, decided once: `<c>` attributes and content.
        var styles: [Int] = []
        var values: [(type: String, content: String)?] = []
        styles.reserveCapacity(table.cells.count)
        values.reserveCapacity(table.cells.count)
        for cell in table.cells {
            let header = cell.row < table.headerRows || cell.column < table.headerColumns
            if let number = NumberText(cell.text) {
                styles.append(header ? XLSXParts.Style.header : XLSXParts.Style.number(decimals: number.decimals))
                values.append(("n", "<v>\(JSONText.number(number.value))</v>"))
            } else {
                styles.append(header ? XLSXParts.Style.header : XLSXParts.Style.text)
                values.append(cell.text.isEmpty ? nil : ("s", "<v>\(strings.index(of: XLSXWriter.cellText(cell.text)))</v>"))
            }
        }
        out += "<sheetData>"
        for r in 0..<table.rows {
            out += "<row r=\"\(r + 1)\">"
            for c in 0..<table.columns {
                let index = content.map[r][c]
                let cell = table.cells[index]
                let ref = SpreadsheetNames.cell(row: r, column: c)
                if cell.row == r && cell.column == c, let value = values[index] {
                    out += "<c r=\"\(ref)\" s=\"\(styles[index])\" t=\"\(value.type)\">\(value.content)</c>"
                } else {
                    out += "<c r=\"\(ref)\" s=\"\(styles[index])\"/>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        let merged = table.cells.filter { $0.rowSpan > 1 || $0.colSpan > 1 }
        if !merged.isEmpty {
            out += "<mergeCells count=\"\(merged.count)\">"
            for cell in merged { out += "<mergeCell ref=\"\(SpreadsheetNames.range(cell))\"/>" }
            out += "</mergeCells>"
        }
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return out + "</worksheet>"
    }

    /// Header rows and columns frozen.
    private func sheetView(_ table: Table) -> String {
        let rows = min(table.headerRows, table.rows - 1)
        let columns = min(table.headerColumns, table.columns - 1)
        guard rows > 0 || columns > 0 else { return "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>" }
        var pane = "<pane"
        if columns > 0 { pane += " xSplit=\"\(columns)\"" }
        if rows > 0 { pane += " ySplit=\"\(rows)\"" }
        let active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        pane += " topLeftCell=\"\(SpreadsheetNames.cell(row: rows, column: columns))\" activePane=\"\(active)\" state=\"frozen\"/>"
        return "<sheetViews><sheetView workbookViewId=\"0\">\(pane)<selection pane=\"\(active)\"/></sheetView></sheetViews>"
    }

    /// Column widths from the longest line of the single-column cells (CJK counted double).
    private func columnWidths(_ table: Table) -> String {
        var widths = Array(repeating: 0, count: table.columns)
        for cell in table.cells where cell.colSpan == 1 {
            for line in cell.text.split(whereSeparator: \.isNewline) {
                let width = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
                widths[cell.column] = max(widths[cell.column], width)
            }
        }
        var out = "<cols>"
        for (i, w) in widths.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(60, max(8, w + 2)))\" customWidth=\"1\"/>"
        }
        return out + "</cols>"
    }

    /// Cell text as OOXML string content: cut to ``maxCellText`` UTF-16 units, and a literal
    /// `_xHHHH_` protected (`_x005F_xHHHH_`) so that spreadsheets do not read it as an escape.
    static func cellText(_ text: String) -> String {
        var s = text
        if s.utf16.count > maxCellText {
            var cut = s.utf16.index(s.utf16.startIndex, offsetBy: maxCellText)
            while cut > s.startIndex && String.Index(cut, within: s) == nil { s.utf16.formIndex(before: &cut) }
            s = String(s[..<cut])
        }
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let range = rest.firstRange(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", hex.dropLast().allSatisfy(\.isHexDigit) {
                out += "_x005F_x"
            } else {
                out += "_x"
            }
            rest = after
        }
        return out + rest
    }
}

/// The shared string table of a workbook: each distinct text once, in order of first use.
struct SharedStrings {
    private(set) var texts: [String] = []
    private var indexes: [String: Int] = [:]
    private(set) var references = 0

    /// The index of `text`, added when new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let i = indexes[text] { return i }
        indexes[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    var xml: String {
        var out = XLSXParts.header + "<sst xmlns=\"\(XLSXParts.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">"
        for text in texts { out += "<si><t xml:space=\"preserve\">\(XMLEscaping.text(text))</t></si>" }
        return out + "</sst>"
    }
}
