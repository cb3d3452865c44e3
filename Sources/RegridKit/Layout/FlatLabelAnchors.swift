/// Where each label text of a flattened table has been placed, for ``FlatRowPlacement``: a label
/// that repeats (a block header such as 信息内容 or 上一年项目数量 over several blocks of one
/// table) most likely keeps the same columns each time. Only rows placed for certain (full rows)
/// are recorded; only non-numeric, non-empty texts count, and a text seen at two different
/// ranges is no anchor.
struct FlatLabelAnchors {
    private var placements: [String: Set<Range<Int>>] = [:]

    /// Records the cells of one placed row.
    mutating func add(_ texts: [String], spans: [Int], kinds: [CellContentKind]) {
        var col = 0
        for (i, span) in spans.enumerated() where i < texts.count && i < kinds.count {
            defer { col += span }
            guard kinds[i] == .text else { continue }
            let key = texts[i].trimmingWhitespace()
            guard !key.isEmpty else { continue }
            placements[key, default: []].insert(col..<(col + span))
        }
    }

    /// The one range `text` has been placed at, if it has exactly one.
    func range(of text: String) -> Range<Int>? {
        guard let ranges = placements[text.trimmingWhitespace()], ranges.count == 1 else { return nil }
        return ranges.first
    }
}
