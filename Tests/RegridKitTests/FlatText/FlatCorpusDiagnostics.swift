import Foundation
import Testing
@testable import RegridKit

/// Where the flattened-text reader loses against the DOCX reader: with `REGRID_FLAT_DIAG=1`
/// (and optionally `REGRID_FLAT_DIAG_FILE=substring`), prints for every table that is not exactly
/// equal whether the cell texts (as a multiset), the row count and the column count agree, and
/// both grids side by side. Without the variable it only checks that both readers succeed.
@Suite struct FlatCorpusDiagnostics {
    static let env = ProcessInfo.processInfo.environment
    static let enabled = env["REGRID_FLAT_DIAG"] != nil

    static func grid(_ t: Table, rows limit: Int) -> [String] {
        var g = Array(repeating: Array(repeating: "", count: t.columns), count: t.rows)
        for c in t.cells {
            for r in c.row..<(c.row + c.rowSpan) {
                for k in c.column..<(c.column + c.colSpan) {
                    let mark = (r == c.row && k == c.column) ? "" : (k == c.column ? "^" : "<")
                    g[r][k] = mark + String(c.text.replacingOccurrences(of: "\n", with: "/").prefix(14))
                }
            }
        }
        return g.prefix(limit).map { "   |" + $0.joined(separator: " | ") }
    }

    func run(folder: String) throws {
        let filter = Self.env["REGRID_FLAT_DIAG_FILE"]
        let limit = Int(Self.env["REGRID_FLAT_DIAG_ROWS"] ?? "") ?? 14
        guard let flatDir = SharedCorpus.directory("corpus/\(folder)") else { return }
        for url in SharedCorpus.files(in: "corpus/docx", ext: "docx") {
            let stem = url.deletingPathExtension().lastPathComponent
            if let filter, !stem.contains(filter) { continue }
            guard let text = try? Data(contentsOf: flatDir.appendingPathComponent(stem + ".txt")) else { continue }
            let reference = try DOCXReader().read(bytes: Array(try Data(contentsOf: url)), name: stem).tables.map { $0.withMinimalGrid() }
            let flat = try FlatTextReader().read(bytes: Array(text), name: stem).tables.map { $0.withMinimalGrid() }
            let s = CorpusScoring.score(reference: reference, candidate: flat,
                                        input: (String(decoding: text, as: UTF8.self), folder == "flat" ? .cellPerLine : .rowPerLine))
            guard Self.enabled else { continue }
            for (i, ref) in reference.enumerated() where !s.exact[i] {
                guard let j = s.matches[i] else {
                    print("\(folder) \(stem) t\(i + 1): UNMATCHED (\(ref.rows)x\(ref.columns)) [\(s.losses[i]?.rawValue ?? "?")]; flat has \(flat.count) tables")
                    continue
                }
                let cand = flat[j]
                let texts = { (t: Table) in t.cells.filter { !$0.isSynthetic }.map(\.text).filter { !$0.isEmpty }.sorted() }
                print(String(format: "%@ %@ t%d TEDS %.3f texts %@ rows %d/%d cols %d/%d [%@]", folder, stem, i + 1, s.teds[i],
                             texts(ref) == texts(cand) ? "same" : "DIFF", ref.rows, cand.rows, ref.columns, cand.columns,
                             s.losses[i]?.rawValue ?? "?"))
                if texts(ref) != texts(cand) {
                    let a = Set(texts(ref)), b = Set(texts(cand))
                    print("   only docx: \(a.subtracting(b).sorted().prefix(6).map { $0.debugDescription })")
                    print("   only flat: \(b.subtracting(a).sorted().prefix(6).map { $0.debugDescription })")
                }
                if Self.env["REGRID_FLAT_DIAG_GRID"] != nil {
                    print("  DOCX"); Self.grid(ref, rows: limit).forEach { print($0) }
                    print("  FLAT"); Self.grid(cand, rows: limit).forEach { print($0) }
                }
            }
        }
    }

    @Test func cellPerLine() throws { try run(folder: "flat") }
    @Test func rowPerLine() throws { try run(folder: "flat-rowline") }
}
