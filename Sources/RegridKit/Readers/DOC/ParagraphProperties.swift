/// What the reader needs of a paragraph's direct properties (its `PAPX`, [MS-DOC] 2.4.6.1):
/// table membership and depth, cell and row ends, the style and outline level, and, on a row's
/// end mark, the row's cell definitions.
struct ParagraphProperties {
    var style = 0
    var inTable = false
    var rowEnd = false
    var depth: Int?
    var innerCellEnd = false
    var innerRowEnd = false
    var outlineLevel: Int?
    var row: TableRowDefinition?
    /// `sprmTTableHeader`: the row repeats as a header.
    var header = false

    /// Table depth: `sprmPItap`, else 1 for a paragraph marked in a table (Word 97 files have no itap).
    var tableDepth: Int { depth ?? (inTable ? 1 : 0) }
}

/// The paragraph-property index ([MS-DOC] `PlcBtePapx` → `PapxFkp` → `PapxInFkp`): the direct
/// properties of the paragraph ending at each byte offset of the `WordDocument` stream.
struct ParagraphPropertyIndex {
    private struct Run {
        var fcStart: Int
        var fcEnd: Int
        var properties: ParagraphProperties
    }

    private let runs: [Run]

    /// Reads the index at `range` of the table stream; FKP pages come from `document`, huge
    /// property lists from `data` (the `Data` stream).
    init(table: ByteReader, range: (offset: Int, length: Int), document: ByteReader, data: ByteReader?) {
        var runs: [Run] = []
        PropertyPages.forEach(table: table, range: range, document: document, maxRuns: 0x1D) { fkp, count in
            for k in 0..<count {
                guard let start = fkp.u32(4 * k), let end = fkp.u32(4 * (k + 1)),
                      let bOffset = fkp.u8(4 * (count + 1) + 13 * k) else { break }
                var properties = ParagraphProperties()
                if bOffset != 0 {
                    let at = 2 * Int(bOffset)
                    var length = 0, start = at + 1
                    if let cb = fkp.u8(at), cb != 0 {
                        length = 2 * Int(cb) - 1
                    } else if let cb2 = fkp.u8(at + 1) {
                        length = 2 * Int(cb2)
                        start = at + 2
                    }
                    if let grpprl = fkp.slice(start, min(length, 512 - start)), grpprl.count >= 2 {
                        properties = Self.fold(ByteReader(Array(grpprl)), data: data)
                    }
                }
                runs.append(Run(fcStart: Int(start), fcEnd: Int(end), properties: properties))
            }
        }
        self.runs = runs.sorted { $0.fcStart < $1.fcStart }
    }

    /// The properties of the paragraph whose mark sits at byte offset `fc` (defaults when none).
    func properties(at fc: Int) -> ParagraphProperties {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].fcEnd <= fc { low = mid + 1 } else { high = mid }
        }
        guard low < runs.count, runs[low].fcStart <= fc else { return ParagraphProperties() }
        return runs[low].properties
    }

    /// `GrpPrlAndIstd`: the style, then the sprms, folded into properties.
    private static func fold(_ bytes: ByteReader, data: ByteReader?) -> ParagraphProperties {
        var p = ParagraphProperties()
        p.style = Int(bytes.u16(0) ?? 0)
        var prls = Sprm.list(bytes, from: 2)
        // sprmPHugePapx: the real property list is in the Data stream (a PrcData).
        if let huge = prls.first(where: { $0.code == 0x6646 }), let offset = huge.operand.u32(0), let data,
           let size = data.u16(Int(offset)), let list = data.slice(Int(offset) + 2, Int(size)) {
            prls = Sprm.list(ByteReader(Array(list)), from: 0)
        }
        for prl in prls {
            switch prl.code {
            case 0x2416: p.inTable = prl.operand.u8(0).map { $0 != 0 } ?? false
            case 0x2417: p.rowEnd = prl.operand.u8(0).map { $0 != 0 } ?? false
            case 0x6649: p.depth = prl.operand.i32(0).map { max(0, Int($0)) }
            case 0x664A: p.depth = max(0, (p.depth ?? (p.inTable ? 1 : 0)) + Int(prl.operand.i32(0) ?? 0))
            case 0x244B: p.innerCellEnd = prl.operand.u8(0).map { $0 != 0 } ?? false
            case 0x244C: p.innerRowEnd = prl.operand.u8(0).map { $0 != 0 } ?? false
            case 0x2640: p.outlineLevel = prl.operand.u8(0).map(Int.init)
            case 0xD608: p.row = TableRowDefinition(prl.operand)
            case 0xD62B: p.row?.applyVerticalMerge(prl.operand)
            case 0x3404: p.header = prl.operand.u8(0).map { $0 != 0 } ?? false
            default: break
            }
        }
        return p
    }
}

/// One property modifier ([MS-DOC] 2.2.5.1 `Prl`): a 2-byte sprm and its operand.
struct Sprm {
    var code: UInt16
    var operand: ByteReader

    /// The sprms of `bytes` from `start`; a sprm whose operand runs past the end ends the list.
    static func list(_ bytes: ByteReader, from start: Int) -> [Sprm] {
        var out: [Sprm] = []
        var at = start
        while let code = bytes.u16(at) {
            at += 2
            let length: Int
            switch code >> 13 {
            case 0, 1: length = 1
            case 2, 4, 5: length = 2
            case 3: length = 4
            case 7: length = 3
            default:
                // Variable: a 1-byte size, except sprmTDefTable and sprmPChgTabs, whose 2-byte
                // size counts itself minus one ([MS-DOC] 2.2.5.1).
                if code == 0xD608 || code == 0xC615 {
                    guard let cb = bytes.u16(at), cb >= 1 else { return out }
                    at += 2
                    length = Int(cb) - 1
                } else {
                    guard let cb = bytes.u8(at) else { return out }
                    at += 1
                    length = Int(cb)
                }
            }
            guard let operand = bytes.slice(at, length) else { return out }
            out.append(Sprm(code: code, operand: ByteReader(Array(operand))))
            at += length
        }
        return out
    }
}
