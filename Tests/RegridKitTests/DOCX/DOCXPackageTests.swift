import Foundation
import Testing
@testable import RegridKit

/// Finding the parts, package-level errors and hostile input.
@Suite("DOCX package")
struct DOCXPackageTests {
    typealias X = TestDOCX

    @Test func mainPartIsFoundThroughTheRelationships() throws {
        var docx = TestDOCX(body: X.p("renamed", style: "H"), styles: X.style("H", name: "heading 1"))
        docx.mainPart = "content/main.xml"
        docx.stylesPart = "content/look/styles.xml"
        let document = try docx.read()
        #expect(document.outline == ["h1 renamed"])
        #expect(document.diagnostics.isEmpty)
        #expect(document.source.kind == .docx)
        #expect(document.source.sha256 == SHA256.hex(try docx.bytes()))
    }

    @Test func strictNamespacesReadLikeTransitionalOnes() throws {
        var docx = TestDOCX(body: X.p("strict", style: "H") + X.tbl(columns: 2, X.tr(X.tc("a", "<w:gridSpan w:val=\"2\"/>"))),
                            styles: X.style("H", name: "heading 2"))
        docx.isStrict = true
        let document = try docx.read()
        #expect(document.outline == ["h2 strict", "table t1"])
        #expect(document.tables[0].layoutLines == ["0,0 1x2 a"])
    }

    @Test func withoutPackageRelationshipsTheConventionalPartIsReadWithAWarning() throws {
        var docx = TestDOCX(body: X.p("x"))
        docx.writesPackageRels = false
        let document = try docx.read()
        #expect(document.outline == ["p x"])
        #expect(document.diagnostics.map(\.code) == ["main-part-assumed"])
    }

