/// A1-style cell references and sheet names, for the XLSX writer.
public enum SpreadsheetNames {
    /// The largest sheet Excel opens.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// The column letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The reference of a 0-based slot: (0, 0) → `A1`.
    public static func cell(row: Int, column: Int) -> String {
        SpreadsheetNames.column(column) + String(row + 1)
    }

    /// The range covered by a cell: `A1:C2`, or `A1` for a single slot.
    public static func range(_ cell: Cell) -> String {
        let first = self.cell(row: cell.row, column: cell.column)
        guard cell.rowSpan > 1 || cell.colSpan > 1 else { return first }
        return first + ":" + self.cell(row: cell.row + cell.rowSpan - 1, column: cell.column + cell.colSpan - 1)
    }

    /// Valid, distinct sheet names for `wanted`: the characters Excel forbids (`[]:*?/\`) become
    /// `_`, names are cut to 31 characters, empty names become `Sheet`, and repeats (compared
    /// case-insensitively) get ` (2)`, ` (3)`, ….
    public static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        var out: [String] = []
        for name in wanted {
            var clean = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
            while clean.hasPrefix("'") { clean.removeFirst() }
            while clean.hasSuffix("'") { clean.removeLast() }
            if clean.isEmpty { clean = "Sheet" }
            var candidate = String(clean.prefix(31))
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }
}
