/// The text a tracked change deleted ([MS-DOC] character properties: `PlcBteChpx` → `ChpxFkp` →
/// `Chpx` with `sprmCFRMarkDel`). Binary Word keeps deleted text in the stream, marked; it is
/// dropped as the DOCX reader drops `w:del`.
struct DeletedText {
    /// Byte ranges of the WordDocument stream holding deleted characters, sorted.
    private let ranges: [(start: Int, end: Int)]

    /// Reads the character-property index at `range` of the table stream; pages come from `document`.
    init(table: ByteReader, range: (offset: Int, length: Int), document: ByteReader) {
        var ranges: [(start: Int, end: Int)] = []
        PropertyPages.forEach(table: table, range: range, document: document, maxRuns: 0x65) { fkp, count in
            for k in 0..<count {
                guard let start = fkp.u32(4 * k), let end = fkp.u32(4 * (k + 1)),
                      let word = fkp.u8(4 * (count + 1) + k), word != 0,
                      let cb = fkp.u8(2 * Int(word)),
                      let grpprl = fkp.slice(2 * Int(word) + 1, min(Int(cb), 511 - 2 * Int(word))) else { continue }
                let deleted = Sprm.list(ByteReader(Array(grpprl)), from: 0).contains {
                    $0.code == 0x0800 && $0.operand.u8(0).map { $0 & 1 != 0 } == true
                }
                if deleted, end > start { ranges.append((Int(start), Int(end))) }
            }
        }
        self.ranges = ranges.sorted { $0.start < $1.start }
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// True when the character at byte offset `fc` was deleted.
    func contains(_ fc: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].end <= fc { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].start <= fc
    }
}