    @Test func aMainPartThatIsNotADocumentIsRefused() throws {
        var docx = TestDOCX(body: "")
        docx.mainPart = "xl/workbook.xml"
        docx.rawMainPart = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
        #expect(throws: RegridError.notWordDocument("the main part xl/workbook.xml holds a <workbook> element, not a Word <w:document>")) {
            try docx.read()
        }
    }

    @Test func aMissingMainPartIsAClearError() throws {
        var zip = ZipWriter()
        zip.add("_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/gone.xml\"/></Relationships>")
        #expect(throws: RegridError.missingPart("word/gone.xml, the main document part named by _rels/.rels")) {
            try DOCXReader().read(bytes: try zip.archive(), name: "x.docx")
        }
        var other = ZipWriter()
        other.add("hello.md", text: "hi")
        #expect(throws: RegridError.missingPart("word/document.xml (a zip, but not a Word package)")) {
            try DOCXReader().read(bytes: try other.archive(), name: "x.docx")
        }
    }

    @Test func brokenStylesOrHeadersDoNotFailTheDocument() throws {
        var docx = TestDOCX(body: X.p("body", style: "Heading1"), styles: "<w:style><unclosed>")
        docx.extraEntries = [("word/header1.xml", "<w:hdr><<<"), ("word/theme/theme1.xml", "not xml at all")]
        let document = try docx.read()
        #expect(document.outline == ["h1 body"])   // style id matched by name after the styles part failed
        #expect(document.diagnostics.map(\.code) == ["styles-unreadable"])
    }

    @Test func contentAfterTheRootIsIgnoredWithAWarning() throws {
        var docx = TestDOCX(body: "")
        docx.rawMainPart = "<w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:body>\(X.p("fine"))</w:body></w:document>\n \r\n\t"
        #expect(try docx.read().diagnostics.isEmpty)
        docx.rawMainPart = "<w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:body>\(X.p("fine"))</w:body></w:document>\n~garbage"
        let document = try docx.read()
        #expect(document.outline == ["p fine"])
        #expect(document.diagnostics.map(\.code) == ["trailing-content-ignored"])
    }

    @Test func malformedBodiesFailWithThePartNamed() throws {
        var docx = TestDOCX(body: "")
        docx.rawMainPart = "<w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:body><w:p></w:body></w:document>"
        #expect {
            try docx.read()
        } throws: { error in
            guard case RegridError.malformedXML(let part, _, let message) = error else { return false }
            return part == "word/document.xml" && !message.isEmpty
        }
        docx.rawMainPart = "<w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:body>\(X.p("cut"))"
        #expect(throws: RegridError.self) { try docx.read() }
    }

    @Test func doctypesAreRefused() throws {
        var docx = TestDOCX(body: "")
        docx.rawMainPart = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        #expect(throws: RegridError.doctypeForbidden(part: "word/document.xml")) { try docx.read() }
    }

    @Test func deepXMLIsRefused() throws {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 200) + X.p("x") + String(repeating: "</w:sdtContent></w:sdt>", count: 200)
        var limits = ReaderLimits.default
        limits.maxXMLDepth = 100
        #expect(throws: RegridError.limitExceeded(what: "XML nesting in word/document.xml", limit: 100)) {
            try TestDOCX(body: deep).read(limits: limits)
        }
        #expect(throws: RegridError.self) { try TestDOCX(body: deep + deep).read() }   // libxml2's own cap at 256
    }

    @Test func truncatedAndGarbledPackagesFail() throws {
        let bytes = try TestDOCX(body: X.p(String(repeating: "text ", count: 2000))).bytes()
        #expect(throws: RegridError.self) { try DOCXReader().read(bytes: Array(bytes.prefix(bytes.count - 30)), name: "t.docx") }
        var flipped = bytes
        for i in stride(from: 200, to: min(flipped.count - 100, 600), by: 7) { flipped[i] ^= 0x5A }
        #expect(throws: RegridError.self) { try DOCXReader().read(bytes: flipped, name: "t.docx") }
    }

    @Test func entryStreamsDeliverTheExactBytesInSmallPulls() throws {
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        var zip = ZipWriter()
        zip.add("data.bin", payload)
        let archive = try ZipArchive(bytes: try zip.archive(), limits: .default)
        let stream = try archive.open(try #require(archive.entry(named: "data.bin")))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 1)
        defer { buffer.deallocate() }
        var out: [UInt8] = []
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { break }
            #expect(n <= 1000)
            out.append(contentsOf: buffer[0..<n])
        }
        #expect(out == payload)
        #expect(try stream.read(into: buffer) == 0)
    }

    @Test func relationshipTargetsResolveAgainstTheirSourcePart() {
        #expect(PackageRelationships.resolve("styles.xml", from: "word/document.xml") == "word/styles.xml")
        #expect(PackageRelationships.resolve("../customXml/item.xml", from: "word/document.xml") == "customXml/item.xml")
        #expect(PackageRelationships.resolve("/word/document2.xml", from: "") == "word/document2.xml")
        #expect(PackageRelationships.resolve("./word/./a.xml", from: "") == "word/a.xml")
        #expect(PackageRelationships.resolve("../../../x.xml", from: "word/document.xml") == "x.xml")
        #expect(PackageRelationships.relationshipsPart(of: "word/document.xml") == "word/_rels/document.xml.rels")
        #expect(PackageRelationships.relationshipsPart(of: "") == "_rels/.rels")
    }

    /// A plain target beside its source is joined without splitting: the same part name as the
    /// segment walk for every pairing of sources and targets, plain or not (empty, doubled and
    /// trailing slashes, `.` and `..`, non-ASCII, a combining mark after `/`).
    @Test func plainTargetsBesideTheirSourceResolveAsBySegments() {
        let sources = ["", "document.xml", "word/document.xml", "/word/document.xml", "word//document.xml", "word/",
                       "a/b/c.xml", "word/sub/../document.xml", "字/document.xml", "word/\u{301}x.xml", "./word/d.xml", "/"]
        let targets = ["styles.xml", "", ".", "..", "...", ".x", "../media/a.png", "/word/x.xml", "a/b", "x/", "é.xml",
                       "\u{301}", "./a", "media/image1.png", "fontTable.xml", "a\u{301}"]
        var plain = 0
        for source in sources {
            for target in targets {
                let general = PackageRelationships.resolveBySegments(target, from: source)
                #expect(PackageRelationships.resolve(target, from: source) == general, "\(target) from \(source)")
                if let fast = PackageRelationships.besideSource(target, source) {
                    plain += 1
                    #expect(Array(fast.utf8) == Array(general.utf8), "\(target) from \(source)")
                }
            }
        }
        #expect(plain >= 20)
        #expect(PackageRelationships.besideSource("styles.xml", "word/document.xml") == "word/styles.xml")
    }
}

/// The lexical scan that finds the end of the root element.
@Suite("XML root boundary")
struct XMLRootBoundaryTests {
    private func cut(_ xml: String, chunk: Int) -> String {
        var boundary = XMLRootBoundary()
        let bytes = Array(xml.utf8)
        var kept: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let slice = Array(bytes[offset..<min(bytes.count, offset + chunk)])
            let n = slice.withUnsafeBytes { boundary.scan($0) }
            kept += slice[0..<n]
            if n < slice.count { break }
            offset += chunk
        }
        return String(decoding: kept, as: UTF8.self)
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func cutsRightAfterTheRoot(chunk: Int) {
        let document = """
            <?xml version="1.0"?><!-- <a> --><r a="x>y/" b='</r>'><e/><![CDATA[</r>]]><?pi </r> ?><s>t > u</s></r>
            """
        #expect(cut(document + "~junk<x/>", chunk: chunk) == document)
        #expect(cut("<root/>  trailing", chunk: chunk) == "<root/>")
        #expect(cut("<a><b></b>", chunk: chunk) == "<a><b></b>")   // never closed: everything passes on
    }

