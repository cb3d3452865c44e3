import Foundation

/// Fast byte searches (`memchr`) for the readers' hot paths, where the generic
/// `Sequence.contains` walks a `String.UTF8View` index by index.
enum ByteSearch {
    /// Whether `byte` occurs in the UTF-8 of `text`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `byte` occurs in `bytes`.
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { contains(byte, in: $0) }
    }

    private static func contains(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }
}
