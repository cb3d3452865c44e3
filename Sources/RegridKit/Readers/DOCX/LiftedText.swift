/// A part's non-ASCII character data taken out before libxml2 parses it, and handed to the
/// parser's handler from the original bytes instead.
///
/// Why: libxml2 2.9 reads ASCII text in a tight loop but any other text one scalar at a time
/// (`xmlCurrentChar`, `xmlCopyCharMultiByte`), about a tenth of all the CPU of a batch of Chinese
/// reports. A run of Chinese text in `<w:t>` needs no parsing at all: it is checked here, in
/// one pass, by the rules libxml2 applies to it, and the parser is fed the part without it
/// (`<w:t></w:t>`).
///
/// What is taken: the text right after a start tag's `>`, up to the next `<`, when it holds a
/// non-ASCII byte and is plainly character data: well-formed UTF-8 of scalars XML allows, no `&`
/// (references stay libxml2's), no line ends (libxml2 normalises CR, and line numbers of later
/// errors must not move), no `]]>`. Markup is ASCII, so only the places where a byte is not are
/// looked at, and the tag before each is checked from there back to its `<`. A DOCTYPE, a
/// declared encoding other than UTF-8, or a version other than 1.0 leave the part as it is.
///
/// How it stays exact: each taken run is tied to the byte offset of its start tag's `>` in the
/// bytes libxml2 is fed. ``XMLPushParser`` hands the run over only when libxml2 reports a start
/// element at exactly that offset, and treats a run that libxml2 passes by (a `>` that was in
/// an attribute value or a comment after all) as a failed parse; ``DOCXReader`` then reads the
/// package again without lifting, so what the user gets (the document, or the error and its
/// line) is what libxml2 alone would give.
struct LiftedText {
    /// One run taken out: where its start tag's `>` is in the bytes the parser is fed (the part
    /// without the runs before it), and where the run is in the part.
    struct Run {
        let tagEnd: Int
        let start: Int
        let count: Int
    }

    /// The runs taken, in document order.
    let runs: [Run]

    /// Takes the runs out of `part` (the bytes up to the end of its root); nil when there is
    /// none to take or the part is not plain UTF-8 XML 1.0 (see the type's notes).
    static func lift(_ part: UnsafeRawBufferPointer) -> LiftedText? {
        guard let base = part.baseAddress?.assumingMemoryBound(to: UInt8.self), part.count > 0,
              let first = contentStart(part) else { return nil }
        let end = part.count
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
        var runs: [Run] = []
        var removed = 0
        var index = first
        // Markup is ASCII: only where a byte is not does anything need looking at.
        while let found = firstNonASCII(base, from: index, end: end) {
            var back = found - 1
            while back >= first && base[back] != less && base[back] != greater { back -= 1 }
            guard back >= first else {
                // Before any markup (junk libxml2 refuses): on at the next `<`, so that no byte
                // is walked back over twice.
                index = ByteSearch.firstIndex(of: less, in: part, from: found, to: end) ?? end
                continue
            }
            if base[back] == less {
                // Inside markup (an attribute value, a comment…): go on after its `>`.
                index = (ByteSearch.firstIndex(of: greater, in: part, from: found, to: end) ?? end - 1) + 1
                continue
            }
            let textEnd = ByteSearch.firstIndex(of: less, in: part, from: found, to: end) ?? end
            index = textEnd
            guard textEnd < end, isStartTagEnd(base, at: back, first: first),
                  isLiftable(base, from: back + 1, to: textEnd) else { continue }
            runs.append(Run(tagEnd: back - removed, start: back + 1, count: textEnd - back - 1))
            removed += textEnd - back - 1
        }
        return runs.isEmpty ? nil : LiftedText(runs: runs)
    }

