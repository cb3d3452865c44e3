/// Finds where the root element of an XML byte stream ends, scanning chunk by chunk, so that a
/// part with junk after its root (a known producer bug: the main part of
/// PHPWord's header-footer-with-custom-macro.docx ends in `~`) can be parsed without the junk.
///
/// A lexical scan only: tags, quoted attribute values, comments, CDATA sections, processing
/// instructions and declarations are told apart; nothing is validated (libxml2 does that on the
/// bytes that are passed on). For well-formed input the cut falls exactly after the root's `>`.
struct XMLRootBoundary {
    private enum State: Equatable {
        case content
        case tagOpen
        case startTag(slash: Bool)
        case quoted(UInt8)
        case endTag
        case processingInstruction(question: Bool)
        case bang
        case comment(dashes: Int)
        case cdata(brackets: Int)
        case declaration(brackets: Int)
    }

    private var state = State.content
    private var depth = 0
    /// True once the root element's end (or its empty tag) has been scanned.
    private(set) var rootClosed = false

    /// Scans `bytes`; returns how many of them belong to the document: all of them, or the count
    /// up to and including the `>` that closes the root.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Int {
        if rootClosed { return 0 }
        let count = bytes.count
        var index = 0
        while index < count {
            // Text and the inside of tags and quoted values, most of a part, are skipped in
            // tight loops; the state machine below sees one byte at a time for the rest.
            switch state {
            case .content:
                while index + 8 <= count && !Self.has(bytes, at: index, UInt8(ascii: "<")) { index += 8 }
                while index < count && bytes[index] != UInt8(ascii: "<") { index += 1 }
                guard index < count else { return count }
                state = .tagOpen
                index += 1
                continue
            case .quoted(let quote):
                while index + 8 <= count && !Self.has(bytes, at: index, quote) { index += 8 }
                while index < count && bytes[index] != quote { index += 1 }
                guard index < count else { return count }
                state = .startTag(slash: false)
                index += 1
                continue
            case .startTag:
                var skipped = false
                while index + 8 <= count && !Self.hasTagByte(bytes, at: index) {
                    skipped = true
                    index += 8
                }
                while index < count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "/")
                        || byte == UInt8(ascii: ">") { break }
                    skipped = true
                    index += 1
                }
                if skipped { state = .startTag(slash: false) }
                guard index < count else { return count }
            default:
                break
            }
            let byte = bytes[index]
            switch state {
            case .content:
                if byte == UInt8(ascii: "<") { state = .tagOpen }
            case .tagOpen:
                switch byte {
                case UInt8(ascii: "/"): state = .endTag
                case UInt8(ascii: "?"): state = .processingInstruction(question: false)
                case UInt8(ascii: "!"): state = .bang
                default: state = .startTag(slash: false)
                }
            case .startTag:
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    state = .quoted(byte)
                case UInt8(ascii: "/"):
                    state = .startTag(slash: true)
                case UInt8(ascii: ">"):
                    if state == .startTag(slash: true) {
                        if depth == 0 { return close(at: index) }
                    } else {
                        depth += 1
                    }
                    state = .content
                default:
                    state = .startTag(slash: false)
                }
            case .quoted(let quote):
                if byte == quote { state = .startTag(slash: false) }
            case .endTag:
                if byte == UInt8(ascii: ">") {
                    depth -= 1
                    state = .content
                    if depth <= 0 { return close(at: index) }
                }
            case .processingInstruction(let question):
                if question && byte == UInt8(ascii: ">") { state = .content } else { state = .processingInstruction(question: byte == UInt8(ascii: "?")) }
            case .bang:
                switch byte {
                case UInt8(ascii: "-"): state = .comment(dashes: -1)   // the second dash of "<!--" is not a closing one
                case UInt8(ascii: "["): state = .cdata(brackets: 0)
                case UInt8(ascii: ">"): state = .content
                default: state = .declaration(brackets: 0)
                }
            case .comment(let dashes):
                if byte == UInt8(ascii: "-") {
                    state = .comment(dashes: dashes + 1)
                } else if byte == UInt8(ascii: ">") && dashes >= 2 {
                    state = .content
                } else {
                    state = .comment(dashes: 0)
                }
            case .cdata(let brackets):
                if byte == UInt8(ascii: "]") {
                    state = .cdata(brackets: brackets + 1)
                } else if byte == UInt8(ascii: ">") && brackets >= 2 {
                    state = .content
                } else {
                    state = .cdata(brackets: 0)
                }
            case .declaration(let brackets):
                switch byte {
                case UInt8(ascii: "["): state = .declaration(brackets: brackets + 1)
                case UInt8(ascii: "]"): state = .declaration(brackets: max(0, brackets - 1))
                case UInt8(ascii: ">") where brackets == 0: state = .content
                default: break
                }
            }
            index += 1
        }
        return count
    }

    /// True when one of the eight bytes at `offset` equals `target` (exact: the bit trick finds a
    /// zero byte in `word ^ target` without false positives on the whole word).
    @inline(__always)
    private static func has(_ bytes: UnsafeRawBufferPointer, at offset: Int, _ target: UInt8) -> Bool {
        hasZeroByte(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ (0x0101_0101_0101_0101 &* UInt64(target)))
    }

    /// True when one of the eight bytes at `offset` is `"`, `'`, `/` or `>` (what ends a run of a start tag).
    @inline(__always)
    private static func hasTagByte(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        return hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x27))
            || hasZeroByte(word ^ (ones &* 0x2F)) || hasZeroByte(word ^ (ones &* 0x3E))
    }

    @inline(__always)
    private static func hasZeroByte(_ v: UInt64) -> Bool {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0
    }

    private mutating func close(at index: Int) -> Int {
        rootClosed = true
        return index + 1
    }
}

/// A zip entry read for the XML parser up to the end of its root element. What follows the root
/// is still inflated (so the zip layer checks the entry's CRC) but not parsed; non-blank bytes
/// there are reported by ``finish()``.
final class RootBoundedInput {
    private let entry: EntryStream
    private var boundary = XMLRootBoundary()
    private var trailingBytes = 0

    init(_ entry: EntryStream) { self.entry = entry }

    /// Fills `buffer` like ``EntryStream/read(into:)``, stopping after the root element.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RegridError) -> Int {
        if boundary.rootClosed { return 0 }
        let n = try entry.read(into: buffer)
        let kept = boundary.scan(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        if kept < n { count(UnsafeRawBufferPointer(rebasing: buffer[kept..<n])) }
        return kept
    }

    /// Reads the rest of the entry; returns the number of non-blank bytes found after the root.
    func finish() throws(RegridError) -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = try entry.read(into: buffer)
            if n == 0 { break }
            count(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return trailingBytes
    }

    private func count(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes where !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) { trailingBytes += 1 }
    }
}
