/// Normalizes label text so that the wording variants seen in real reports compare equal:
/// full/half-width forms, whitespace and line breaks inside labels, quotation marks, the
/// punctuation after item numbers (`1.` / `1、` / `1. `), and explanatory notes in brackets.
public struct LabelNormalizer: Sendable, Equatable {
    /// One normalization step; a template lists the steps it allows.
    public enum Step: String, Codable, Sendable, CaseIterable {
        /// Full-width ASCII forms to ASCII (`（` → `(`, `１` → `1`), ideographic space to space.
        case width
        /// Drop all whitespace, line breaks included (`本年新⏎制作数量` → `本年新制作数量`).
        case whitespace
        /// Drop quotation marks (`“三安全一稳定”` → `三安全一稳定`).
        case quotes
        /// `、` and `．` after an item number read as `.` (`1、` → `1.`).
        case enumerators
        /// Allow a second, looser comparison with bracketed notes removed (`规章（设区的市…）` → `规章`).
        case notes
    }

    /// How closely a text matched a label; lower is closer.
    public enum Closeness: Int, Comparable, Sendable {
        case exact = 0
        /// Equal after normalization.
        case normalized = 1
        /// Equal to an accepted variant.
        case variant = 2
        /// Equal once bracketed notes are removed from both.
        case withoutNotes = 3
        public static func < (a: Closeness, b: Closeness) -> Bool { a.rawValue < b.rawValue }
    }

    public var steps: Set<Step>

    public init(steps: Set<Step> = Set(Step.allCases)) { self.steps = steps }

    /// The normalized form of `text`.
    public func normalize(_ text: String) -> String {
        // The steps are read once, not per character, by walking the set (a lookup hashes:
        // four of them cost more than normalizing a short label).
        var width = false, whitespace = false, quotes = false, enumerators = false
        for step in steps {
            switch step {
            case .width: width = true
            case .whitespace: whitespace = true
            case .quotes: quotes = true
            case .enumerators: enumerators = true
            case .notes: break
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var s = scalar
            if width {
                if (0xFF01...0xFF5E).contains(s.value), let folded = Unicode.Scalar(s.value - 0xFEE0) { s = folded }
                else if s.value == 0x3000 { s = " " }
            }
            if whitespace, s.isWhitespaceFast || s.value == 0xA0 || s.value == 0x200B { continue }
            if quotes, LabelNormalizer.isQuote(s.value) { continue }
            if enumerators, s == "、" || s == "．" { s = "." }
            if s.isASCII { out.append(UInt8(truncatingIfNeeded: s.value)) } else { UTF8.encode(s) { out.append($0) } }
        }
        // Whole scalars encoded one by one: valid UTF-8, not checked again.
        return out.withUnsafeBufferPointer { String(trustedUTF8: $0) }
    }

    /// `normalized` with every bracketed note removed, except a leading item number such as `(一)`.
    public func withoutNotes(_ normalized: String) -> String {
        // Without an opening bracket there is no note: the text comes back as it is.
        if !LabelNormalizer.hasOpeningBracket(normalized) { return normalized }
        var scalars = Array(normalized.unicodeScalars)
        var keepPrefix = String.UnicodeScalarView()
        if let first = scalars.first, first == "(" || first == "（",
           let close = scalars.firstIndex(where: { $0 == ")" || $0 == "）" }), close <= 4 {
            keepPrefix.append(contentsOf: scalars[...close])
            scalars.removeFirst(close + 1)
        }
        var out = keepPrefix
        var depth = 0
        for s in scalars {
            if s == "(" || s == "（" || s == "[" || s == "【" { depth += 1; continue }
            if (s == ")" || s == "）" || s == "]" || s == "】") && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(s) }
        }
        return String(out)
    }

    /// True when `text` holds `(`, `[`, `（` or `【` (looked for in its UTF-8 bytes).
    private static func hasOpeningBracket(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            while i < n {
                switch utf8[i] {
                case UInt8(ascii: "("), UInt8(ascii: "["): return true
                case 0xEF where i + 2 < n && utf8[i + 1] == 0xBC && utf8[i + 2] == 0x88: return true   // （
                case 0xE3 where i + 2 < n && utf8[i + 1] == 0x80 && utf8[i + 2] == 0x90: return true   // 【
                default: i += 1
                }
            }
            return false
        }
    }

    /// How `text` matches a label with canonical text `canonical` and accepted `variants`,
    /// or nil when it does not.
    public func closeness(of text: String, to canonical: String, variants: [String] = []) -> Closeness? {
        if text == canonical { return .exact }
        let n = normalize(text)
        guard !n.isEmpty else { return nil }
        if n == normalize(canonical) { return .normalized }
        if variants.contains(where: { normalize($0) == n }) { return .variant }
        if steps.contains(.notes) {
            let bare = withoutNotes(n)
            guard !bare.isEmpty else { return nil }
            if bare == withoutNotes(normalize(canonical)) { return .withoutNotes }
            if variants.contains(where: { withoutNotes(normalize($0)) == bare }) { return .withoutNotes }
        }
        return nil
    }

    /// The quotation marks the `quotes` step drops.
    private static func isQuote(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F: return true
        default: return false
        }
    }
}
