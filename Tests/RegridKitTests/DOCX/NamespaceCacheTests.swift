import Testing
@testable import RegridKit

/// The SAX pass remembers the last eight namespace URIs it resolved; a part that uses more (here
/// twelve foreign ones, between every WordprocessingML element, declared on the root and again
/// on elements) must still tell every element's namespace, however the cache's slots turn over.
@Suite struct NamespaceCacheTests {
    @Test func moreNamespacesThanSlotsAreResolvedEveryTime() throws {
        let foreign = (0..<12).map { "urn:regrid:test:\($0)" }
        let declarations = foreign.enumerated().map { #"xmlns:n\#($0.offset)="\#($0.element)""# }.joined(separator: " ")
        var body = ""
        for p in 0..<30 {
            var runs = ""
            for k in 0..<12 {
                let n = (p * 5 + k * 7) % 12
                runs += #"<n\#(n):x n\#((n + 1) % 12):a="1" w:val="2"/><w:r n\#(n):b="3"><w:t>\#(p)-\#(k)</w:t></w:r>"#
                if k % 4 == 0 { runs += #"<m:y xmlns:m="urn:regrid:test:local\#(k)"><w:t>hidden</w:t></m:y>"# }
            }
            body += "<w:p>\(runs)</w:p>"
        }
        let xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + declarations + "><w:body>" + body + "</w:body></w:document>"
        let document = try Regrid.read(bytes: DOCXFixture.package(document: Array(xml.utf8)), name: "namespaces.docx")
        let expected = (0..<30).map { p in (0..<12).map { "\(p)-\($0)" }.joined() }
        #expect(document.blocks.map(\.plainText) == expected)
    }
}
