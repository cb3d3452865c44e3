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

    /// XML's white space: space, tab, line feed, carriage return.
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private mutating func close(at index: Int) -> Int {
        rootClosed = true
        return index + 1
    }

    /// Where the root element of `bytes` (a whole part) ends, just after the `>` of its end tag,
    /// when that is provably the last non-blank byte, so that a scan would cut there too: the root's start tag
    /// (after the XML declaration, processing instructions and comments) is not empty, the last
    /// non-blank bytes are `</name>` (blanks allowed before `>`), and no other `</name` followed
    /// by a blank or `>` occurs anywhere, so that end tag is the root's own whatever the rest
    /// holds. Anything else (a DOCTYPE, UTF-16, junk after the root, a second root) answers
    /// nil, and the part is scanned. For a malformed part the answer does not matter: the
    /// scan cuts only bytes after a point where the root would already have closed, so libxml2
    /// stops at the same error either way.
    static func rootEnd(in bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        func find(_ byte: UInt8, from start: Int) -> Int? {
            ByteSearch.firstIndex(of: byte, in: bytes, from: start, to: count)
        }
        func find(_ pattern: [UInt8], from start: Int, before end: Int) -> Int? {
            ByteSearch.firstIndex(of: pattern, in: bytes, from: start, to: end)
        }
        // The root's start tag: the first tag that is not <?…?> or <!--…-->.
        var index = 0
        var nameStart = 0
        while true {
            guard let open = find(UInt8(ascii: "<"), from: index), open + 1 < count else { return nil }
            switch bytes[open + 1] {
            case UInt8(ascii: "?"):
                guard let close = find([UInt8(ascii: "?"), UInt8(ascii: ">")], from: open + 2, before: count) else { return nil }
                index = close + 2
                continue
            case UInt8(ascii: "!"):
                guard open + 3 < count, bytes[open + 2] == UInt8(ascii: "-"), bytes[open + 3] == UInt8(ascii: "-"),
                      let close = find(Array("-->".utf8), from: open + 4, before: count) else { return nil }
                index = close + 3
                continue
            default:
                nameStart = open + 1
            }
            break
        }
        var nameEnd = nameStart
        while nameEnd < count {
            let byte = bytes[nameEnd]
            if isBlank(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            // Name bytes only: no NUL (UTF-16), no markup.
            guard byte > 0x20, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'") else { return nil }
            nameEnd += 1
        }
        guard nameEnd > nameStart, nameEnd < count else { return nil }
        // The start tag's own end, quoted values skipped: `/>` would make the root empty.
        var tagEnd = nameEnd
        while tagEnd < count && bytes[tagEnd] != UInt8(ascii: ">") {
            let byte = bytes[tagEnd]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = find(byte, from: tagEnd + 1) else { return nil }
                tagEnd = close
            }
            tagEnd += 1
        }
        guard tagEnd < count, bytes[tagEnd - 1] != UInt8(ascii: "/") else { return nil }
        // The last non-blank bytes: `</name` blanks `>`.
        var last = count - 1
        while last > tagEnd && isBlank(bytes[last]) { last -= 1 }
        guard bytes[last] == UInt8(ascii: ">") else { return nil }
        var close = last - 1
        while close > tagEnd && isBlank(bytes[close]) { close -= 1 }
        let endTag = [UInt8(ascii: "<"), UInt8(ascii: "/")] + Array(UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
        let endTagStart = close + 1 - endTag.count
        guard endTagStart > tagEnd, (0..<endTag.count).allSatisfy({ bytes[endTagStart + $0] == endTag[$0] }) else { return nil }
        // No other end tag of that name, anywhere before it (in comments and CDATA too).
        var from = tagEnd
        while let other = find(endTag, from: from, before: endTagStart) {
            let next = bytes[other + endTag.count]
            if isBlank(next) || next == UInt8(ascii: ">") { return nil }
            from = other + 1
        }
        return last + 1
    }
}

/// A zip entry read for the XML parser up to the end of its root element. What follows the root
/// is still inflated (so the zip layer checks the entry's CRC) but not parsed; non-blank bytes
/// there are reported by ``finish()``.
final class RootBoundedInput {
    private let entry: EntryStream
    private var boundary = XMLRootBoundary()
    private var trailingBytes = 0
    /// Where the root ends, when the entry was inflated whole and provably ends with its root's
    /// end tag: the bytes are then passed on unscanned up to there (see
    /// ``XMLRootBoundary/rootEnd(in:)``).
    private let provenRootEnd: Int?
    /// Bytes read from the entry so far (counted only when the root end is proven).
    private var position = 0
    /// The runs of text lifted out of the part, for the parser; the part is then read through
    /// them (nil when nothing was lifted).
    let liftedRuns: LiftedRuns?

    /// - Parameters:
    ///   - scanAlways: scan even an entry that provably ends with its root (for tests).
    ///   - liftText: hand out the part with its runs of non-ASCII text lifted out (``LiftedText``),
    ///     when it was inflated whole and provably ends with its root; ``liftedRuns`` has them.
    init(_ entry: EntryStream, scanAlways: Bool = false, liftText: Bool = false) {
        self.entry = entry
        let whole = entry.inflatedBytes
        let end = scanAlways ? nil : whole.flatMap(XMLRootBoundary.rootEnd(in:))
        self.provenRootEnd = end
        if liftText, let whole, let end {
            let part = UnsafeRawBufferPointer(rebasing: whole[0..<end])
            liftedRuns = LiftedText.lift(part).flatMap { LiftedRuns($0, part: part, owner: entry) }
        } else {
            liftedRuns = nil
        }
    }

    /// Fills `buffer` like ``EntryStream/read(into:)``, stopping after the root element.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RegridError) -> Int {
        if let liftedRuns { return liftedRuns.read(into: buffer) }
        if let end = provenRootEnd {
            if position >= end { return 0 }
            let n = try entry.read(into: buffer)
            let kept = min(n, end - position)
            if kept < n { count(UnsafeRawBufferPointer(rebasing: buffer[kept..<n])) }
            position += n
            return kept
        }
        if boundary.rootClosed { return 0 }
        let n = try entry.read(into: buffer)
        let kept = boundary.scan(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        if kept < n { count(UnsafeRawBufferPointer(rebasing: buffer[kept..<n])) }
        return kept
    }

    /// Reads the rest of the entry; returns the number of non-blank bytes found after the root.
    func finish() throws(RegridError) -> Int {
        if liftedRuns != nil, let whole = entry.inflatedBytes, let end = provenRootEnd {
            count(UnsafeRawBufferPointer(rebasing: whole[end...]))
            return trailingBytes
        }
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
        for byte in bytes where !XMLRootBoundary.isBlank(byte) { trailingBytes += 1 }
    }
}
