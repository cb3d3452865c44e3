/// What recovering a ``LayoutTemplate`` from plain text needs to know about it: its figure rows,
/// each with the label that starts it in the text (the label cell just left of its figures), and
/// the label forms its header is recognised by.
struct LayoutRows: Sendable {
    /// One row of the template that holds figures.
    struct Row: Sendable {
        /// The template row.
        var row: Int
        /// The row's figure cells, left to right.
        var figures: [TemplateCell]
        /// The row label path of its figures (for messages).
        var path: [String]
        /// The normalized forms of the label that starts the row (canonical, variants, without
        /// notes), longest first; empty when the row has no label of its own (table 四).
        var keys: [[Unicode.Scalar]]
    }

    let template: LayoutTemplate
    let normalizer: LabelNormalizer
    let rows: [Row]
    /// Normalized header labels of four characters or more (short ones are found anywhere).
    let headerKeys: [[Unicode.Scalar]]
    /// Every character of the header labels, the corner note included.
    let headerCharacters: Set<Unicode.Scalar>

    init(_ template: LayoutTemplate) {
        self.template = template
        let normalizer = template.normalizer
        self.normalizer = normalizer
        var rows: [Row] = []
        var byRow: [Int: [TemplateCell]] = [:]
        for cell in template.cells where cell.figure != nil { byRow[cell.row, default: []].append(cell) }
        for (row, figures) in byRow.sorted(by: { $0.key < $1.key }) {
            let figures = figures.sorted { $0.column < $1.column }
            guard let first = figures.first else { continue }
            let leaf = template.cells.first {
                $0.label != nil && $0.anyText != true && $0.row <= row && row < $0.row + $0.rowSpan
                    && $0.column + $0.colSpan == first.column && $0.row == row
            }
            var keys: [[Unicode.Scalar]] = []
            if let leaf, let label = leaf.label {
                var forms: [String] = []
                for text in [label] + (leaf.variants ?? []) {
                    let normalized = normalizer.normalize(text)
                    forms.append(normalized)
                    if normalizer.steps.contains(.notes) { forms.append(normalizer.withoutNotes(normalized)) }
                }
                var seen = Set<String>()
                keys = forms.filter { !$0.isEmpty && seen.insert($0).inserted }
                    .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
                    .map { Array($0.unicodeScalars) }
            }
            rows.append(Row(row: row, figures: figures, path: first.figure?.row ?? [], keys: keys))
        }
        self.rows = rows
        var headerKeys: [[Unicode.Scalar]] = []
        var characters = Set<Unicode.Scalar>()
        for cell in template.cells where cell.row < template.headerRows {
            guard let label = cell.label else { continue }
            let normalized = Array(normalizer.normalize(label).unicodeScalars)
            characters.formUnion(normalized)
            if cell.anyText != true, normalized.count >= 4, !headerKeys.contains(normalized) { headerKeys.append(normalized) }
        }
        self.headerKeys = headerKeys
        self.headerCharacters = characters
        var bigrams = Set<UInt64>()
        for cell in template.cells {
            guard let label = cell.label, cell.anyText != true, let pair = Self.firstBigram(label) else { continue }
            bigrams.insert(pair)
        }
        self.bigrams = bigrams
    }

    /// The first two adjacent CJK ideographs of each label (`本年` of `一、本年新收…`), as their
    /// six UTF-8 bytes: they survive every way a label is broken or numbered, so a text holding
    /// none of them holds no table of the layout.
    let bigrams: Set<UInt64>

    static func firstBigram(_ text: String) -> UInt64? {
        let scalars = Array(text.unicodeScalars)
        for (a, b) in zip(scalars, scalars.dropFirst()) where isIdeograph(a) && isIdeograph(b) {
            return (UInt64(a.value) << 32) | UInt64(b.value)
        }
        return nil
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
}
