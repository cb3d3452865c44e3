/// Applies known layouts to a document: every top-level table that matches a template is
/// rebuilt with the template's spans (see ``LayoutMatcher``); the others stay as the reader
/// made them. Readers stay layout-agnostic; the CLI and the batch runner call this after reading.
///
/// Within a family (e.g. `cn-gov-disclosure`), the version is decided from content, never from
/// dates: tables whose best match belongs to one version only vote for it, then the versions'
/// marker texts found in the document break remaining ties (table 四 is the same in 2019 and 2021).
public struct LayoutResolver: Sendable {
    public var templates: [LayoutTemplate] { didSet { matchers = Self.matchers(templates, minimumConfidence) } }
    /// Lowest confidence at which a layout is applied.
    public var minimumConfidence: Double { didSet { matchers = Self.matchers(templates, minimumConfidence) } }
    /// One matcher per template, built once (a matcher normalizes its template's labels).
    private var matchers: [LayoutMatcher]

    public init(templates: [LayoutTemplate], minimumConfidence: Double = 0.9) {
        self.templates = templates
        self.minimumConfidence = minimumConfidence
        self.matchers = Self.matchers(templates, minimumConfidence)
    }

    /// The templates' matchers; those with the same normalizer share one vocabulary of label
    /// forms, so that a table's texts are looked up once for all of them.
    private static func matchers(_ templates: [LayoutTemplate], _ minimumConfidence: Double) -> [LayoutMatcher] {
        var vocabularies: [LabelVocabulary] = []
        return templates.map { template in
            let normalizer = template.normalizer
            let vocabulary = vocabularies.first { $0.normalizer == normalizer } ?? {
                let forms = templates.filter { $0.normalizer == normalizer }.flatMap(LayoutMatcher.forms(of:))
                let vocabulary = LabelVocabulary(normalizer: normalizer, forms: forms)
                vocabularies.append(vocabulary)
                return vocabulary
            }()
            return LayoutMatcher(template: template, minimumConfidence: minimumConfidence, vocabulary: vocabulary)
        }
    }

    /// A resolver with the built-in templates, plus `extra` ones (a user's `--layout` files), which
    /// win ties against built-in ones.
    /// - Throws: ``RegridError/layout(_:)`` when the built-in templates cannot be loaded.
    public static func standard(extra: [LayoutTemplate] = []) throws(RegridError) -> LayoutResolver {
        let builtIn = try LayoutLibrary.builtIn()
        let extraIDs = Set(extra.map(\.id))
        return LayoutResolver(templates: extra + builtIn.filter { !extraIDs.contains($0.id) })
    }

    /// `document` with matching tables rebuilt on their layouts and a document diagnostic per
    /// family whose version had to be guessed.
    public func resolve(_ document: Document) -> Document {
        // Tables a reader already built on one of these layouts (``PlainTextReader``) stay as they are.
        let known = Set(templates.map(\.id))
        let tables = document.blocks.enumerated().compactMap { index, block -> (Int, Table)? in
            guard case .table(let table) = block, !known.contains(table.layout?.template ?? "") else { return nil }
            return (index, table)
        }
        // Tables are matched independently: a long document matches them on every core.
        let matchers = self.matchers
        let found = ParallelMap.map(tables.map(\.1)) { (table: Table) -> [LayoutCandidate] in
            let prepared = PreparedTable(table)
            return matchers.compactMap { $0.match(table, prepared: prepared) }
        }
        var tableCandidates: [Int: [LayoutCandidate]] = [:]
        for (slot, candidates) in zip(tables, found) { tableCandidates[slot.0] = candidates }
        // Versions are decided only when a table fits two equally; most documents (all that are
        // not annual reports) never ask, and deciding can mean searching their whole text for markers.
        var decided: [String: Decision]?
        func versions() -> [String: Decision] {
            if let decided { return decided }
            let versions = decideVersions(tableCandidates.values.map { $0.filter(\.isAccepted) }, document: document)
            decided = versions
            return versions
        }

        var result = document
        for (index, candidates) in tableCandidates.sorted(by: { $0.key < $1.key }) {
            guard case .table(let table) = document.blocks[index] else { continue }
            let accepted = candidates.filter(\.isAccepted)
            guard let top = accepted.map(\.confidence).max() else {
                if let near = candidates.max(by: { $0.confidence < $1.confidence }), near.confidence >= 0.6 {
                    var t = table
                    t.diagnostics.append(Diagnostic(.info, "layout-near-miss", nearMissMessage(near, table)))
                    result.blocks[index] = .table(t)
                }
                continue
            }
            let tied = accepted.filter { $0.confidence == top }
            let chosen = tied.count == 1 ? tied[0]
                : tied.first { versions()[$0.template.family]?.version == $0.template.version } ?? tied[0]
            var rebuilt = chosen.apply(to: table)
            if tied.count > 1, let decided = versions()[chosen.template.family] {
                rebuilt.diagnostics.append(Diagnostic(decided.guessed ? .warning : .info, "layout-version-from-document",
                    "the table fits \(tied.map(\.template.id).joined(separator: " and ")) equally; "
                    + (decided.guessed ? "nothing in the document tells the version apart, took \(chosen.template.id)"
                                       : "the document's other tables say version \(decided.version)")))
            }
            result.blocks[index] = .table(rebuilt)
        }
        return result
    }

