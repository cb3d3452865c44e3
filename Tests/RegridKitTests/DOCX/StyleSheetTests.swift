import Foundation
import Testing
@testable import RegridKit

/// The styles part is read in one SAX pass (``XMLSAXParser``); these tests hold it to the reading
/// it replaced (``ReferenceStyleSheet``, the previous tree-walking code over XMLStreamReader, kept as the
/// reference) on every styles part of the corpus, and to the same refusals on hostile parts.
@Suite struct StyleSheetTests {
    static func sheet(_ xml: String, limits: ReaderLimits = .default) throws(RegridError) -> StyleSheet {
        try sheet(Array(xml.utf8), limits: limits)
    }

    /// Reads `bytes` as the styles part, fed in chunks of `chunk` bytes.
    static func sheet(_ bytes: [UInt8], limits: ReaderLimits = .default, chunk: Int = 64 * 1024) throws(RegridError) -> StyleSheet {
        var offset = 0
        return try StyleSheet(part: "word/styles.xml", limits: limits) { buffer in
            let n = min(buffer.count, chunk, bytes.count - offset)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.withUnsafeBytes { $0 }[offset..<(offset + n)]))
            offset += n
            return n
        }
    }

    static func wrap(_ inner: String, ns: String = TestDOCX.transitional) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"\(ns)\">\(inner)</w:styles>"
    }

    @Test func paragraphStylesOnlyWithNameBaseAndOutline() throws {
        let xml = Self.wrap("""
            <w:docDefaults><w:pPrDefault><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/></w:latentStyles>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
            <w:rPr><w:outlineLvl w:val="7"/></w:rPr><w:pPr><w:keepNext/><w:outlineLvl w:val=" 0 "/></w:pPr></w:style>\
            <w:style w:type="character" w:styleId="C"><w:name w:val="heading 2"/></w:style>\
            <w:style w:styleId="NoType"><w:name w:val="A &amp; B &amp;#38; &lt;c&gt;"/></w:style>\
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="second definition"/></w:style>\
            <w:style w:type="paragraph" w:default="true" w:styleId="Other"/>
            """)
        let sheet = try Self.sheet(xml)
        #expect(sheet.defaultStyle == "Normal")
        #expect(sheet.styles.keys.sorted() == ["H1", "NoType", "Normal", "Other"])
        #expect(sheet.styles["H1"] == StyleSheet.Style(name: "heading 1", basedOn: "Normal", outlineLevel: 0))
        #expect(sheet.styles["NoType"]?.name == "A & B &#38; <c>")
        #expect(sheet.styles["Other"] == StyleSheet.Style())
        #expect(sheet == ReferenceStyleSheet.read(Array(xml.utf8)))
    }

    @Test func unqualifiedAttributesAndStrictNamespace() throws {
        let xml = Self.wrap("""
            <w:style type="paragraph" styleId="T"><w:name val="Title"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Q" styleId="U"><w:name w:val="q"/></w:style>
            """, ns: TestDOCX.strict)
        let sheet = try Self.sheet(xml)
        #expect(sheet.styles.keys.sorted() == ["Q", "T"])
        #expect(sheet.styles["T"]?.name == "Title")
        #expect(sheet == ReferenceStyleSheet.read(Array(xml.utf8)))
    }

    @Test func anotherRootGivesNoStyles() throws {
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(TestDOCX.transitional)\"><w:style w:styleId=\"A\"/></w:document>"
        #expect(try Self.sheet(xml) == StyleSheet())
    }

    @Test func utf16AndTinyChunks() throws {
        let xml = Self.wrap("<w:style w:type=\"paragraph\" w:styleId=\"标题1\"><w:name w:val=\"标题 1\"/></w:style>")
            .replacingOccurrences(of: "UTF-8", with: "UTF-16")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let sheet = try Self.sheet(utf16, chunk: 3)
        #expect(sheet.styles["标题1"]?.name == "标题 1")
        #expect(try Self.sheet(Array(Self.wrap("<w:style w:styleId=\"A\"/>").utf8), chunk: 1).styles.keys.sorted() == ["A"])
    }

    @Test func hostilePartsAreRefused() {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY x \"y\">]><w:styles xmlns:w=\"\(TestDOCX.transitional)\"/>"
        #expect(throws: RegridError.doctypeForbidden(part: "word/styles.xml")) { try Self.sheet(doctype) }
        // The DOCTYPE split across chunks is still seen before libxml2 parses it.
        #expect(throws: RegridError.doctypeForbidden(part: "word/styles.xml")) { try Self.sheet(Array(doctype.utf8), chunk: 5) }

        var limits = ReaderLimits.default
        limits.maxXMLDepth = 10
        let deep = Self.wrap(String(repeating: "<w:x>", count: 20) + String(repeating: "</w:x>", count: 20))
        #expect(throws: RegridError.limitExceeded(what: "XML nesting in word/styles.xml", limit: 10)) {
            try Self.sheet(deep, limits: limits)
        }

        for broken in [Self.wrap("<w:style w:styleId=\"A\">"), "", "<w:styles xmlns:w=\"\(TestDOCX.transitional)\">&undefined;</w:styles>",
                       Self.wrap("") + "<trailing/>"] {
            do {
                _ = try Self.sheet(broken)
                Issue.record("no error for \(broken)")
            } catch {
                guard case .malformedXML(let part, _, let message) = error else {
                    Issue.record("\(error) for \(broken)")
                    continue
                }
                #expect(part == "word/styles.xml")
                #expect(!message.isEmpty)
            }
        }
    }

    /// Every styles part of the corpus (real Word, LibreOffice, WPS, Google Docs … files) reads
    /// to the same style sheet as the reference.
    @Test func corpusStylesMatchTheReference() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx") + SharedCorpus.files(in: "corpus/malformed", ext: "docx")
        guard !files.isEmpty else {
            print("StyleSheetTests: ../shared/corpus absent (set REGRID_SHARED); skipped")
            return
        }
        var compared = 0
        for url in files {
            guard let archive = try? ZipArchive(bytes: Array(try Data(contentsOf: url)), limits: .default),
                  let entry = archive.entry(named: "word/styles.xml"), let bytes = try? archive.read(entry) else { continue }
            let reference = ReferenceStyleSheet.read(bytes)
            let read = try? Self.sheet(bytes)
            #expect(read == reference, "\(url.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 30)
    }

    @Test func batchCacheReadsATemplateOnce() throws {
        let cache = StyleCache()
        let styles = TestDOCX.style("H", name: "heading 2")
        let a = try TestDOCX(body: TestDOCX.p("Title", style: "H"), styles: styles).bytes()
        let b = try TestDOCX(body: TestDOCX.p("Other", style: "H") + TestDOCX.p("x"), styles: styles).bytes()
        let c = try TestDOCX(body: TestDOCX.p("Title", style: "H"), styles: TestDOCX.style("H", name: "heading 3")).bytes()
        let reader = DOCXReader(styleCache: cache)
        #expect(try reader.read(bytes: a, name: "a.docx").outline == ["h2 Title"])
        #expect(cache.count == 1)
        #expect(try reader.read(bytes: b, name: "b.docx").outline == ["h2 Other", "p x"])
        #expect(cache.count == 1)
        #expect(try reader.read(bytes: c, name: "c.docx").outline == ["h3 Title"])
        #expect(cache.count == 2)
        // A broken styles part is not kept: each read reports it.
        let broken = try TestDOCX(body: TestDOCX.p("T", style: "H"), styles: "<w:style>").bytes()
        for _ in 0..<2 {
            let document = try reader.read(bytes: broken, name: "d.docx")
            #expect(document.diagnostics.map(\.code) == ["styles-unreadable"])
        }
        #expect(cache.count == 2)
    }
}

