/// Watches the bytes of an XML part on their way to libxml2 and spots a `<!DOCTYPE` in the
/// prolog before libxml2 parses it, so that no DTD (internal subset, entity declarations,
/// external identifiers) is ever processed, not even for well-formedness: billion laughs,
/// quadratic blow-up and XXE are refused with one clear error before any work.
///
/// Works for UTF-8 and for UTF-16 of either byte order (NUL bytes are skipped while scanning;
/// the markup characters are ASCII). Scanning stops at the root element's start tag, so the
/// cost is a few bytes per part.
struct DoctypeGuard {
    private static let needle = Array("<!DOCTYPE".utf8)
    /// The last significant bytes seen (at most `needle.count`).
    private var window: [UInt8] = []
    private var previous: UInt8 = 0
    /// The root element has started: nothing left to watch.
    private(set) var isDone = false

    /// Scans the next chunk. Returns false when it holds (the end of) a DOCTYPE declaration start.
    mutating func accept(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard !isDone else { return true }
        for byte in chunk where byte != 0 {
            if previous == UInt8(ascii: "<") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "!") && !isSpace(byte) {
                isDone = true
                return true
            }
            previous = byte
            window.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)   // DOCTYPE in any case
            if window.count > Self.needle.count { window.removeFirst() }
            if window == Self.needle { return false }
        }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
