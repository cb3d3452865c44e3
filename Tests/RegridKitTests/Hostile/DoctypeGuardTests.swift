import Foundation
import Testing
@testable import RegridKit

/// A DOCTYPE is refused before libxml2 parses it, whatever the encoding and however the bytes
/// are chunked; markup after the root element's start is never mistaken for one.
@Suite("DOCTYPE guard")
struct DoctypeGuardTests {
    /// Reads all of `xml` through XMLStreamReader in chunks of `chunk` bytes; returns the element count.
    private func read(_ xml: [UInt8], chunk: Int) throws(RegridError) -> Int {
        var offset = 0
        let reader = try XMLStreamReader(part: "word/document.xml", limits: .default) { buffer throws(RegridError) in
            let n = min(chunk, buffer.count, xml.count - offset)
            buffer.copyBytes(from: xml[offset..<(offset + n)])
            offset += n
            return n
        }
        var elements = 0
        while try reader.next() { if reader.kind == .startElement { elements += 1 } }
        return elements
    }

    /// Billion laughs: without the guard libxml2 parses the internal subset and fails on its own
    /// ("entity reference loop") before the reader ever sees the DOCTYPE node.
    private let laughs: String = {
        var dtd = "<!DOCTYPE r [<!ENTITY l0 \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        return "<?xml version=\"1.0\"?>\n" + dtd + "]><r>&l9;</r>"
    }()

    @Test(arguments: [1, 3, 8, 4096])
    func doctypeIsRefusedAtAnyChunking(chunk: Int) {
        #expect(throws: RegridError.doctypeForbidden(part: "word/document.xml")) {
            try read(Array(laughs.utf8), chunk: chunk)
        }
    }

    @Test func doctypeIsRefusedInUTF16AndLowercase() {
        let lowercase = laughs.replacingOccurrences(of: "DOCTYPE", with: "doctype")
        #expect(throws: RegridError.doctypeForbidden(part: "word/document.xml")) {
            try read(Array(lowercase.utf8), chunk: 5)
        }
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><r/>"
        let le: [UInt8] = [0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + utf16.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(throws: RegridError.doctypeForbidden(part: "word/document.xml")) { try read(le, chunk: 7) }
        #expect(throws: RegridError.doctypeForbidden(part: "word/document.xml")) { try read(be, chunk: 7) }
    }

    @Test func markupAfterTheRootIsNotADoctype() throws {
        let xml = "<?xml version=\"1.0\"?><!-- a comment --><r><![CDATA[<!DOCTYPE x>]]><a>&lt;!DOCTYPE</a></r>"
        #expect(try read(Array(xml.utf8), chunk: 4) == 2)
    }
}
