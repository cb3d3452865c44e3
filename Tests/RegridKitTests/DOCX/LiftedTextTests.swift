import Foundation
import RegridFixtures
import Testing
@testable import RegridKit

/// ``LiftedText``: runs of non-ASCII text taken out before libxml2 parses a part must give the
/// events, documents and errors libxml2 alone gives.
@Suite struct LiftedTextTests {
    /// Bytes kept alive for ``LiftedRuns`` (the role the zip entry plays in the reader).
    private final class Owner {
        let bytes: UnsafeMutableRawBufferPointer
        init(_ source: [UInt8]) {
            bytes = .allocate(byteCount: max(source.count, 1), alignment: 8)
            source.withUnsafeBytes { bytes.copyMemory(from: $0) }
        }
        deinit { bytes.deallocate() }
    }

    private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private static func document(_ body: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(w)\"><w:body>\(body)</w:body></w:document>".utf8)
    }

    /// The runs lifted out of `xml`, as text.
    private static func runs(_ xml: [UInt8]) -> [String] {
        xml.withUnsafeBytes { part in
            (LiftedText.lift(part)?.runs ?? []).map { String(decoding: part[$0.start..<($0.start + $0.count)], as: UTF8.self) }
        }
    }

    /// Every event of `xml` through ``XMLStreamReader``, lifting runs first or not; or the error.
    private static func events(_ xml: [UInt8], lifting: Bool) -> Result<[String], RegridError> {
        let owner = Owner(xml)
        let part = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(owner.bytes)[0..<xml.count])
        let runs = lifting ? LiftedText.lift(part).flatMap { LiftedRuns($0, part: part, owner: owner) } : nil
        var offset = 0
        do throws(RegridError) {
            let reader = try XMLStreamReader(part: "word/document.xml", limits: .default, lifted: runs) { buffer throws(RegridError) in
                if let runs { return runs.read(into: buffer) }
                let n = min(buffer.count, xml.count - offset)
                buffer.copyBytes(from: xml[offset..<(offset + n)])
                offset += n
                return n
            }
            var out: [String] = []
            while try reader.next() {
                switch reader.kind {
                case .startElement:
                    let attributes = reader.attributes().map { "\($0.namespace) \($0.name)=\($0.value)" }
                    out.append("start \(reader.namespace) \(reader.localName) \(reader.depth) \(reader.isEmptyElement) \(attributes)")
                case .endElement: out.append("end \(reader.localName) \(reader.depth)")
                case .text: out.append("text \(reader.depth) [\(reader.text)]")
                case .other: out.append("other \(reader.depth)")
                }
            }
            return .success(out)
        } catch {
            return .failure(error)
        }
    }

    /// `text` followed by the `<` that ends a run, as ``LiftedText/isLiftable(_:from:to:)`` sees it.
    private static func liftable(_ text: [UInt8]) -> Bool {
        (text + [UInt8(ascii: "<")]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { LiftedText.isLiftable($0, from: 0, to: text.count) } ?? false
        }
    }

    @Test func liftsNonASCIITextRightAfterStartTags() {
        let xml = Self.document("""
            <w:p><w:r><w:t>中文</w:t></w:r><w:r><w:t xml:space="preserve"> 年度 report </w:t></w:r>\
            <w:r><w:t>ASCII only</w:t></w:r><w:r><w:t w:x="a>b">甲</w:t></w:r><w:r>乙</w:r>丙\
            <w:r><w:t>甲&amp;乙</w:t><w:t>甲\n乙</w:t><w:t>甲\r乙</w:t><w:t>x>中</w:t></w:r>\
            <!-- 注 --><?pi 中?><w:r><w:t>丁</w:t></w:r></w:p>
            """)
        // `乙` follows a start tag too; `丙` follows an end tag; `x>中` has a `>` before the run
        // that is not a tag's.
        #expect(Self.runs(xml) == ["中文", " 年度 report ", "乙", "丁"])
    }

    @Test func takesOnlyWhatLibxml2WouldPassAsItIs() {
        let good: [[UInt8]] = [
            Array("中".utf8), Array("\t中 ".utf8), [0xC2, 0x80], [0xEF, 0xBF, 0xBD], [0xEE, 0x80, 0x80],
            [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], Array("中]]x]>".utf8), Array("中>".utf8),
            Array("\u{7F}中".utf8), [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
        ]
        for text in good { #expect(Self.liftable(text), "\(text)") }
        let bad: [[UInt8]] = [
            Array("ASCII".utf8), Array("中&amp;".utf8), Array("中\n".utf8), Array("中\r".utf8), Array("中]]>".utf8),
            [0x01, 0xE4, 0xB8, 0xAD], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xF0, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xE4, 0xB8, 0xAD, 0xB8], [0xFF], [0xE4, 0x41, 0xAD],
        ]
        for text in bad { #expect(!Self.liftable(text), "\(text)") }
    }

    @Test func leavesPartsAloneThatAreNotPlainUTF8XML10() {
        let body = "<w:p><w:r><w:t>中</w:t></w:r></w:p>"
        let element = "<w:document xmlns:w=\"\(Self.w)\"><w:body>\(body)</w:body></w:document>"
        let lifted = [
            element,
            "<?xml version='1.0' encoding='utf-8'?>" + element,
            "<?xml version=\"1.0\"?>\n" + element,
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + element,
        ]
        for xml in lifted { #expect(Self.runs(Array(xml.utf8)) == ["中"], "\(xml.prefix(50))") }
        let left = [
            "<?xml version=\"1.0\" encoding=\"GBK\"?>" + element,
            "<?xml version=\"1.1\"?>" + element,
            "<?xml version=\"1.0\"?><!DOCTYPE w:document>" + element,
            " " + element,
        ]
        for xml in left { #expect(Self.runs(Array(xml.utf8)).isEmpty, "\(xml.prefix(50))") }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in element.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(Self.runs(utf16).isEmpty)
    }

    /// Text before any markup, a long attribute value and a long run: each byte is looked at a
    /// bounded number of times (the scan is linear), and only the run after the start tag is taken.
    @Test func junkBeforeTheRootAndLongValues() {
        let junk = String(repeating: "中x", count: 200_000)
        let xml = Array(("<?xml version=\"1.0\"?>" + junk + "<w:document xmlns:w=\"\(Self.w)\" w:v=\"\(junk)>\">"
            + "<w:t>\(junk)</w:t></w:document>").utf8)
        #expect(Self.runs(xml) == [junk])
        guard case .failure = Self.events(xml, lifting: true), case .failure = Self.events(xml, lifting: false) else {
            Issue.record("text before the root is an error either way")
            return
        }
    }

    @Test func eventsAreLibxml2sOwn() throws {
        let xml = Self.document("""
            <w:p><w:r><w:t>中文</w:t></w:r><w:r><w:t xml:space="preserve"> 年度 report </w:t><w:t/><w:t></w:t></w:r>\
            <w:r><w:t>\(String(repeating: "政府信息公开，", count: 400))</w:t></w:r></w:p>
            """)
        #expect(Self.runs(xml).count == 3)
        let plain = try Self.events(xml, lifting: false).get()
        #expect(try Self.events(xml, lifting: true).get() == plain)
        #expect(plain.contains("text 5 [中文]"))
    }

    /// A `>` inside a comment looks like a start tag's: the run is taken, libxml2 passes it by,
    /// and the lifted parse fails, so that the reader reads the package again without lifting.
    @Test func aRunLibxml2PassesByFailsTheLiftedParse() throws {
        let xml = Self.document("<w:p><!--<a>中</a>--><w:r><w:t>文</w:t></w:r></w:p>")
        #expect(Self.runs(xml) == ["中", "文"])
        guard case .failure = Self.events(xml, lifting: true) else {
            Issue.record("the lifted parse should fail")
            return
        }
        let plain = try Self.events(xml, lifting: false).get()
        #expect(plain.contains("text 5 [文]"))
        let package = try DOCXFixture.package(document: xml)
        var unlifted = DOCXReader()
        unlifted.liftsText = false
        #expect(try DOCXReader().read(bytes: package, name: "c.docx") == unlifted.read(bytes: package, name: "c.docx"))
    }

    /// Random documents full of the cases that matter (text next to entities, line ends, `]]>`,
    /// broken UTF-8, `>` in attribute values, comments, CDATA), then damaged: a lifted parse that
    /// succeeds gives libxml2's events, and the reader's document or error is libxml2's.
    @Test func randomDocumentsReadAsLibxml2AloneReadsThem() throws {
        var random = SeededRandom(seed: 12)
        let texts: [[UInt8]] = [
            Array("中文".utf8), Array("年度报告".utf8), Array("A".utf8), Array(" ".utf8), Array("\t".utf8),
            Array("&amp;".utf8), Array("&#20013;".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8),
            Array("]]".utf8), Array("x>y".utf8), Array("，".utf8), Array("😀".utf8), Array("\u{FFFD}\u{80}".utf8),
        ]
        let invalid: [[UInt8]] = [
            Array("]]>".utf8), [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xC0, 0xAF], [0x01], [0xFF],
        ]
        let others: [String] = [
            "<!--中<a>文-->", "<![CDATA[中<b>文]]>", "<?pi 中?>", "<w:x/>", "</w:r>后", "<w:y w:v=\"a>中\">甲</w:y>",
            "<w:y w:v='中'/>", "<w:br/>",
        ]
        var lifted = 0, mismatched = 0, failed = 0
        for _ in 0..<300 {
            let dirty = random.chance(0.3)
            var body: [UInt8] = []
            for _ in 0..<random.int(1...8) {
                body += Array("<w:p><w:r>".utf8)
                for _ in 0..<random.int(1...4) {
                    if random.chance(0.2) { body += Array(random.pick(others).utf8) }
                    body += Array((random.chance(0.2) ? "<w:t xml:space=\"preserve\">" : "<w:t>").utf8)
                    for _ in 0..<random.int(0...4) {
                        body += dirty && random.chance(0.1) ? random.pick(invalid)
                            : random.chance(0.5) ? texts[random.int(0...1)] : random.pick(texts)
                    }
                    body += Array("</w:t>".utf8)
                }
                body += Array("</w:r></w:p>".utf8)
            }
            var xml = Self.document("")
            let cut = xml.count - "</w:body></w:document>".utf8.count
            xml.insert(contentsOf: body, at: cut)
            if random.chance(0.2) {
                let at = random.int(0...(xml.count - 1))
                if random.chance(0.5) { xml.remove(at: at) } else { xml.insert(random.pick([0x3C, 0x3E, 0x22, 0x26, 0xE4, 0x80]), at: at) }
            }
            guard !Self.runs(xml).isEmpty else { continue }
            lifted += 1
            let plain = Self.events(xml, lifting: false)
            switch Self.events(xml, lifting: true) {
            case .success(let events):
                guard case .success(let want) = plain else {
                    Issue.record("lifted parse succeeded where libxml2 alone fails: \(String(decoding: xml, as: UTF8.self))")
                    continue
                }
                #expect(events == want)
            case .failure:
                if case .success = plain { mismatched += 1 } else { failed += 1 }
            }
            let package = try DOCXFixture.package(document: xml)
            var unlifted = DOCXReader()
            unlifted.liftsText = false
            let a = Result { () throws(RegridError) in try DOCXReader().read(bytes: package, name: "r.docx") }
            let b = Result { () throws(RegridError) in try unlifted.read(bytes: package, name: "r.docx") }
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(x == y)
            case (.failure(let x), .failure(let y)): #expect("\(x)" == "\(y)")
            default: Issue.record("lifting changed the outcome: \(a) vs \(b)")
            }
        }
        print("LiftedTextTests: lifted \(lifted), mismatched \(mismatched), failed \(failed)")
        // The set exercises all three ways a lifted parse can go.
        #expect(lifted > 200 && mismatched > 0 && failed > 20, "lifted \(lifted), mismatched \(mismatched), failed \(failed)")
    }

    /// The bundled reports and the shared corpus read the same with and without lifting.
    @Test func realDocumentsReadTheSame() throws {
        var files = try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.repositoryRoot.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".docx") }.map { SharedCorpus.repositoryRoot.appendingPathComponent("Samples").appendingPathComponent($0) }
        #expect(files.count >= 3)
        let corpus = SharedCorpus.files(in: "corpus/docx", ext: "docx")
        if corpus.isEmpty { print("LiftedTextTests: ../shared/corpus absent (set REGRID_SHARED); Samples only") }
        files += corpus
        var unlifted = DOCXReader()
        unlifted.liftsText = false
        var liftedParts = 0
        for url in files {
            let bytes = Array(try Data(contentsOf: url))
            if let archive = try? ZipArchive(bytes: bytes, limits: .default), let entry = archive.entry(named: "word/document.xml"),
               let part = try? archive.read(entry), !Self.runs(part).isEmpty {
                liftedParts += 1
            }
            let a = Result { () throws(RegridError) in try DOCXReader().read(bytes: bytes, name: url.lastPathComponent) }
            let b = Result { () throws(RegridError) in try unlifted.read(bytes: bytes, name: url.lastPathComponent) }
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(x == y, "\(url.lastPathComponent)")
            case (.failure(let x), .failure(let y)): #expect("\(x)" == "\(y)", "\(url.lastPathComponent)")
            default: Issue.record("\(url.lastPathComponent): lifting changed the outcome")
            }
        }
        #expect(liftedParts >= 3, "the bundled reports are read with their text lifted")
    }
}
