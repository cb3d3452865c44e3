/// A PDF page's characters laid out as text in the shape `pdftotext -layout` gives: one text line
/// per baseline, fragments placed on a character grid so that what stands at one x of the page
/// starts at the same offset on every line, blank lines for vertical gaps (at most 5), a form feed
/// after the page. ``PlainTextReader`` (and whatever reads `-layout` text) reads it as such text.
///
/// The grid is counted in characters (Unicode scalars), as `pdftotext -layout` and
/// ``TextWords`` count it: a fragment (a run of one poppler text line, cut at gaps wider than a
/// word space) starts at its x over half the page's median font size (the width of a digit), so
/// a CJK character, a full font size wide, leaves room for two; on a line, a fragment starts at
/// least one column after the one before it ends. Lines are fragments whose baselines lie within
/// half a font size of the line's first one.
///
/// Linear and bounded: columns stop at ``maxColumn``, and a page whose padding would outgrow its
/// text many times over (glyphs scattered over a huge page) is written without the padding (one
/// space between fragments); ``LaidOutPage/compressed`` says so.
struct PDFTextLayout: Sendable {
    /// Widest column offset written; beyond it fragments follow one space apart.
    static let maxColumn = 2000

    /// One page's text.
    struct LaidOutPage: Sendable, Equatable {
        /// The lines, each ending in a line feed, then a form feed (as `pdftotext` ends a page).
        var text: String
        /// True when the page was too irregular for the character grid (see the type's notes).
        var compressed: Bool
    }

    /// A run of characters of one line with no wide gap inside.
    struct Fragment {
        var scalars: [Unicode.Scalar]
        /// Midpoint of each character's box (spaces get the midpoint of the gap they stand for).
        var middles: [Double]
        var xMin: Double
        var xMax: Double
        var yMin: Double
        var base: Double
        var fontSize: Double
        var column = 0
        /// The text line it is written on (set by ``orderInLines(_:)``).
        var line = 0
    }

    /// Lays out one page.
    /// - Parameter glyphs: the page's characters in poppler's order (its text lines separated by
    ///   line feeds, words by spaces), each with its box.
    func layOut(_ glyphs: [PDFGlyph]) -> LaidOutPage {
        var fragments = Self.fragments(glyphs)
        guard !fragments.isEmpty else { return LaidOutPage(text: "\u{0C}", compressed: false) }
        let characters = fragments.reduce(0) { $0 + $1.scalars.count }
        Self.assignUniformColumns(&fragments)
        Self.orderInLines(&fragments)
        // Padding beyond 16 columns per character (plus a page's worth) is no table any reader
        // can use: write the fragments one space apart instead.
        let budget = 16 * characters + 64 * 1024
        if let text = Self.write(fragments, paddingBudget: budget) {
            return LaidOutPage(text: text, compressed: false)
        }
        for index in fragments.indices { fragments[index].column = 0 }
        return LaidOutPage(text: Self.write(fragments, paddingBudget: nil) ?? "\u{0C}", compressed: true)
    }

