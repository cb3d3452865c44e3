/// Decides whether a table (from any reader) is an instance of one ``LayoutTemplate``, and
/// rebuilds it with the template's spans when it is.
///
/// The match reads the table's cells in row-major order and aligns that sequence of texts with
/// the template's cells in row-major order (labels by normalized text, figures by being numbers,
/// blanks or dashes). It never trusts the table's own spans: flattened text gives inferred spans
/// that may be wrong, while the order of the cells survives every reader. Empty source cells
/// that the template has no place for are merge continuations and are dropped; a non-empty one
/// means text the layout cannot hold, and the layout is then not applied.
public struct LayoutMatcher: Sendable {
    public var template: LayoutTemplate
    /// The lowest confidence at which the layout is applied.
    public var minimumConfidence: Double
    /// Tables with more cells than this are not tried (no known layout is that large).
    public var maximumCells: Int

    private let normalizer: LabelNormalizer
    private let labelForms: [LabelForms?]
    /// The label forms' ids in ``vocabulary``.
    private let labelFormIDs: [LabelFormIDs?]
    /// Whether each template cell takes any text (see ``TemplateCell/anyText``).
    private let anyText: [Bool]
    private let vocabulary: LabelVocabulary

    public init(template: LayoutTemplate, minimumConfidence: Double = 0.9, maximumCells: Int = 5_000) {
        self.init(template: template, minimumConfidence: minimumConfidence, maximumCells: maximumCells, vocabulary: nil)
    }

    /// A matcher whose label forms are numbered in `vocabulary` (which must hold them all, see
    /// ``forms(of:)``), shared with the matchers of other templates; its own vocabulary when nil.
    init(template: LayoutTemplate, minimumConfidence: Double = 0.9, maximumCells: Int = 5_000, vocabulary: LabelVocabulary?) {
        self.template = template
        self.minimumConfidence = minimumConfidence
        self.maximumCells = maximumCells
        let normalizer = template.normalizer
        self.normalizer = normalizer
        let labelForms = Self.labelForms(of: template)
        self.labelForms = labelForms
        self.anyText = labelForms.map { $0?.anyText ?? false }
        let vocabulary = vocabulary ?? LabelVocabulary(normalizer: normalizer, forms: Self.forms(of: labelForms))
        self.vocabulary = vocabulary
        self.labelFormIDs = labelForms.map { forms in
            forms.map { forms in
                LabelFormIDs(normalized: vocabulary.id(forms.normalized) ?? -1,
                             variants: forms.variants.compactMap { vocabulary.id($0) },
                             bare: forms.bare.compactMap { vocabulary.id($0) })
            }
        }
    }

    private static func labelForms(of template: LayoutTemplate) -> [LabelForms?] {
        let normalizer = template.normalizer
        return template.cells.map { cell in
            guard let label = cell.label else { return nil }
            let all = [label] + (cell.variants ?? [])
            let normalized = all.map { normalizer.normalize($0) }
            return LabelForms(canonical: label, normalized: normalized[0], variants: Set(normalized.dropFirst()),
                              bare: Set(normalized.map { normalizer.withoutNotes($0) }.filter { !$0.isEmpty }),
                              anyText: cell.anyText ?? false)
        }
    }

    private static func forms(of labelForms: [LabelForms?]) -> [String] {
        labelForms.flatMap { forms -> [String] in
            guard let forms else { return [] }
            return [forms.normalized] + forms.variants.sorted() + forms.bare.sorted()
        }
    }

    /// Every label form of `template`, for a ``LabelVocabulary`` shared by several matchers.
    static func forms(of template: LayoutTemplate) -> [String] {
        forms(of: labelForms(of: template))
    }

    private struct LabelForms: Sendable {
        var canonical: String
        var normalized: String
        var variants: Set<String>
        var bare: Set<String>
        var anyText: Bool
    }

