/// The fixed parts of the workbooks ``XLSXWriter`` writes: package relationships, content
/// types and the style sheet.
enum XLSXParts {
    static let header = OPCPackage.xmlHeader
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = OPCPackage.relationshipsNamespace

    /// Most digits after the decimal point that get their own number format.
    static let maxDecimals = 15

    /// Cell style indexes (`s` attribute) into `cellXfs` of ``styles``.
    enum Style {
        /// Body text: wrapped, top-aligned, thin borders.
        static let text = 1
        /// Header cell: bold, shaded, centred, wrapped, thin borders.
        static let header = 2
        /// A number written with `decimals` digits after the point.
        static func number(decimals: Int) -> Int { 3 + min(max(0, decimals), maxDecimals) }
    }

    static func contentTypes(sheets: Int) -> String {
        var overrides = [("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]
        for n in 1...max(1, sheets) {
            overrides.append(("/xl/worksheets/sheet\(n).xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
        }
        overrides.append(("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
        overrides.append(("/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
        return OPCPackage.contentTypes(overrides)
    }

    static let packageRelationships = OPCPackage.relationships([("officeDocument", "xl/workbook.xml")])

    static func workbook(sheetNames: [String]) -> String {
        var out = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        out += "<bookViews><workbookView/></bookViews><sheets>"
        for (i, name) in sheetNames.enumerated() {
            out += "<sheet name=\"\(XMLEscaping.attribute(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    /// Sheets are `rId1`…`rIdN` (as ``workbook(sheetNames:)`` names them), then styles and shared strings.
    static func workbookRelationships(sheets: Int) -> String {
        let worksheets = (1...max(1, sheets)).map { (type: "worksheet", target: "worksheets/sheet\($0).xml") }
        return OPCPackage.relationships(worksheets + [("styles", "styles.xml"), ("sharedStrings", "sharedStrings.xml")])
    }

    /// Fonts: regular, bold. Fills: the two Excel requires, then a light header shade. Borders:
    /// none, thin. Number formats 164… hold `0.0`, `0.00`, … for numbers written with decimals.
    static let styles: String = {
        var out = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        out += "<numFmts count=\"\(maxDecimals)\">"
        for d in 1...maxDecimals {
            out += "<numFmt numFmtId=\"\(163 + d)\" formatCode=\"0.\(String(repeating: "0", count: d))\"/>"
        }
        out += "</numFmts>"
        out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        out += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        out += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE9EEF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        let thin = "<left style=\"thin\"><color rgb=\"FFB0B7C0\"/></left><right style=\"thin\"><color rgb=\"FFB0B7C0\"/></right>"
            + "<top style=\"thin\"><color rgb=\"FFB0B7C0\"/></top><bottom style=\"thin\"><color rgb=\"FFB0B7C0\"/></bottom><diagonal/>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(thin)</border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(4 + maxDecimals)\">"
        out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        out += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        out += "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        for d in 1...maxDecimals {
            out += "<xf numFmtId=\"\(163 + d)\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        }
        out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }()
}
