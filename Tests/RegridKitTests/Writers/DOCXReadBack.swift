@testable import RegridKit

/// A small independent reader of the DOCX files ``DOCXWriter`` writes, for tests until (and
/// beside) the real DOCX reader: top-level headings (`HeadingN` styles), paragraphs and tables
/// (`w:gridSpan`, `w:vMerge`, `w:gridBefore`/`w:gridAfter`, `w:tblHeader`) rebuilt through
/// ``GridAssembler``. Nested tables contribute nothing but are skipped.
struct DOCXReadBack {
    var blocks: [Block] = []
    var documentXML = ""
    var parts: [String] = []

    init(_ bytes: [UInt8]) throws {
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        parts = archive.entries.map(\.name)
        guard let entry = archive.entry(named: "word/document.xml") else { throw RegridError.missingPart("word/document.xml") }
        let data = try archive.read(entry)
        documentXML = String(decoding: data, as: UTF8.self)
        var offset = 0
        let xml = try XMLStreamReader(part: entry.name, limits: .default) { buffer throws(RegridError) in
            let n = min(buffer.count, data.count - offset)
            buffer.copyBytes(from: data[offset..<(offset + n)])
            offset += n
            return n
        }
        var tableDepth = 0
        var paragraph: String? = nil
        var style: String? = nil
        var raw = RawTable()
        var cellParagraphs: [String] = []
        var cell = RawCell(text: "")
        var tables = 0
        while try xml.next() {
            let name = xml.localName
            switch xml.kind {
            case .startElement:
                if name == "tbl" {
                    tableDepth += 1
                    if tableDepth == 1 { raw = RawTable() }
                }
                guard tableDepth <= 1 else { continue }
                switch name {
                case "p":
                    paragraph = ""
                    style = nil
                    if xml.isEmptyElement {
                        if tableDepth == 1 { cellParagraphs.append("") }
                        paragraph = nil
                    }
                case "pStyle": style = xml.attribute("val")
                case "gridCol": raw.declaredColumns = (raw.declaredColumns ?? 0) + 1
                case "tr": raw.rows.append(RawRow())
                case "gridBefore": raw.rows[raw.rows.count - 1].gridBefore = Int(xml.attribute("val") ?? "") ?? 0
                case "gridAfter": raw.rows[raw.rows.count - 1].gridAfter = Int(xml.attribute("val") ?? "") ?? 0
                case "tblHeader": raw.rows[raw.rows.count - 1].isHeader = true
                case "tc": cell = RawCell(text: ""); cellParagraphs = []
                case "gridSpan": cell.colSpan = Int(xml.attribute("val") ?? "") ?? 1
                case "vMerge": cell.vMerge = xml.attribute("val") == "restart" ? .restart : .continue
                case "br": paragraph? += "\n"
                case "tab": paragraph? += "\t"
                default: break
                }
            case .text:
                if tableDepth <= 1, paragraph != nil { paragraph! += xml.text }
            case .endElement:
                if name == "tbl" {
                    tableDepth -= 1
                    if tableDepth == 0 {
                        tables += 1
                        blocks.append(.table(try GridAssembler().assemble(raw, id: "t\(tables)")))
                    }
                    continue
                }
                guard tableDepth <= 1 else { continue }
                if name == "p", let text = paragraph {
                    if tableDepth == 1 {
                        cellParagraphs.append(text)
                    } else if let style, style.hasPrefix("Heading"), let level = Int(style.dropFirst(7)) {
                        blocks.append(.heading(Heading(level: level, text: text)))
                    } else if !text.isEmpty {
                        blocks.append(.paragraph(Paragraph(text: text)))
                    }
                    paragraph = nil
                } else if name == "tc" {
                    cell.text = cellParagraphs.joined(separator: "\n")
                    raw.rows[raw.rows.count - 1].cells.append(cell)
                }
            case .other: break
            }
        }
    }
}
