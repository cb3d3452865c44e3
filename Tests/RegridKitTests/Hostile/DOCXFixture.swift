@testable import RegridKit

/// Minimal DOCX packages for tests, built with ``ZipWriter`` (or, for hand-made entries, with
/// ``ZipBytes/assemble(_:)``).
enum DOCXFixture {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// `word/document.xml` with `body` inside `w:body`, after an optional `prolog` (a DOCTYPE, say).
    static func documentXML(body: String, prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\(prolog)"
            + "<w:document xmlns:w=\"\(wordNamespace)\"><w:body>\(body)</w:body></w:document>"
    }

    /// A package whose `word/document.xml` is `document` (any bytes), plus `extra` parts.
    static func package(document: [UInt8], extra: [(String, [UInt8])] = [],
                        password: String? = nil) throws -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: contentTypes)
        zip.add("_rels/.rels", text: packageRelationships)
        zip.add("word/document.xml", document, password: password)
        for (name, bytes) in extra { zip.add(name, bytes) }
        return try zip.archive()
    }

    /// A package with a body given as WordprocessingML.
    static func package(body: String) throws -> [UInt8] {
        try package(document: Array(documentXML(body: body).utf8))
    }

    /// A package whose `word/document.xml` is a hand-made entry (honest other parts, stored).
    static func package(rawDocument: ZipBytes.RawEntry) -> [UInt8] {
        ZipBytes.assemble([
            .stored("[Content_Types].xml", Array(contentTypes.utf8)),
            .stored("_rels/.rels", Array(packageRelationships.utf8)),
            rawDocument,
        ])
    }

    /// A one-paragraph body.
    static let helloBody = "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"

    /// A table: `grid` declared columns, rows of raw `w:tc` XML.
    static func table(grid: Int, rows: [String]) -> String {
        "<w:tbl><w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"100\"/>", count: grid) + "</w:tblGrid>"
            + rows.map { "<w:tr>\($0)</w:tr>" }.joined() + "</w:tbl>"
    }

    /// One `w:tc` with text and optional cell properties.
    static func cell(_ text: String, properties: String = "") -> String {
        let tcPr = properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>"
        let p = text.isEmpty ? "<w:p/>" : "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>"
        return "<w:tc>\(tcPr)\(p)</w:tc>"
    }
}
