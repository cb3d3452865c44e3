/// Reads flattened (Tika-style) text. Placeholder entry point: the reconstruction lands with issue 3.
public struct FlatTextReader: Sendable {
    public var options: ReadOptions
    public init(options: ReadOptions = ReadOptions()) { self.options = options }

    public func read(bytes: [UInt8], name: String) throws(RegridError) -> Document {
        throw .unsupportedFormat("flattened text (reader not built yet)")
    }
}
