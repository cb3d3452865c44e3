/// What a cell's text looks like, for the span inference of flattened tables.
enum CellContentKind: Equatable, Sendable {
    case empty
    /// A count, amount or percentage (`0`, `-18`, `1,234.5`, `12%`, `0万元`, `3项`), or a
    /// placeholder standing for one (`-`, `—`, `/`).
    case numeric
    case text

    init(_ text: String) {
        let t = text.trimmingWhitespace()
        if t.isEmpty { self = .empty; return }
        self = CellContentKind.isNumeric(t) ? .numeric : .text
    }

    private static let placeholders: Set<String> = ["-", "—", "－", "–", "/", "／", "--", "——"]
    /// Short unit suffixes seen after counts in report tables.
    private static let units: Set<Character> = ["项", "件", "个", "元", "次", "人", "家", "条", "份", "篇", "%", "‰", "％"]

    private static func isNumeric(_ t: String) -> Bool {
        if placeholders.contains(t) { return true }
        var scalars = Substring(t)
        if scalars.hasSuffix("万元") { scalars = scalars.dropLast(2) }
        while let last = scalars.last, units.contains(last) { scalars = scalars.dropLast() }
        if let first = scalars.first, "+-−¥$€£".contains(first) { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var digits = 0
        for ch in scalars {
            if ch.isASCII && ch.isNumber { digits += 1 } else if ch == "." || ch == "," { continue } else { return false }
        }
        return digits > 0
    }
}
