@testable import RegridKit

/// Builds small DOCX packages in memory for the reader tests: body XML is wrapped in a minimal
/// package (`[Content_Types].xml`, `_rels/.rels`, the main part, optional styles and its rels).
struct TestDOCX {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let relTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    /// Inner XML of `w:body`.
    var body: String
    /// Inner XML of `w:styles`, or nil for no styles part.
    var styles: String?
    /// Where the main part lives.
    var mainPart = "word/document.xml"
    /// Where the styles part lives (named in the main part's rels).
    var stylesPart = "word/styles.xml"
    /// Use ISO Strict namespaces and relationship types.
    var isStrict = false
    /// Write `_rels/.rels` (false: a package without it).
    var writesPackageRels = true
    /// Replaces the whole main part when set.
    var rawMainPart: String?
    /// Other entries to add as they are.
    var extraEntries: [(String, String)] = []

    init(body: String, styles: String? = nil) {
        self.body = body
        self.styles = styles
    }

    var mainXML: String {
        if let rawMainPart { return rawMainPart }
        let ns = isStrict ? TestDOCX.strict : TestDOCX.transitional
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(ns)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:r="\(isStrict ? TestDOCX.relStrict : TestDOCX.relTransitional)"><w:body>\(body)</w:body></w:document>
        """
    }

    func bytes() throws -> [UInt8] {
        let relNS = isStrict ? TestDOCX.relStrict : TestDOCX.relTransitional
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        if writesPackageRels {
            zip.add("_rels/.rels", text: """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="\(mainPart)"/></Relationships>
                """)
        }
        zip.add(mainPart, text: mainXML)
        if let styles {
            let ns = isStrict ? TestDOCX.strict : TestDOCX.transitional
            let folder = mainPart.split(separator: "/").dropLast().joined(separator: "/")
            let name = mainPart.split(separator: "/").last.map(String.init) ?? mainPart
            let relsPart = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
            zip.add(relsPart, text: """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relNS)/styles" Target="/\(stylesPart)"/></Relationships>
                """)
            zip.add(stylesPart, text: "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(ns)\">\(styles)</w:styles>")
        }
        for (name, text) in extraEntries { zip.add(name, text: text) }
        return try zip.archive()
    }

    func read(limits: ReaderLimits = .default) throws -> Document {
        try DOCXReader(limits: limits).read(bytes: try bytes(), name: "test.docx")
    }

    // MARK: - XML snippets

    /// A paragraph of one run with `text`.
    static func p(_ text: String, style: String? = nil) -> String {
        let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A cell holding `content` (paragraph XML; plain text is wrapped in a paragraph), with `tcPr` inner XML.
    static func tc(_ content: String, _ tcPr: String = "") -> String {
        let inner = content.hasPrefix("<") ? content : p(content)
        return "<w:tc>\(tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>")\(inner.isEmpty ? "<w:p/>" : inner)</w:tc>"
    }

    static func tr(_ cells: String..., trPr: String = "") -> String {
        "<w:tr>\(trPr.isEmpty ? "" : "<w:trPr>\(trPr)</w:trPr>")\(cells.joined())</w:tr>"
    }

    static func tbl(columns: Int, _ rows: String...) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid>\(String(repeating: "<w:gridCol w:w=\"1000\"/>", count: columns))</w:tblGrid>\(rows.joined())</w:tbl>"
    }

    static func style(_ id: String, name: String, basedOn: String? = nil, outline: Int? = nil, type: String = "paragraph") -> String {
        "<w:style w:type=\"\(type)\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")
            + (outline.map { "<w:pPr><w:outlineLvl w:val=\"\($0)\"/></w:pPr>" } ?? "")
            + "</w:style>"
    }
}

extension Table {
    /// The cells as `"row,column rowSpan×colSpan text"` (synthetic cells marked `*`), for exact grid comparisons.
    var layoutLines: [String] {
        cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan)\($0.isSynthetic ? "*" : "") \($0.text)" }
    }
}

extension Document {
    /// Headings and paragraphs as `"h2 text"` / `"p text"`, tables as their id.
    var outline: [String] {
        blocks.map {
            switch $0 {
            case .heading(let h): return "h\(h.level) \(h.text)"
            case .paragraph(let p): return "p \(p.text)"
            case .table(let t): return "table \(t.id)"
            }
        }
    }
}
