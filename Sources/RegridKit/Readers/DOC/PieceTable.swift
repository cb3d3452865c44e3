/// The piece table ([MS-DOC] 2.9.38 `Clx`, 2.4.1 "Retrieving Text"): where each run of
/// character positions (CPs) sits in the `WordDocument` stream, as 16-bit Unicode or as
/// compressed 8-bit text.
struct PieceTable {
    struct Piece {
        var cpStart: Int
        var cpEnd: Int
        /// Byte offset of the piece's first character in the WordDocument stream.
        var fc: Int
        var compressed: Bool
    }

    let pieces: [Piece]

    /// Reads the `Clx` at `range` of the table stream.
    init(table: ByteReader, range: (offset: Int, length: Int)) throws(RegridError) {
        var at = range.offset
        let end = range.offset + range.length
        guard range.length > 0, end <= table.count else { throw CompoundFile.damaged("no piece table") }
        // Prc records (clxt 1) come first; the Pcdt (clxt 2) follows.
        while at < end, table.u8(at) == 1 {
            guard let cb = table.i16(at + 1), cb >= 0 else { throw CompoundFile.damaged("a broken piece table") }
            at += 3 + Int(cb)
        }
        guard table.u8(at) == 2, let lcb = table.u32(at + 1), Int(lcb) <= end - at - 5, lcb >= 4 else {
            throw CompoundFile.damaged("a broken piece table")
        }
        let plc = at + 5
        let n = (Int(lcb) - 4) / 12
        var pieces: [Piece] = []
        pieces.reserveCapacity(n)
        for i in 0..<n {
            guard let start = table.i32(plc + 4 * i), let stop = table.i32(plc + 4 * (i + 1)),
                  let fcRaw = table.u32(plc + 4 * (n + 1) + 8 * i + 2) else { break }
            guard start >= 0, stop >= start else { continue }
            let compressed = fcRaw & 0x4000_0000 != 0
            let fc = Int(fcRaw & 0x3FFF_FFFF)
            pieces.append(Piece(cpStart: Int(start), cpEnd: Int(stop), fc: compressed ? fc / 2 : fc, compressed: compressed))
        }
        self.pieces = pieces.sorted { $0.cpStart < $1.cpStart }
    }

    /// The characters of CPs `0..<length` with the byte offset each sits at; characters whose
    /// bytes are missing from the stream end the text.
    func characters(upTo length: Int, in stream: ByteReader) -> (units: [UInt16], offsets: [Int]) {
        var units: [UInt16] = []
        var offsets: [Int] = []
        units.reserveCapacity(min(length, stream.count))
        offsets.reserveCapacity(min(length, stream.count))
        for piece in pieces where piece.cpStart < length {
            guard piece.cpStart == units.count else { break }   // a gap or overlap: stop at what is certain
            let stop = min(piece.cpEnd, length)
            for cp in piece.cpStart..<stop {
                let k = cp - piece.cpStart
                if piece.compressed {
                    guard let b = stream.u8(piece.fc + k) else { return (units, offsets) }
                    units.append(Self.compressedCharacter(b))
                    offsets.append(piece.fc + k)
                } else {
                    guard let u = stream.u16(piece.fc + 2 * k) else { return (units, offsets) }
                    units.append(u)
                    offsets.append(piece.fc + 2 * k)
                }
            }
        }
        return (units, offsets)
    }

    /// A byte of compressed text: Latin-1, but for the bytes [MS-DOC] 2.4.1 maps to the
    /// characters of Windows-1252 (quotes, dashes, …).
    static func compressedCharacter(_ b: UInt8) -> UInt16 {
        switch b {
        case 0x82: 0x201A
        case 0x83: 0x0192
        case 0x84: 0x201E
        case 0x85: 0x2026
        case 0x86: 0x2020
        case 0x87: 0x2021
        case 0x88: 0x02C6
        case 0x89: 0x2030
        case 0x8A: 0x0160
        case 0x8B: 0x2039
        case 0x8C: 0x0152
        case 0x91: 0x2018
        case 0x92: 0x2019
        case 0x93: 0x201C
        case 0x94: 0x201D
        case 0x95: 0x2022
        case 0x96: 0x2013
        case 0x97: 0x2014
        case 0x98: 0x02DC
        case 0x99: 0x2122
        case 0x9A: 0x0161
        case 0x9B: 0x203A
        case 0x9C: 0x0153
        case 0x9F: 0x0178
        default: UInt16(b)
        }
    }
}
