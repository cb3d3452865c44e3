/// Label texts numbered in the order first met, found again by their UTF-8 bytes where that means
/// exactly what `String` equality means.
///
/// Swift compares and hashes strings by canonical equivalence, which for Chinese text walks the
/// Unicode normalization tables scalar by scalar: looking a label up in a `[String: Int]` or
/// comparing label paths cost more than the rest of layout matching and the report's checks. Most
/// labels, though, hold only scalars that are their own canonical decomposition and combine with
/// nothing (``isTriviallyNormalized(_:)``: ASCII, CJK ideographs and punctuation, full-width
/// forms); two such texts are canonically equivalent exactly when their bytes are equal, so they
/// are looked up by a hash of their bytes. Any other text is looked up by `String` equality,
/// as before, so the ids are always those a `[String: Int]` filled in the same order would give.
struct LabelTable: Sendable {
    /// The first text given each id.
    private(set) var labels: [String] = []
    /// Every label's UTF-8 bytes, one after another; label `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing over the trivially normalized labels: an id, or -1.
    private var slots: [Int] = [Int](repeating: -1, count: 16)
    private var trivialCount = 0
    /// Some label is not trivially normalized (a trivially normalized text may then still equal it).
    private var hasOtherLabels = false
    /// Every label by `String` equality, built once a text needs it.
    private var byString: [String: Int]?

    init() {}

    /// The table of `labels`, numbered in order (texts equal as strings share the first one's id).
    init(_ labels: some Sequence<String>) {
        for label in labels { _ = intern(label) }
        if hasOtherLabels { buildStringIndex() }
    }

    /// Number of ids.
    var count: Int { labels.count }

    /// The id of the label equal to `text` as a string, or nil.
    func id(of text: String) -> Int? {
        var text = text
        var byStringToo = true
        let found = text.withUTF8 { utf8 -> Int? in
            guard Self.isTriviallyNormalized(utf8) else { return nil }
            byStringToo = hasOtherLabels
            return trivialID(utf8, hash: Self.hash(utf8))
        }
        if found != nil || !byStringToo { return found }
        if let byString { return byString[text] }
        return labels.firstIndex { $0 == text }
    }

    /// The id of `text` (equal to a known label as a string, or a new one).
    mutating func intern(_ text: String) -> Int {
        var text = text
        let (trivial, hash, found) = text.withUTF8 { utf8 -> (Bool, UInt64, Int?) in
            guard Self.isTriviallyNormalized(utf8) else { return (false, 0, nil) }
            let hash = Self.hash(utf8)
            return (true, hash, trivialID(utf8, hash: hash))
        }
        if let found { return found }
        if !trivial || hasOtherLabels {
            if byString == nil { buildStringIndex() }
            if let known = byString?[text] { return known }
        }
        let id = labels.count
        labels.append(text)
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        hashes.append(hash)
        byString?[text] = id
        if trivial {
            trivialCount += 1
            if 2 * trivialCount > slots.count { rehash(capacity: 2 * slots.count) } else { place(id) }
        } else {
            hasOtherLabels = true
        }
        return id
    }

    private mutating func buildStringIndex() {
        var index: [String: Int] = [:]
        for (id, label) in labels.enumerated() where index[label] == nil { index[label] = id }
        byString = index
    }

    private func trivialID(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[id] == hash {
                    let start = id == 0 ? 0 : ends[id - 1]
                    if ends[id] - start == utf8.count
                        && ByteSearch.equal(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: stored[start..<ends[id]])), UnsafeRawBufferPointer(utf8)) {
                        return id
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[id]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int](repeating: -1, count: capacity)
        for id in labels.indices {
            var label = labels[id]
            if label.withUTF8({ Self.isTriviallyNormalized($0) }) { place(id) }
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// True when every scalar of the (valid) UTF-8 text is in ``triviallyNormalizedScalars``:
    /// the text is then its own canonical decomposition (NFD) and NFC, so it is canonically
    /// equivalent to another such text exactly when their bytes are equal.
    static func isTriviallyNormalized(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 { i += 1; continue }
            if b & 0xE0 == 0xC0, i + 1 < n {
                let s = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                guard s == 0xB7 || s == 0xD7 || s == 0xF7 else { return false }
                i += 2
                continue
            }
            guard b & 0xF0 == 0xE0, i + 2 < n else { return false }
            let s = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            switch s {
            case 0x2010...0x2027, 0x2460...0x24FF, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
                i += 3
            default:
                return false
            }
        }
        return true
    }

    /// The scalars ``isTriviallyNormalized(_:)`` accepts: ASCII; `·`, `×`, `÷`; general punctuation
    /// U+2010–U+2027 (dashes, quotation marks, `…`); enclosed numbers U+2460–U+24FF (`①`); CJK
    /// symbols and punctuation U+3000–U+303F without the combining tone marks U+302A–U+302F; CJK
    /// unified ideographs U+4E00–U+9FFF; full-width forms U+FF01–U+FF5E. None has a canonical
    /// decomposition (some have compatibility ones, which `String` equality ignores) and all have
    /// combining class 0 (`LabelTableTests` checks each against Foundation's NFD).
    static let triviallyNormalizedScalars: [ClosedRange<UInt32>] = [
        0x00...0x7F, 0xB7...0xB7, 0xD7...0xD7, 0xF7...0xF7, 0x2010...0x2027, 0x2460...0x24FF,
        0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E,
    ]
}