    /// A template label's forms as ids in the vocabulary (-1: not in it, which cannot happen for
    /// a vocabulary built from the template).
    private struct LabelFormIDs: Sendable {
        var normalized: Int
        var variants: [Int]
        var bare: [Int]
    }

    // Costs in hundredths: integers keep ties exact, so the alignment is deterministic.
    private enum Cost {
        static let labelVariant = 2
        static let labelWithoutNotes = 5
        static let anyTextEmpty = 30
        static let substitute = 100
        static let skipEmptySource = 1
        static let skipTextSource = 100
        static let skipTemplate = 100
    }

    /// The best alignment of `table` with the template, or nil when the table is clearly
    /// something else (size or labels far off). A returned candidate may still be ``LayoutCandidate/isAccepted`` false.
    public func match(_ table: Table) -> LayoutCandidate? {
        match(table, prepared: PreparedTable(table))
    }

    /// As ``match(_:)``, with the table's normalized texts shared between the matchers of
    /// several templates (the resolver tries every template on every table). `bandMargin`: the
    /// diagonals first worked out on either side of the alignment's ends (see ``AlignmentBand``);
    /// any margin gives the same candidate, `Int.max` works out the whole table at once.
    func match(_ table: Table, prepared: PreparedTable, bandMargin: Int = 8) -> LayoutCandidate? {
        let source = table.cells
        let n = template.cells.count
        let m = source.count
        guard m > 0, m <= maximumCells, m <= 3 * n + 60, 2 * m >= n else { return nil }

        let texts = prepared.texts(for: vocabulary)
        let sourceBare = texts.bare
        let sourceEmpty = texts.empty

        // Quick rejection: most template labels must appear somewhere in the table (as a cell's
        // normalized or note-less text).
        func present(_ id: Int) -> Bool { id >= 0 && texts.present[id] }
        var required = 0, found = 0
        for (forms, ids) in zip(labelForms, labelFormIDs) {
            guard let forms, let ids, !forms.anyText else { continue }
            required += 1
            if present(ids.normalized) || ids.variants.contains(where: present) || ids.bare.contains(where: present) { found += 1 }
        }
        guard required == 0 || 2 * found >= required else { return nil }
        let sourceIsFigure = prepared.isFigure

        // Texts are compared as vocabulary ids (equal ids = equal strings; -1 for a cell text
        // that is no label form).
        let textIDs = texts.textIDs
        let bareIDs = texts.bareIDs
        let formIDs = labelFormIDs
        let notesStep = normalizer.steps.contains(.notes)
        func closeness(_ i: Int, _ j: Int) -> LabelNormalizer.Closeness? {
            guard !sourceEmpty[j], let forms = formIDs[i] else { return nil }
            if forms.normalized >= 0 && textIDs[j] == forms.normalized { return .normalized }
            if forms.variants.contains(textIDs[j]) { return .variant }
            if notesStep, !sourceBare[j].isEmpty, forms.bare.contains(bareIDs[j]) { return .withoutNotes }
            return nil
        }
        // A pair's cost: a label's is that of its closest form (as `closeness` ranks them), a
        // figure cell's nothing when the source cell reads as a figure.
        @inline(__always) func pairCost(_ forms: LabelFormIDs?, anyText: Bool, _ j: Int) -> Int {
            guard let forms else { return sourceIsFigure[j] ? 0 : Cost.substitute }
            if anyText { return sourceEmpty[j] ? Cost.anyTextEmpty : 0 }
            guard !sourceEmpty[j] else { return Cost.substitute }
            let id = textIDs[j]
            if forms.normalized >= 0 && id == forms.normalized { return Self.cost(.normalized) }
            if id >= 0 && forms.variants.contains(id) { return Self.cost(.variant) }
            if notesStep, bareIDs[j] >= 0, !sourceBare[j].isEmpty, forms.bare.contains(bareIDs[j]) { return Self.cost(.withoutNotes) }
            return Cost.substitute
        }
        func matchCost(_ i: Int, _ j: Int) -> Int { pairCost(formIDs[i], anyText: anyText[i], j) }
        func skipSourceCost(_ j: Int) -> Int { sourceEmpty[j] ? Cost.skipEmptySource : Cost.skipTextSource }

        // Suffix DP: best[i][j] = cost of aligning template[i...] with source[j...], worked out
        // only on the diagonals j - i within a band (see `AlignmentBand`): no alignment costing
        // at most the best one found in a band leaves the band that cost allows, so once that
        // band lies within the one worked out, the optimum and every cell on an optimal path
        // are exact (cells outside hold `unreachable`, which no optimal step can take), and the
        // walk below makes the same choices as over the whole n × m table.
        let width = m + 1
        let unreachable = Int.max / 4
        var best = [Int](repeating: unreachable, count: (n + 1) * width)
        let skipSource = (0..<m).map(skipSourceCost)
        var band = AlignmentBand.initial(templateCells: n, sourceCells: m, margin: bandMargin)
        var rowCost = [Int](repeating: 0, count: m)
        while true {
            best.withUnsafeMutableBufferPointer { best in
                skipSource.withUnsafeBufferPointer { skipSource in
                    best[n * width + m] = 0
                    for j in stride(from: m - 1, through: 0, by: -1) { best[n * width + j] = best[n * width + j + 1] + skipSource[j] }
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        let here = i * width, below = (i + 1) * width
                        best[here + m] = best[below + m] + Cost.skipTemplate
                        let first = max(0, i + band.lowest), last = min(m - 1, i + band.highest)
                        guard first <= last else { continue }
                        let forms = formIDs[i], any = anyText[i]
                        // Written through its memory: assigning `rowCost[j]` checked the array's
                        // uniqueness once per cell of the band.
                        rowCost.withUnsafeMutableBufferPointer { rowCost in
                            for j in first...last { rowCost[j] = pairCost(forms, anyText: any, j) }
                            var j = last
                            while j >= first {
                                // Sums of at most (n + m) x 100 + `unreachable`: wrapping adds cannot wrap.
                                let take = rowCost[j] &+ best[below + j + 1]
                                let skipS = skipSource[j] &+ best[here + j + 1]
                                let skipT = Cost.skipTemplate &+ best[below + j]
                                best[here + j] = min(take, skipS, skipT)
                                j -= 1
                            }
                        }
                    }
                }
            }
            let needed = AlignmentBand.holding(cost: best[0], templateCells: n, sourceCells: m,
                                               templateSkip: Cost.skipTemplate, cheapestSourceSkip: Cost.skipEmptySource)
            if band.contains(needed) { break }
            band = band.widened(to: needed, templateCells: n, sourceCells: m)
        }