    /// The offset of the first byte from `from` on that is not ASCII, or nil (32 bytes a step, then 8, then 1).
    private static func firstNonASCII(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int? {
        var index = from
        let raw = UnsafeRawPointer(base)
        while index + 32 <= end {
            let any = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            if any & 0x8080_8080_8080_8080 != 0 { break }
            index += 32
        }
        while index + 8 <= end {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < end {
            if base[index] >= 0x80 { return index }
            index += 1
        }
        return nil
    }

    /// Whether the `>` at `at` looks like the end of a start tag: not `/>`, and the nearest `<`
    /// before it, with no other `>` and an even number of each quote between, opens an element
    /// (not `</`, `<!`, `<?`). A wrong guess (a `>` in an attribute value, a comment or text)
    /// costs a second parse, never a wrong result.
    private static func isStartTagEnd(_ base: UnsafePointer<UInt8>, at tagEnd: Int, first: Int) -> Bool {
        guard tagEnd > first, base[tagEnd - 1] != UInt8(ascii: "/") else { return false }
        var index = tagEnd - 1
        var doubleQuotes = 0, singleQuotes = 0
        while index >= first {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { doubleQuotes += 1 }
            if byte == UInt8(ascii: "'") { singleQuotes += 1 }
            if byte == UInt8(ascii: ">") { return false }
            if byte == UInt8(ascii: "<") {
                guard index + 1 < tagEnd, doubleQuotes % 2 == 0, singleQuotes % 2 == 0 else { return false }
                let next = base[index + 1]
                return next != UInt8(ascii: "/") && next != UInt8(ascii: "!") && next != UInt8(ascii: "?")
            }
            index -= 1
        }
        return false
    }

    /// Whether `base[from..<to]` can be handed over as libxml2 would: it holds a non-ASCII byte,
    /// is well-formed UTF-8 (shortest form, no surrogates, nothing past U+10FFFF) of scalars XML
    /// 1.0 allows (tab, and U+0020 on, but not U+FFFE or U+FFFF), and holds no `&`, no CR or LF
    /// and no `]]>`. The byte at `end` must be readable (it is the `<` that ends the run).
    static func isLiftable(_ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Bool {
        var nonASCII = false
        var index = from
        let raw = UnsafeRawPointer(base)
        while index < end {
            let byte = base[index]
            // The common case first: U+1000 to U+CFFF (Chinese, Japanese, Korean), three bytes,
            // checked in one load (the fourth byte read is at most the one at `end`).
            if byte &- 0xE1 <= 0x0B && index + 2 < end {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                if word & 0x00C0_C000 == 0x0080_8000 {
                    nonASCII = true
                    index += 3
                    continue
                }
            }
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 { return false }
                if byte == UInt8(ascii: "&") { return false }
                if byte == UInt8(ascii: "]"), index + 2 < end, base[index + 1] == UInt8(ascii: "]"),
                   base[index + 2] == UInt8(ascii: ">") { return false }
                index += 1
                continue
            }
            nonASCII = true
            guard let length = scalarLength(base, at: index, end: end) else { return false }
            index += length
        }
        return nonASCII
    }

    /// The length of the well-formed UTF-8 sequence of an XML-allowed scalar at `index` (whose
    /// first byte is not ASCII), or nil.
    @inline(__always)
    private static func scalarLength(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> Int? {
        let lead = base[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < end && base[index + offset] >= low && base[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil  // no surrogates
        case 0xEF:
            guard continuation(1), continuation(2) else { return nil }
            // U+FFFE and U+FFFF are not XML characters.
            return base[index + 1] == 0xBF && base[index + 2] >= 0xBE ? nil : 3
        case 0xE1...0xEC, 0xEE:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Where the scan starts: after the XML declaration when there is one (it must declare
    /// version 1.0 and, if any, the UTF-8 encoding), after a UTF-8 byte-order mark; nil when the
    /// part starts any other way (another encoding, UTF-16, no markup at all) or a DOCTYPE comes
    /// next (refused later in any case).
    private static func contentStart(_ part: UnsafeRawBufferPointer) -> Int? {
        var start = 0
        if matches(part, at: 0, "\u{FEFF}") { start = 3 }
        guard start < part.count, part[start] == UInt8(ascii: "<") else { return nil }
        if matches(part, at: start, "<?xml"), start + 5 < part.count, isBlank(part[start + 5]) {
            guard let close = ByteSearch.firstIndex(of: Array("?>".utf8), in: part, from: start + 5,
                                                    to: min(part.count, start + 512)) else { return nil }
            let declaration = Array(UnsafeRawBufferPointer(rebasing: part[(start + 5)..<close]))
            guard pseudoAttribute("version", in: declaration) == "1.0" else { return nil }
            if let encoding = pseudoAttribute("encoding", in: declaration), encoding.lowercased() != "utf-8" { return nil }
            start = close + 2
        }
        var next = start
        while next < part.count && isBlank(part[next]) { next += 1 }
        return matches(part, at: next, "<!DOCTYPE") ? nil : start
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The value of `name="…"` (or `'…'`) in an XML declaration, or nil.
    private static func pseudoAttribute(_ name: String, in declaration: [UInt8]) -> String? {
        let found = declaration.withUnsafeBytes {
            ByteSearch.firstIndex(of: Array(name.utf8), in: $0, from: 0, to: declaration.count)
        }
        guard let found else { return nil }
        var index = found + name.utf8.count
        while index < declaration.count && isBlank(declaration[index]) { index += 1 }
        guard index < declaration.count, declaration[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < declaration.count && isBlank(declaration[index]) { index += 1 }
        guard index < declaration.count else { return nil }
        let quote = declaration[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
              let close = declaration[(index + 1)...].firstIndex(of: quote) else { return nil }
        return String(decoding: declaration[(index + 1)..<close], as: UTF8.self)
    }

    private static func matches(_ part: UnsafeRawBufferPointer, at offset: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= part.count else { return false }
        for i in 0..<count where part[offset + i] != literal.utf8Start[i] { return false }
        return true
    }
}

/// The runs of one ``LiftedText``: the bytes to feed the parser (the part without them), and
/// the runs handed back to the handler while libxml2 parses those bytes (see ``XMLPushParser``).
/// Keeps the owner of the part's bytes alive.
final class LiftedRuns {
    /// Where the parse is in the runs: read by libxml2's start-element callback on every element,
    /// so kept in plain memory (no reference counting, no exclusivity checks; one parse, one thread).
    struct State {
        fileprivate let runs: UnsafeMutableBufferPointer<LiftedText.Run>
        fileprivate let part: UnsafeRawPointer
        fileprivate var next = 0

        /// True once every run was handed back.
        var isDone: Bool { next == runs.count }

        /// What belongs after the start tag whose `>` libxml2 is at (`offset` in the fed bytes).
        mutating func claim(at offset: Int) -> Claim {
            guard next < runs.count else { return .none }
            let run = runs[next]
            if offset < run.tagEnd { return .none }
            if offset > run.tagEnd { return .missed }
            next += 1
            return .run(UnsafeRawBufferPointer(start: part + run.start, count: run.count))
        }
    }

    /// What a start element at some offset means for the runs.
    enum Claim {
        /// No run belongs there.
        case none
        /// This run's bytes follow the start tag.
        case run(UnsafeRawBufferPointer)
        /// libxml2 reported a start element past a run's tag: the scan and libxml2 disagree.
        case missed
    }

    private let owner: AnyObject
    private let part: UnsafeRawBufferPointer
    /// The parse's position in the runs (see ``State``).
    let state: UnsafeMutablePointer<State>
    /// The feed's position: the next byte of the part, and the next run to leave out.
    private var position = 0
    private var skip = 0

    /// - Parameters:
    ///   - part: the bytes the runs were lifted from, up to the root's end, valid while `owner` lives.
    init?(_ lifted: LiftedText, part: UnsafeRawBufferPointer, owner: AnyObject) {
        guard let base = part.baseAddress else { return nil }
        self.part = part
        self.owner = owner
        let runs = UnsafeMutableBufferPointer<LiftedText.Run>.allocate(capacity: lifted.runs.count)
        _ = runs.initialize(from: lifted.runs)
        state = .allocate(capacity: 1)
        state.initialize(to: State(runs: runs, part: base))
    }

    deinit {
        state.pointee.runs.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Copies the next bytes of the part, leaving the runs out, into `buffer`; returns the count,
    /// 0 at the root's end.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let target = buffer.baseAddress, let source = part.baseAddress else { return 0 }
        let runs = state.pointee.runs
        var written = 0
        while written < buffer.count && position < part.count {
            let runStart = skip < runs.count ? runs[skip].start : part.count
            if position == runStart {
                position += runs[skip].count
                skip += 1
                continue
            }
            let n = min(buffer.count - written, runStart - position)
            (target + written).copyMemory(from: source + position, byteCount: n)
            written += n
            position += n
        }
        return written
    }
}