/// The styles reading that ``XMLSAXParser`` replaced (``XMLStreamReader``, tree-walking), kept as
/// the reference: nil when it fails.
enum ReferenceStyleSheet {
    static func read(_ bytes: [UInt8]) -> StyleSheet? {
        var offset = 0
        do {
            let xml = try XMLStreamReader(part: "word/styles.xml", limits: .default) { buffer in
                let n = min(buffer.count, bytes.count - offset)
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.withUnsafeBytes { $0 }[offset..<(offset + n)]))
                offset += n
                return n
            }
            return try read(xml)
        } catch {
            return nil
        }
    }

    private static func read(_ xml: XMLStreamReader) throws(RegridError) -> StyleSheet {
        var sheet = StyleSheet()
        while try xml.next() {
            guard xml.kind == .startElement else { continue }
            if xml.depth == 0 {
                guard xml.isWord("styles") else { return sheet }
                continue
            }
            guard xml.depth == 1, xml.isWord("style") else { continue }
            let type = xml.wordAttribute("type") ?? "paragraph"
            let id = xml.wordAttribute("styleId")
            let isDefault = xml.wordAttribute("default").map { $0 == "1" || $0 == "true" || $0 == "on" } ?? false
            var style = StyleSheet.Style()
            try xml.forEachChild { x throws(RegridError) in
                guard x.namespace == .wordprocessingML else { return false }
                switch x.localName {
                case "name": style.name = x.wordAttribute("val")
                case "basedOn": style.basedOn = x.wordAttribute("val")
                case "pPr":
                    try x.forEachChild { p throws(RegridError) in
                        if p.isWord("outlineLvl") { style.outlineLevel = p.wordInteger() }
                        return false
                    }
                default: return false
                }
                return true
            }
            guard type == "paragraph", let id else { continue }
            if sheet.styles[id] == nil { sheet.styles[id] = style }
            if isDefault && sheet.defaultStyle == nil { sheet.defaultStyle = id }
        }
        return sheet
    }
}