        // Walk forward, preferring a match, then dropping a source cell, then a missing template cell.
        var assignment = [Int?](repeating: nil, count: n)
        var dropped: [Int] = []
        var i = 0, j = 0
        while i < n || j < m {
            let here = best[i * width + j]
            if i < n, j < m, matchCost(i, j) + best[(i + 1) * width + j + 1] == here {
                assignment[i] = j
                i += 1; j += 1
            } else if j < m, skipSourceCost(j) + best[i * width + j + 1] == here {
                dropped.append(j)
                j += 1
            } else {
                i += 1
            }
        }

        var notes: [LayoutCandidate.Note] = []
        var labelsMatched = 0
        var labelCount = 0
        for (t, cell) in template.cells.enumerated() {
            guard let s = assignment[t] else {
                notes.append(.missing(template: t))
                continue
            }
            if let forms = labelForms[t] {
                guard !forms.anyText else { continue }
                labelCount += 1
                if let closeness = closeness(t, s) {
                    labelsMatched += 1
                    if closeness > .normalized { notes.append(.labelVariant(template: t, closeness: closeness)) }
                } else {
                    notes.append(.labelMismatch(template: t))
                }
            } else if !sourceIsFigure[s] {
                notes.append(.figureUnreadable(template: t))
            }
            _ = cell
        }
        let unplaced = dropped.filter { !sourceEmpty[$0] }
        let cost = best[0]
        let confidence = max(0, 1 - Double(cost) / Double(100 * max(1, n)))
        let labelShare = labelCount == 0 ? 1 : Double(labelsMatched) / Double(labelCount)
        return LayoutCandidate(template: template, confidence: (confidence * 1000).rounded() / 1000,
                               labelShare: labelShare, assignment: assignment, droppedEmpty: dropped.count - unplaced.count,
                               unplacedText: unplaced, notes: notes, minimumConfidence: minimumConfidence)
    }

    private static func cost(_ closeness: LabelNormalizer.Closeness) -> Int {
        switch closeness {
        case .exact, .normalized: return 0
        case .variant: return Cost.labelVariant
        case .withoutNotes: return Cost.labelWithoutNotes
        }
    }
}

