/// What a figure cell's text says: a number (with an optional unit and note), a blank, or a dash.
public struct FigureReading: Equatable, Sendable {
    /// How the figure was written.
    public enum Form: String, Sendable {
        /// A written number.
        case number
        /// An empty cell, read as 0.
        case blank
        /// A dash (`-`, `—`, …) or `无`, read as 0.
        case dash
    }
    public var value: Double
    public var form: Form
    /// A unit written after the number (`项`, `万元`, `元`, …), stripped from the value.
    public var unit: String?
    /// A bracketed note written after the number, e.g. `其中修订16件`.
    public var note: String?
}

/// Reads the text of a figure cell: `0`, `-18`, `24252.311082`, `1,200`, `0项`, `0万元`,
/// `251000元`, `22（其中修订 16 件）`, blank, `-`, `—`.
public enum FigureText {
    /// Units accepted after a number.
    public static let units: [String] = ["人次", "万元", "亿元", "千元", "项", "件", "个", "次", "条", "份", "家", "人", "元", "%", "‰"]

    /// The reading of `text`, or nil when it is not a figure.
    public static func read(_ text: String) -> FigureReading? {
        if let value = plainInteger(text) { return FigureReading(value: value, form: .number) }
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let s: Unicode.Scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                s = folded
            } else if isSpace(scalar) {
                continue
            } else {
                s = scalar
            }
            // A figure starts with a sign, a digit, a dash or 无; anything else (a label) is rejected here,
            // before the rest of the text is looked at.
            if scalars.isEmpty && !(isSign(s) || ("0"..."9").contains(s) || isDash(s.value) || s == "无") { return nil }
            scalars.append(s)
        }
        if scalars.isEmpty { return FigureReading(value: 0, form: .blank) }
        if scalars.allSatisfy({ isDash($0.value) }) || (scalars.count == 1 && scalars[0] == "无") {
            return FigureReading(value: 0, form: .dash)
        }
        var i = 0
        var negative = false
        if isSign(scalars[i]) {
            negative = scalars[i] != "+"
            i += 1
        }
        var digits = ""
        var sawDigit = false
        var sawPoint = false
        while i < scalars.count {
            let s = scalars[i]
            if ("0"..."9").contains(s) {
                digits.unicodeScalars.append(s)
                sawDigit = true
            } else if s == ",", sawDigit, !sawPoint, i + 3 < scalars.count,
                      (i + 1...i + 3).allSatisfy({ ("0"..."9").contains(scalars[$0]) }) {
                // a thousands separator: skipped
            } else if s == ".", sawDigit, !sawPoint, i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                digits += "."
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit, var value = Double(digits) else { return nil }
        if negative { value = -value }
        if i == scalars.count { return FigureReading(value: value, form: .number) }
        var rest = String(String.UnicodeScalarView(scalars[i...]))
        var unit: String? = nil
        let restStart = rest.unicodeScalars.first
        for candidate in units where mayStart(candidate, restStart) && rest.hasPrefix(candidate) {
            unit = candidate
            rest.removeFirst(candidate.count)
            break
        }
        var note: String? = nil
        if !rest.isEmpty {
            let open: Set<Character> = ["(", "（", "["], close: Set<Character> = [")", "）", "]"]
            guard let first = rest.first, open.contains(first), let last = rest.last, close.contains(last), rest.count >= 2 else {
                return nil
            }
            note = String(rest.dropFirst().dropLast())
        }
        return FigureReading(value: value, form: .number, unit: unit, note: note)
    }

    /// The most common figure, ASCII digits alone (at most 15, so the value is exact as a
    /// `Double`, the same the general reading gives), read without building anything.
    private static func plainInteger(_ text: String) -> Double? {
        let utf8 = text.utf8
        guard (1...15).contains(utf8.count) else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return Double(value)
    }

    /// False when text starting with `start` cannot start with `unit` as `String.hasPrefix`
    /// compares (by canonical equivalence): `start` is its own canonical decomposition with
    /// combining class 0 (``LabelTable/triviallyNormalizedScalars``) and differs from the unit's
    /// first scalar. `hasPrefix` on Chinese text normalizes it, which cost more than the rest of
    /// reading a figure.
    private static func mayStart(_ unit: String, _ start: Unicode.Scalar?) -> Bool {
        guard let start, LabelTable.triviallyNormalizedScalars.contains(where: { $0.contains(start.value) }) else { return true }
        return unit.unicodeScalars.first == start
    }

    private static func isSign(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2212}" || s == "+"
    }

    /// The dashes that read as 0: hyphen-minus, hyphen, figure dash, en and em dashes, horizontal
    /// bar, minus sign, two-em dash, slash.
    private static func isDash(_ value: UInt32) -> Bool {
        switch value {
        case 0x2D, 0x2010, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A, 0x2F: return true
        default: return false
        }
    }

    /// Whitespace skipped in figures: Unicode White_Space (decided without a property lookup for
    /// ASCII), no-break space and zero-width space.
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        if (0x4E00...0x9FFF).contains(s.value) { return false }   // CJK ideographs, without a property lookup
        return s.properties.isWhitespace || s.value == 0xA0 || s.value == 0x200B
    }
}
