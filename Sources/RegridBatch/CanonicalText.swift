/// Any `Encodable` value written as canonical text for hashing: one line per value, its full
/// coding path and the value (`cells.3.rowSpan=2`, strings quoted and escaped), plus a line for
/// every container (`cells=[`, `cells.3={`, so that empty and absent differ), sorted. Every field
/// a type encodes is covered, as with `JSONEncoder`, at a small part of its cost (the options
/// hash of a batch: the layout templates, once per process).
enum CanonicalText {
    /// The canonical text of `value`.
    static func of<T: Encodable>(_ value: T) -> String {
        let sink = Sink()
        // A value that throws while encoding (none of Regrid's do) still leaves what it wrote,
        // plus a line saying so: the hash changes rather than matching another value's.
        do {
            try value.encode(to: CanonicalEncoder(sink: sink, path: ""))
        } catch {
            sink.lines.append("!error \(error)")
        }
        return sink.lines.sorted().joined(separator: "\n")
    }

    fileprivate final class Sink {
        var lines: [String] = []
    }

    fileprivate static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    fileprivate struct CanonicalEncoder: Encoder {
        let sink: Sink
        let path: String
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.lines.append(path + "={")
            return KeyedEncodingContainer(Keyed<Key>(sink: sink, path: path))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.lines.append(path + "=[")
            return Unkeyed(sink: sink, path: path)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(sink: sink, path: path)
        }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        let path: String
        var codingPath: [any CodingKey] { [] }

        func encodeNil(forKey key: Key) { sink.lines.append(join(path, key.stringValue) + "=nil") }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try CanonicalText.encode(value, sink: sink, path: join(path, key.stringValue))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            CanonicalEncoder(sink: sink, path: join(path, key.stringValue)).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            CanonicalEncoder(sink: sink, path: join(path, key.stringValue)).unkeyedContainer()
        }
        func superEncoder() -> any Encoder { CanonicalEncoder(sink: sink, path: join(path, "super")) }
        func superEncoder(forKey key: Key) -> any Encoder { CanonicalEncoder(sink: sink, path: join(path, key.stringValue)) }
    }

    fileprivate struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        let path: String
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(sink: Sink, path: String) {
            self.sink = sink
            self.path = path
        }

        private mutating func nextPath() -> String {
            defer { count += 1 }
            return join(path, String(count))
        }

        mutating func encodeNil() { sink.lines.append(nextPath() + "=nil") }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try CanonicalText.encode(value, sink: sink, path: nextPath())
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            CanonicalEncoder(sink: sink, path: nextPath()).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            CanonicalEncoder(sink: sink, path: nextPath()).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { CanonicalEncoder(sink: sink, path: nextPath()) }
    }

    fileprivate struct Single: SingleValueEncodingContainer {
        let sink: Sink
        let path: String
        var codingPath: [any CodingKey] { [] }

        func encodeNil() { sink.lines.append(path + "=nil") }
        func encode<T: Encodable>(_ value: T) throws { try CanonicalText.encode(value, sink: sink, path: path) }
    }

    /// Strings, numbers and booleans as a line; anything else through its own `encode(to:)`.
    fileprivate static func encode<T: Encodable>(_ value: T, sink: Sink, path: String) throws {
        switch value {
        case let string as String: sink.lines.append(path + "=" + string.debugDescription)
        case let bool as Bool: sink.lines.append(path + "=" + (bool ? "true" : "false"))
        case let int as Int: sink.lines.append(path + "=" + String(int))
        case let double as Double: sink.lines.append(path + "=" + double.description)
        // Other numbers (and anything else written and read back by its description).
        case let lossless as any LosslessStringConvertible: sink.lines.append(path + "=" + lossless.description)
        default: try value.encode(to: CanonicalEncoder(sink: sink, path: path))
        }
    }
}
