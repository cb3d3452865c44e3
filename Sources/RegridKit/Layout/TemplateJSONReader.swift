/// A strict, fast reader for layout template JSON, used before `JSONDecoder` (which cost more than
/// converting a whole document, for every `regrid convert` process).
///
/// It only answers for plain template JSON of the shape `LayoutTemplate`'s `Codable` conformance
/// reads: every key known and given once, integers written as integers, strings valid UTF-8.
/// For anything else (unknown or repeated keys, fractions, a missing required key, invalid JSON…)
/// it answers nil and the caller decodes with `JSONDecoder`, which gives the same templates for
/// what this reader accepts, and words the errors for what it does not.
enum TemplateJSONReader {
    /// The templates in `bytes` (one object, or an array of objects), or nil (see the type's notes).
    static func templates(_ bytes: [UInt8]) -> [LayoutTemplate]? {
        bytes.withUnsafeBufferPointer { buffer -> [LayoutTemplate]? in
            var parser = Parser(bytes: buffer)
            guard let value = parser.document() else { return nil }
            do throws(Mismatch) {
                if case .array(let items) = value { return try items.map(template) }
                return [try template(value)]
            } catch {
                return nil
            }
        }
    }

    // MARK: - Mapping

    private struct Mismatch: Error {}

    /// An object's members by key; every key must be taken (unknown keys are a mismatch). A
    /// template object has a dozen keys at most: they are searched, not hashed.
    private struct Members {
        private let pairs: [Member]
        private var taken = 0

        init(_ value: Value) throws(Mismatch) {
            guard case .object(let pairs) = value else { throw Mismatch() }
            for i in pairs.indices where pairs[..<i].contains(where: { $0.key == pairs[i].key }) { throw Mismatch() }
            self.pairs = pairs
        }

        /// The value of `key`, nil when absent or null.
        mutating func optional(_ key: String) -> Value? {
            guard let i = pairs.firstIndex(where: { $0.key == key }) else { return nil }
            taken += 1
            if case .null = pairs[i].value { return nil }
            return pairs[i].value
        }

        mutating func required(_ key: String) throws(Mismatch) -> Value {
            guard let value = optional(key) else { throw Mismatch() }
            return value
        }

        func finish() throws(Mismatch) {
            guard taken == pairs.count else { throw Mismatch() }
        }
    }

    private static func string(_ value: Value) throws(Mismatch) -> String {
        guard case .string(let s) = value else { throw Mismatch() }
        return s
    }

    private static func int(_ value: Value) throws(Mismatch) -> Int {
        guard case .integer(let n) = value else { throw Mismatch() }
        return n
    }

    private static func bool(_ value: Value) throws(Mismatch) -> Bool {
        guard case .bool(let b) = value else { throw Mismatch() }
        return b
    }

    private static func strings(_ value: Value) throws(Mismatch) -> [String] {
        guard case .array(let items) = value else { throw Mismatch() }
        return try items.map(string)
    }

    private static func template(_ value: Value) throws(Mismatch) -> LayoutTemplate {
        var m = try Members(value)
        let normalization = try m.optional("normalization").map { value throws(Mismatch) in
            try strings(value).map { raw throws(Mismatch) in
                guard let step = LabelNormalizer.Step(rawValue: raw) else { throw Mismatch() }
                return step
            }
        }
        guard case .array(let cells) = try m.required("cells") else { throw Mismatch() }
        let template = LayoutTemplate(
            id: try string(try m.required("id")), family: try string(try m.required("family")),
            version: try string(try m.required("version")), table: try string(try m.required("table")),
            title: try m.optional("title").map(string), source: try m.optional("source").map(string),
            rows: try int(try m.required("rows")), columns: try int(try m.required("columns")),
            headerRows: try int(try m.required("headerRows")), headerColumns: try int(try m.required("headerColumns")),
            normalization: normalization, markers: try m.optional("markers").map(strings),
            cells: try cells.map(cell))
        try m.finish()
        return template
    }

    private static func cell(_ value: Value) throws(Mismatch) -> TemplateCell {
        var m = try Members(value)
        let figure = try m.optional("figure").map { value throws(Mismatch) -> FigurePaths in
            var f = try Members(value)
            let paths = FigurePaths(row: try strings(try f.required("row")), column: try strings(try f.required("column")))
            try f.finish()
            return paths
        }
        let cell = TemplateCell(
            row: try int(try m.required("row")), column: try int(try m.required("column")),
            rowSpan: try int(try m.required("rowSpan")), colSpan: try int(try m.required("colSpan")),
            label: try m.optional("label").map(string), variants: try m.optional("variants").map(strings),
            anyText: try m.optional("anyText").map(bool), figure: figure)
        try m.finish()
        return cell
    }

    // MARK: - Parsing

    /// A JSON value; numbers other than plain integers are not represented (the parse fails).
    indirect enum Value {
        case object([Member])
        case array([Value])
        case string(String)
        case integer(Int)
        case bool(Bool)
        case null
    }

    /// One member of a JSON object.
    struct Member {
        var key: String
        var value: Value
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The single value the bytes hold, with nothing but whitespace around it.
        mutating func document() -> Value? {
            guard let value = value() else { return nil }
            skipSpace()
            return index == bytes.count ? value : nil
        }

        private mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func literal(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard index + n <= bytes.count else { return false }
            for i in 0..<n where bytes[index + i] != text.utf8Start[i] { return false }
            index += n
            return true
        }

        private mutating func value() -> Value? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard depth < 32 else { return nil }
                depth += 1
                defer { depth -= 1 }
                index += 1
                var pairs: [Member] = []
                if take(UInt8(ascii: "}")) { return .object(pairs) }
                repeat {
                    skipSpace()
                    guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                    pairs.append(Member(key: key, value: value))
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "}")) ? .object(pairs) : nil
            case UInt8(ascii: "["):
                guard depth < 32 else { return nil }
                depth += 1
                defer { depth -= 1 }
                index += 1
                var items: [Value] = []
                if take(UInt8(ascii: "]")) { return .array(items) }
                repeat {
                    guard let value = value() else { return nil }
                    items.append(value)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .array(items) : nil
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "t"):
                return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"):
                return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            default:
                return integer().map(Value.integer)
            }
        }

        /// `-?(0|[1-9][0-9]*)` not followed by a fraction or exponent, within Int.
        private mutating func integer() -> Int? {
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            let start = index
            var magnitude = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
                guard !o1, !o2 else { return nil }
                magnitude = plus
                index += 1
            }
            let digits = index - start
            guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e")
                || bytes[index] == UInt8(ascii: "E") { return nil }
            return negative ? -magnitude : magnitude
        }

        /// A string literal at `index` (on its opening quote); nil for invalid text or escapes.
        private mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var out: [UInt8] = []
            var escapes = false
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    guard escapes else { return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                    out.append(contentsOf: bytes[start..<index])
                    return String(validating: out, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte != UInt8(ascii: "\\") { index += 1; continue }
                escapes = true
                out.append(contentsOf: bytes[start..<index])
                index += 1
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    // Only scalars written in one escape; surrogate pairs are left to JSONDecoder.
                    guard let code = hex4(), let scalar = Unicode.Scalar(code) else { return nil }
                    UTF8.encode(scalar) { out.append($0) }
                default:
                    return nil
                }
                start = index
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x41...0x46: digit = b - 0x41 + 10
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                code = code << 4 | UInt32(digit)
                index += 1
            }
            return code
        }
    }
}
