/// Low-level JSON text building: string escaping and number formatting, shared by the writers
/// that emit JSON (documents, extracted records, catalogs). Output is deterministic.
public enum JSONText {
    /// `s` as a JSON string literal (quotes included). Escapes `"`, `\`, and control characters;
    /// leaves every other character, Chinese included, as UTF-8.
    public static func quote(_ s: String) -> String {
        var out = JSONBuffer(capacity: s.utf8.count + 2)
        out.quoted(s)
        return out.string
    }

    /// A number as JSON: integers without a fraction, others in shortest round-trip form.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

/// Builds one JSON object with keys in the order they are added.
public struct JSONObject {
    private var members: [(String, String)] = []
    public init() {}
    /// Adds `key` with an already-serialized JSON value.
    public mutating func raw(_ key: String, _ json: String) { members.append((key, json)) }
    public mutating func string(_ key: String, _ value: String) { raw(key, JSONText.quote(value)) }
    public mutating func string(_ key: String, _ value: String?) { if let value { string(key, value) } }
    public mutating func int(_ key: String, _ value: Int) { raw(key, String(value)) }
    public mutating func int(_ key: String, _ value: Int?) { if let value { int(key, value) } }
    public mutating func number(_ key: String, _ value: Double) { raw(key, JSONText.number(value)) }
    public mutating func bool(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }

    /// One line: `{"a": 1, "b": 2}`.
    public func compact() -> String {
        "{" + members.map { JSONText.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// One member per line, indented by `indent` spaces (nested values keep their own layout).
    public func pretty(indent: Int) -> String {
        guard !members.isEmpty else { return "{}" }
        let pad = String(repeating: " ", count: indent + 2)
        let body = members.map { pad + JSONText.quote($0.0) + ": " + $0.1 }.joined(separator: ",\n")
        return "{\n" + body + "\n" + String(repeating: " ", count: indent) + "}"
    }
}

/// Serializes a list of already-serialized JSON values, one per line.
public func jsonArray(_ items: [String], indent: Int) -> String {
    guard !items.isEmpty else { return "[]" }
    let pad = String(repeating: " ", count: indent + 2)
    return "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "]"
}
