import Foundation
@testable import RegridKit

/// The paragraphs of every top-level table cell of a DOCX, empty ones kept (the model drops
/// them): per table, per row, per cell, whether each paragraph has text. Read from
/// `word/document.xml` with the DOCX reader's SAX parser; cells of nested tables are not listed.
final class DOCXCellParagraphs: XMLSAXHandler {
    typealias CellParagraphs = [Bool]
    private(set) var tables: [[[CellParagraphs]]] = []
    private var tableDepths: [Int] = []
    private var rows: [[CellParagraphs]] = []
    private var cells: [CellParagraphs] = []
    private var cell: CellParagraphs? = nil
    private var cellDepth = -1
    private var rowDepth = -1
    private var paragraphDepth = -1
    private var paragraphHasText = false
    private var inText = false

    static func read(_ url: URL) throws -> [[[CellParagraphs]]] {
        let zip = try ZipArchive(bytes: Array(try Data(contentsOf: url)), limits: .default)
        guard let entry = zip.entry(named: "word/document.xml") else { return [] }
        let handler = DOCXCellParagraphs()
        let bytes = try zip.read(entry)
        let parser = XMLPushParser(part: "word/document.xml", limits: .default, handler: handler)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: bytes)
        try parser.push(UnsafeRawBufferPointer(buffer))
        try parser.finish()
        return handler.tables
    }

    func startElement(_ tag: XMLStartTag) -> Bool {
        if tag.isWord("tbl") {
            tableDepths.append(tag.depth)
            if tableDepths.count == 1 { rows = [] }
        } else if tableDepths.count == 1 {
            if tag.isWord("tr") { cells = []; rowDepth = tag.depth }
            else if tag.isWord("tc") { cell = []; cellDepth = tag.depth }
            else if tag.isWord("p"), cell != nil, tag.depth == cellDepth + 1 { paragraphDepth = tag.depth; paragraphHasText = false }
            else if tag.isWord("t"), paragraphDepth >= 0 { inText = true }
        }
        return true
    }

    func characters(_ bytes: UnsafeRawBufferPointer) {
        if inText && bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { paragraphHasText = true }
    }

    func endElement(depth: Int) {
        if let top = tableDepths.last, top == depth {
            tableDepths.removeLast()
            if tableDepths.isEmpty { tables.append(rows) }
            return
        }
        guard tableDepths.count == 1 else { return }
        if inText { inText = false }
        if depth == paragraphDepth {
            cell?.append(paragraphHasText)
            paragraphDepth = -1
        } else if depth == cellDepth, let c = cell {
            cells.append(c); cell = nil; cellDepth = -1
        } else if depth == rowDepth {
            rows.append(cells); cells = []; rowDepth = -1
        }
    }
}
