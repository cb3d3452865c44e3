@testable import RegridKit

/// Re-reads a workbook written by ``XLSXWriter`` through the project's zip and XML layers, for
/// the round-trip tests: sheet names, cell values by reference, merged ranges.
struct XLSXReadBack {
    struct Sheet {
        var name: String
        /// Reference → (type attribute, style, resolved value).
        var cells: [String: (type: String?, style: String?, value: String?)] = [:]
        var merges: [String] = []
        var xml = ""
    }

    var sheets: [Sheet] = []
    var parts: [String] = []

    init(_ bytes: [UInt8]) throws {
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        parts = archive.entries.map(\.name)
        func text(_ name: String) throws -> String {
            guard let entry = archive.entry(named: name) else { throw RegridError.missingPart(name) }
            return String(decoding: try archive.read(entry), as: UTF8.self)
        }
        func parse(_ name: String, _ body: (XMLStreamReader) throws -> Void) throws {
            let data = Array(try text(name).utf8)
            var offset = 0
            let xml = try XMLStreamReader(part: name, limits: .default) { buffer throws(RegridError) in
                let n = min(buffer.count, data.count - offset)
                buffer.copyBytes(from: data[offset..<(offset + n)])
                offset += n
                return n
            }
            while try xml.next() { try body(xml) }
        }
        var strings: [String] = []
        var inString = false
        try parse("xl/sharedStrings.xml") { xml in
            if xml.kind == .startElement && xml.localName == "si" { strings.append(""); inString = true }
            if xml.kind == .endElement && xml.localName == "si" { inString = false }
            if xml.kind == .text && inString { strings[strings.count - 1] += xml.text }
        }
        var names: [String] = []
        try parse("xl/workbook.xml") { xml in
            if xml.kind == .startElement && xml.localName == "sheet" { names.append(xml.attribute("name") ?? "") }
        }
        for (i, name) in names.enumerated() {
            var sheet = Sheet(name: name)
            let part = "xl/worksheets/sheet\(i + 1).xml"
            sheet.xml = try text(part)
            var current: (ref: String, type: String?, style: String?)? = nil
            var inValue = false
            try parse(part) { xml in
                switch (xml.kind, xml.localName) {
                case (.startElement, "c"):
                    let ref = xml.attribute("r") ?? ""
                    current = (ref, xml.attribute("t"), xml.attribute("s"))
                    sheet.cells[ref] = (current?.type, current?.style, nil)
                case (.startElement, "v"): inValue = true
                case (.endElement, "v"): inValue = false
                case (.text, _) where inValue:
                    if let c = current {
                        let value = c.type == "s" ? Int(xml.text).flatMap { strings.indices.contains($0) ? strings[$0] : nil } : xml.text
                        sheet.cells[c.ref] = (c.type, c.style, value)
                    }
                case (.startElement, "mergeCell"): sheet.merges.append(xml.attribute("ref") ?? "")
                default: break
                }
            }
            sheets.append(sheet)
        }
    }
}