    /// Poppler's lines cut into fragments: at line feeds, at a baseline jump, where the text runs
    /// back to the left, and at gaps wider than 0.6 font size (more than a word space: a gutter
    /// between columns).
    static func fragments(_ glyphs: [PDFGlyph]) -> [Fragment] {
        var fragments: [Fragment] = []
        var current: Fragment? = nil
        var pendingSpace = false
        func close() {
            if let done = current { fragments.append(done) }
            current = nil
            pendingSpace = false
        }
        for glyph in glyphs {
            let scalar = glyph.scalar
            if scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" { close(); continue }
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                if current != nil { pendingSpace = true }
                continue
            }
            guard glyph.xMin.isFinite, glyph.xMax.isFinite, glyph.yMin.isFinite, glyph.yMax.isFinite,
                  abs(glyph.xMin) < 1e7, abs(glyph.yMax) < 1e7 else { continue }
            let size = max(glyph.height, 0.1)
            let middle = (glyph.xMin + glyph.xMax) / 2
            if var fragment = current {
                let gap = glyph.xMin - fragment.xMax
                let sameLine = abs(glyph.base - fragment.base) < 0.5 * max(fragment.fontSize, size)
                if sameLine && gap > -0.5 * size && gap <= 0.6 * max(fragment.fontSize, size) {
                    if pendingSpace || gap > 0.15 * size {
                        fragment.scalars.append(" ")
                        fragment.middles.append((fragment.xMax + glyph.xMin) / 2)
                    }
                    fragment.scalars.append(scalar)
                    fragment.middles.append(middle)
                    fragment.xMax = max(fragment.xMax, glyph.xMax)
                    fragment.yMin = min(fragment.yMin, glyph.yMin)
                    fragment.fontSize = max(fragment.fontSize, size)
                    current = fragment
                    pendingSpace = false
                    continue
                }
                close()
            }
            current = Fragment(scalars: [scalar], middles: [middle], xMin: glyph.xMin, xMax: glyph.xMax,
                               yMin: glyph.yMin, base: glyph.base, fontSize: size)
            pendingSpace = false
        }
        close()
        return fragments
    }

    /// Columns from x positions over half the median font size (the width of a digit), so that
    /// what stands at one x stands at one offset on every line.
    static func assignUniformColumns(_ fragments: inout [Fragment]) {
        var sizes = fragments.prefix(20_000).map(\.fontSize)
        sizes.sort()
        let left = fragments.map(\.xMin).min() ?? 0
        let unit = max(sizes.isEmpty ? 1 : sizes[sizes.count / 2] / 2, 0.01)
        for index in fragments.indices {
            let column = ((fragments[index].xMin - left) / unit).rounded()
            fragments[index].column = column.isFinite ? Int(min(max(column, 0), Double(maxColumn))) : 0
        }
    }

    /// Top to bottom; fragments whose baselines lie within half a font size of a line's first
    /// one join that line, left to right.
    static func orderInLines(_ fragments: inout [Fragment]) {
        fragments.sort { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }
        var start = 0
        var line = 0
        while start < fragments.count {
            let first = fragments[start]
            var end = start + 1
            while end < fragments.count && abs(fragments[end].base - first.base) < 0.5 * first.fontSize { end += 1 }
            fragments[start..<end].sort { ($0.column, $0.xMin) < ($1.column, $1.xMin) }
            for index in start..<end { fragments[index].line = line }
            line += 1
            for index in (start + 1)..<max(end, start + 1) {
                let previous = fragments[index - 1]
                fragments[index].column = max(fragments[index].column, previous.column + previous.scalars.count + 1)
            }
            start = end
        }
    }

    /// The page's text; nil when the padding would pass `paddingBudget` spaces.
    static func write(_ fragments: [Fragment], paddingBudget: Int?) -> String? {
        var out: [UInt8] = []
        var column = 0
        var padding = 0
        for (index, fragment) in fragments.enumerated() {
            if column > 0 && fragment.column <= column {
                out.append(0x20)
                column += 1
            }
            if fragment.column > column {
                padding += fragment.column - column
                if let budget = paddingBudget, padding > budget { return nil }
                out.append(contentsOf: repeatElement(0x20, count: fragment.column - column))
                column = fragment.column
            }
            for scalar in fragment.scalars { out.append(contentsOf: String(scalar).utf8) }
            column += fragment.scalars.count
            guard index + 1 < fragments.count else { out.append(0x0A); break }
            let next = fragments[index + 1]
            if next.line != fragment.line {
                let gap = ((next.base - fragment.base) / fragment.fontSize)
                let lines = gap.isFinite ? Int(min(max(gap, 1), 5)) : 1
                out.append(contentsOf: repeatElement(0x0A, count: lines))
                column = 0
            }
        }
        out.append(0x0C)
        return String(decoding: out, as: UTF8.self)
    }
}