    /// Long runs of text, tag insides and quoted values are passed over eight bytes at a time:
    /// the bytes that matter are found at every offset within those words.
    @Test(arguments: [5, 13, 64, 4096])
    func findsTheRootEndAfterLongRunsAtEveryOffset(chunk: Int) {
        for pad in 0...17 {
            let p = String(repeating: "x", count: pad)
            let document = #"<w:document xmlns:w="urn:\#(p)" w:long\#(p)="a\#(p)>/'\#(p)" w:q='\#(p)"/>\#(p)'>"#
                + #"<w:body\#(p) ><w:t>中文\#(p) text > \#(p) / ' "</w:t><w:br\#(p)/></w:body></w:document\#(p)>"#
            #expect(cut(document + "\(p)~junk<x/>", chunk: chunk) == document, "pad \(pad)")
            #expect(cut("<r\(p)/>\(p)tail", chunk: chunk) == "<r\(p)/>", "pad \(pad)")
        }
    }

    /// The proof that lets a part inflated whole go unscanned: its last non-blank bytes are the
    /// root's one end tag.
    @Test(arguments: [
        ("<?xml version=\"1.0\"?><!-- c --><r a=\"x>y/\"><e/><s>t</s></r>\n", true),
        ("<r><e/></r  >\r\n\t ", true),
        ("<w:document xmlns:w=\"u\"><w:body></w:bodyx></w:body></w:document>", true),
        ("<r></rx></r>", true),
        ("<r><e/></r>~", false),                      // junk after the root
        ("<r></r><r></r>", false),                    // a second root
        ("<r><r></r></r>", false),                    // an end tag of that name inside
        ("<r><!-- </r> --></r>", false),              // ... even in a comment
        ("<r a='1'/>", false),                        // an empty root
        ("<r/ >", false),
        ("<!DOCTYPE r><r></r>", false),
        ("<r></r><!-- after -->", false),
        ("", false),
        ("no markup", false),
    ])
    func provesTheRootEndsTheBytes(_ xml: String, _ expected: Bool) {
        let bytes = Array(xml.utf8)
        let end = bytes.withUnsafeBytes { XMLRootBoundary.rootEnd(in: $0) }
        #expect((end != nil) == expected)
        if let end { #expect(end == bytes.lastIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) }
        let utf16 = Array(xml.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(utf16.withUnsafeBytes { XMLRootBoundary.rootEnd(in: $0) } == nil)
    }

    /// Every XML part of every corpus DOCX and malformed DOCX reads the same bytes, with the same
    /// count of trailing ones, whether or not the proof lets it skip the scan.
    @Test func unscannedPartsReadAsScannedOnTheCorpus() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx") + SharedCorpus.files(in: "corpus/malformed", ext: "docx")
        guard !files.isEmpty else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        func read(_ input: RootBoundedInput) -> (bytes: [UInt8], trailing: Int)? {
            var out: [UInt8] = []
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 8)
            defer { buffer.deallocate() }
            do throws(RegridError) {
                while true {
                    let n = try input.read(into: buffer)
                    if n == 0 { break }
                    out += buffer[0..<n]
                }
                return (out, try input.finish())
            } catch {
                return nil
            }
        }
        var parts = 0, unscanned = 0
        for file in files {
            guard let archive = try? ZipArchive(bytes: try [UInt8](Data(contentsOf: file)), limits: .default) else { continue }
            for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                guard let fast = try? archive.open(entry), let scanned = try? archive.open(entry) else { continue }
                if let whole = fast.inflatedBytes, XMLRootBoundary.rootEnd(in: whole) != nil { unscanned += 1 }
                let a = read(RootBoundedInput(fast)), b = read(RootBoundedInput(scanned, scanAlways: true))
                #expect(a?.bytes == b?.bytes && a?.trailing == b?.trailing, "\(file.lastPathComponent) \(entry.name)")
                parts += 1
            }
        }
        #expect(parts > 400 && unscanned > 300, "\(parts) parts, \(unscanned) unscanned")
    }
}
