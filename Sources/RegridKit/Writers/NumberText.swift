/// Recognises cell text that is a plain decimal number, so that spreadsheet writers can store it
/// as a number without changing what the reader sees.
///
/// Plain means: an optional `-`, digits without a superfluous leading zero, optionally `.` and
/// digits; at most 15 significant digits (what a spreadsheet's double keeps exactly). Anything
/// else stays text: `007` (an identifier), `1,234`, `12%`, `1e5`, `+3`, an 18-digit ID number.
public struct NumberText: Equatable, Sendable {
    /// The value.
    public var value: Double
    /// Digits after the decimal point as written (`12.50` → 2), so the display can keep them.
    public var decimals: Int

    /// Parses `text`, or returns nil when it is not a plain number.
    public init?(_ text: String) {
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, isDigit(first) else { return nil }
        let integer = utf8.prefix { isDigit($0) }
        if integer.count > 1 && first == UInt8(ascii: "0") { return nil }
        var rest = utf8.dropFirst(integer.count)
        var fraction = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix { isDigit($0) }.count
            guard fraction > 0 else { return nil }
            rest = rest.dropFirst(fraction)
        }
        guard rest.isEmpty else { return nil }
        let significant = (integer.count + fraction) - (first == UInt8(ascii: "0") ? 1 : 0)
        guard significant <= 15, let value = Double(text) else { return nil }
        self.value = value == 0 ? 0 : value   // no negative zero
        self.decimals = fraction
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