/// A table's cell texts prepared once for matching: whether each is a figure, and its
/// normalized (and note-less) forms per normalizer, computed on first use.
final class PreparedTable {
    let cells: [Cell]
    /// Whether each cell reads as a figure; computed on first use (after a matcher's size guard).
    private(set) lazy var isFigure: [Bool] = cells.map { FigureText.read($0.text) != nil }
    private var byNormalizer: [(LabelNormalizer, (normalized: [String], bare: [String]))] = []
    private var byVocabulary: [(LabelVocabulary, Texts)] = []

    /// The cells' texts under one vocabulary's normalizer, each looked up in the vocabulary.
    struct Texts {
        var normalized: [String]
        var bare: [String]
        var empty: [Bool]
        /// The vocabulary id of each cell's normalized / note-less text, -1 when it is no label form.
        var textIDs: [Int]
        var bareIDs: [Int]
        /// The cells whose normalized / note-less text has each vocabulary id.
        var cellsByTextID: [[Int]]
        var cellsByBareID: [[Int]]
        /// Whether some cell's normalized or note-less text has each vocabulary id.
        var present: [Bool]
    }

    init(_ table: Table) {
        cells = table.cells
    }

    func texts(for vocabulary: LabelVocabulary) -> Texts {
        if let hit = byVocabulary.first(where: { $0.0 === vocabulary }) { return hit.1 }
        let (normalized, bare) = texts(for: vocabulary.normalizer)
        let textIDs = normalized.map { vocabulary.id($0) ?? -1 }
        let bareIDs = bare.map { vocabulary.id($0) ?? -1 }
        var cellsByTextID = [[Int]](repeating: [], count: vocabulary.count)
        var cellsByBareID = [[Int]](repeating: [], count: vocabulary.count)
        var present = [Bool](repeating: false, count: vocabulary.count)
        for (j, id) in textIDs.enumerated() where id >= 0 {
            cellsByTextID[id].append(j)
            present[id] = true
        }
        for (j, id) in bareIDs.enumerated() where id >= 0 {
            cellsByBareID[id].append(j)
            present[id] = true
        }
        let texts = Texts(normalized: normalized, bare: bare, empty: normalized.map(\.isEmpty), textIDs: textIDs,
                          bareIDs: bareIDs, cellsByTextID: cellsByTextID, cellsByBareID: cellsByBareID, present: present)
        byVocabulary.append((vocabulary, texts))
        return texts
    }

    private func texts(for normalizer: LabelNormalizer) -> (normalized: [String], bare: [String]) {
        if let hit = byNormalizer.first(where: { $0.0 == normalizer }) { return hit.1 }
        let normalized = cells.map { normalizer.normalize($0.text) }
        let texts = (normalized: normalized, bare: normalized.map { normalizer.withoutNotes($0) })
        byNormalizer.append((normalizer, texts))
        return texts
    }
}
