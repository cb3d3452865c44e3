import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RegridKit

/// An independent reading of DOCX tables for the corpus test: Foundation's `XMLParser` builds a
/// small DOM of word/document.xml, and the tables' slots and cell text are computed from it with a
/// slot-ownership matrix, sharing no code with the streaming reader or ``GridAssembler``.
enum ReferenceTableModel {
    final class Node {
        let namespace: String
        let name: String
        var attributes: [String: String] = [:]
        var children: [Node] = []
        var text = ""
        init(namespace: String, name: String) { self.namespace = namespace; self.name = name }

        var isWord: Bool {
            namespace == "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                || namespace == "http://purl.oclc.org/ooxml/wordprocessingml/main"
        }
        func isW(_ n: String) -> Bool { isWord && name == n }
        var isChoice: Bool { namespace == "http://schemas.openxmlformats.org/markup-compatibility/2006" && name == "Choice" }
        /// Subtrees whose content is never shown.
        var isDropped: Bool { isChoice || isW("del") || isW("moveFrom") || isW("rt") || isW("tcPr") || isW("trPr") || isW("pPr") || isW("rPr") }
        func child(_ n: String) -> Node? { children.first { $0.isW(n) } }
        var val: String? { attributes["val"] }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Node] = []
        var root: Node?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = Node(namespace: namespaceURI ?? "", name: elementName)
            for (key, value) in attributeDict { node.attributes[String(key.split(separator: ":").last ?? "")] = value }
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let top = stack.last, top.isW("t") { top.text += string }
        }
    }

    static func parse(_ data: Data) -> Node? {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    /// A table as the reference computes it: its non-synthetic cells and its nested tables per cell.
    struct RefTable {
        var rows = 0
        var columns = 0
        var cells: [RefCell] = []
    }
    struct RefCell: Equatable {
        var row: Int, column: Int, rowSpan: Int, colSpan: Int
        var text: String
        var nested: [RefTableSummary] = []
    }
    /// Nested tables are compared by their own summaries.
    struct RefTableSummary: Equatable {
        var rows: Int, columns: Int
        var cells: [String]
    }

    /// Tables whose nearest table-cell ancestor is none (top level) under `node`, in document order.
    static func tables(under node: Node) -> [Node] {
        var out: [Node] = []
        func visit(_ n: Node) {
            if n.isDropped { return }
            if n.isW("tbl") { out.append(n); return }
            if n.isW("tc") { return }
            n.children.forEach(visit)
        }
        node.children.forEach(visit)
        return out
    }

    /// Rows of `table` (not of nested tables), deleted rows left out.
    static func rows(of table: Node) -> [Node] {
        var out: [Node] = []
        func visit(_ n: Node) {
            if n.isDropped || n.isW("tbl") { return }
            if n.isW("tr") {
                if n.child("trPr")?.child("del") == nil { out.append(n) }
                return
            }
            n.children.forEach(visit)
        }
        table.children.forEach(visit)
        return out
    }

    static func cells(of row: Node) -> [Node] {
        var out: [Node] = []
        func visit(_ n: Node) {
            if n.isDropped || n.isW("tbl") { return }
            if n.isW("tc") { out.append(n); return }
            n.children.forEach(visit)
        }
        row.children.forEach(visit)
        return out
    }

    /// The trimmed non-empty paragraph texts in `node`, at any depth, ordered by where each paragraph starts.
    static func lines(of node: Node) -> [String] {
        var slots: [String] = []
        var open: [Int] = []
        var fields: [Bool] = []
        func emit(_ s: String) {
            guard let i = open.last, !fields.contains(false) else { return }
            slots[i] += s
        }
        func visit(_ n: Node) {
            if n.isDropped { return }
            if n.isW("tr"), n.child("trPr")?.child("del") != nil { return }
            if n.isW("p") {
                slots.append("")
                open.append(slots.count - 1)
                n.children.forEach(visit)
                open.removeLast()
                return
            }
            if n.isWord {
                switch n.name {
                case "t": emit(n.text)
                case "tab", "ptab": emit("\t")
                case "br", "cr": emit("\n")
                case "noBreakHyphen": emit("-")
                case "fldChar":
                    switch n.attributes["fldCharType"] {
                    case "begin":
                        // A legacy checkbox form field reads as ☒ / ☐ (w:checked, else w:default).
                        if let box = n.child("ffData")?.child("checkBox") {
                            let state = box.child("checked") ?? box.child("default")
                            let on = state.map { !["0", "false", "off"].contains($0.attributes["val"]?.lowercased() ?? "1") } ?? false
                            emit(on ? "\u{2612}" : "\u{2610}")
                        }
                        fields.append(false)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                    case "end": if !fields.isEmpty { fields.removeLast() }
                    default: break
                    }
                default: break
                }
            }
            n.children.forEach(visit)
        }
        visit(node)
        return slots.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Slots of one table from a slot-ownership matrix.
    static func table(_ node: Node) -> RefTable {
        let declared = node.child("tblGrid")?.children.filter { $0.isW("gridCol") }.count ?? 0
        var owner: [[Int?]] = []          // owner[row][column] = index into cells
        var cells: [RefCell] = []
        var cellNodes: [[Node]] = []
        for (r, row) in rows(of: node).enumerated() {
            owner.append([])
            let trPr = row.child("trPr")
            var column = max(0, Int(trPr?.child("gridBefore")?.val ?? "") ?? 0)
            func own(_ c: Int, _ index: Int) {
                while owner[r].count <= c { owner[r].append(nil) }
                owner[r][c] = index
            }
            var previous: Int?
            for tc in ReferenceTableModel.cells(of: row) {
                let tcPr = tc.child("tcPr")
                let span = max(1, Int(tcPr?.child("gridSpan")?.val ?? "") ?? 1)
                let text = lines(of: tc).joined(separator: "\n")
                let nested = tables(under: tc)
                if let h = tcPr?.child("hMerge"), h.val != "restart", let p = previous {
                    for c in column..<(column + span) { own(c, p) }
                    cells[p].colSpan += span
                    if !text.isEmpty { cells[p].text += (cells[p].text.isEmpty ? "" : "\n") + text }
                    cellNodes[p] += nested
                    column += span
                    continue
                }
                if let v = tcPr?.child("vMerge"), v.val != "restart", r > 0,
                   column < owner[r - 1].count, let above = owner[r - 1][column],
                   cells[above].column == column, cells[above].colSpan == span,
                   cells[above].row + cells[above].rowSpan == r {
                    cells[above].rowSpan += 1
                    for c in column..<(column + span) { own(c, above) }
                    if !text.isEmpty { cells[above].text += (cells[above].text.isEmpty ? "" : "\n") + text }
                    cellNodes[above] += nested
                    previous = above
                    column += span
                    continue
                }
                cells.append(RefCell(row: r, column: column, rowSpan: 1, colSpan: span, text: text))
                cellNodes.append(nested)
                for c in column..<(column + span) { own(c, cells.count - 1) }
                previous = cells.count - 1
                column += span
            }
            column += max(0, Int(trPr?.child("gridAfter")?.val ?? "") ?? 0)
            while owner[r].count < column { owner[r].append(nil) }
        }
        var result = RefTable()
        result.rows = owner.count
        result.columns = max(declared, owner.map(\.count).max() ?? 0)
        for i in cells.indices {
            cells[i].nested = cellNodes[i].map { summary(table($0)) }
        }
        result.cells = cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        return result
    }

    static func summary(_ t: RefTable) -> RefTableSummary {
        RefTableSummary(rows: t.rows, columns: t.columns,
                        cells: t.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text)" })
    }
}