    private struct Decision { var version: String; var guessed: Bool }

    /// Which of the normalized `markers` occur in the normalized text of the document (its
    /// blocks joined by newlines), read block by block and stopped once all are found. The
    /// normalizer maps each scalar on its own, so normalizing piece by piece, and searching each
    /// piece with the scalars before it that a marker could still need, finds what a search
    /// of the whole normalized text finds, without normalizing a long document end to end.
    static func presentMarkers(_ markers: Set<String>, in document: Document) -> Set<String> {
        let markers = markers.filter { !$0.isEmpty }
        guard !markers.isEmpty else { return [] }
        let normalizer = LabelNormalizer()
        let keep = (markers.map { $0.unicodeScalars.count }.max() ?? 1) - 1
        var found: Set<String> = []
        var carry = "", piece = ""
        func search() {
            let text = carry + piece
            let search = MarkerSearch(text: text)
            for marker in markers where !found.contains(marker) && search.contains(marker) { found.insert(marker) }
            carry = String(String.UnicodeScalarView(text.unicodeScalars.suffix(keep)))
            piece = ""
        }
        let separator = normalizer.normalize("\n")
        for (index, block) in document.blocks.enumerated() {
            if index > 0 { piece += separator }
            piece += normalizer.normalize(block.plainText)
            if piece.utf8.count >= 1 << 16 {
                search()
                if found.count == markers.count { return found }
            }
        }
        search()
        return found
    }

    private func decideVersions(_ perTable: [[LayoutCandidate]], document: Document) -> [String: Decision] {
        var votes: [String: [String: Int]] = [:]
        for candidates in perTable {
            guard let top = candidates.map(\.confidence).max() else { continue }
            let best = candidates.filter { $0.confidence == top }
            let versions = Set(best.map(\.template.version))
            if versions.count == 1, let family = best.first?.template.family, let v = versions.first {
                votes[family, default: [:]][v, default: 0] += 1
            }
        }
        var decisions: [String: Decision] = [:]
        let families = Set(templates.map(\.family))
        func tableVote(_ family: String) -> String? {
            guard let tally = votes[family], let top = tally.values.max() else { return nil }
            let leaders = tally.filter { $0.value == top }.keys.sorted()
            return leaders.count == 1 ? leaders[0] : nil
        }
        // Families the tables leave open fall back on marker texts anywhere in the document.
        let normalizer = LabelNormalizer()
        let open = families.filter { tableVote($0) == nil }
        let present = Self.presentMarkers(Set(templates.filter { open.contains($0.family) }
                                                .flatMap { ($0.markers ?? []).map(normalizer.normalize) }), in: document)
        for family in families.sorted() {
            if let version = tableVote(family) { decisions[family] = Decision(version: version, guessed: false); continue }
            var markerVotes: [String: Int] = [:]
            for t in templates where t.family == family {
                for marker in t.markers ?? [] where present.contains(normalizer.normalize(marker)) {
                    markerVotes[t.version, default: 0] += 1
                }
            }
            if let top = markerVotes.values.max() {
                let leaders = markerVotes.filter { $0.value == top }.keys.sorted()
                if leaders.count == 1 { decisions[family] = Decision(version: leaders[0], guessed: false); continue }
            }
            if let first = templates.first(where: { $0.family == family }) {
                decisions[family] = Decision(version: first.version, guessed: true)
            }
        }
        return decisions
    }

    private func nearMissMessage(_ near: LayoutCandidate, _ table: Table) -> String {
        var reason: [String] = []
        if !near.unplacedText.isEmpty {
            let sample = near.unplacedText.prefix(3).map { "\"\(table.cells[$0].text)\"" }.joined(separator: ", ")
            reason.append("it holds text the layout has no place for (\(sample))")
        }
        if near.confidence < near.minimumConfidence { reason.append("too many cells differ") }
        if near.labelShare < 0.8 { reason.append("too few labels match") }
        return "resembles the known layout \(near.template.id) (confidence \(JSONText.number(near.confidence))) but was left as read: "
            + reason.joined(separator: "; ")
    }
}
