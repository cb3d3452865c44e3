/// A table row's cell definitions from its row-end mark (`sprmTDefTable`, [MS-DOC] 2.9.315
/// `TDefTableOperand`): the cells' boundaries in twips and their merge flags (`TC80`/`TCGRF`).
struct TableRowDefinition {
    struct Cell {
        /// `TCGRF` bits 0–1: 1 first of a legacy horizontal merge, 2 a continuation (POI's
        /// fFirstMerged/fMerged); bits 5–6: vertical merge (0x20 continue, 0x60 restart).
        var flags: UInt16
        var hMerge: MergeMark { flags & 0x0001 != 0 ? .restart : flags & 0x0002 != 0 ? .continue : .none }
        var vMerge: MergeMark {
            switch flags & 0x0060 {
            case 0x0060: .restart
            case 0x0020: .continue
            default: .none
            }
        }
    }

    /// Cell boundaries, `cells.count + 1` of them, non-decreasing after clean-up.
    var boundaries: [Int]
    var cells: [Cell]
    var isHeader = false

    /// Parses the operand after its 2-byte size; nil when it holds no cell.
    init?(_ operand: ByteReader) {
        guard let count = operand.u8(0), count >= 1, count <= 63 else { return nil }
        let n = Int(count)
        var boundaries: [Int] = []
        for i in 0...n {
            guard let x = operand.i16(1 + 2 * i) else { return nil }
            boundaries.append(max(Int(x), boundaries.last ?? Int(Int16.min)))
        }
        let tcStart = 1 + 2 * (n + 1)
        // Fewer TC80s than cells is legal: the rest have no flags.
        cells = (0..<n).map { Cell(flags: operand.u16(tcStart + 20 * $0) ?? 0) }
        self.boundaries = boundaries
    }

    /// `sprmTVertMerge` (`VertMergeOperand`: cell index, flags): sets one cell's vertical merge.
    mutating func applyVerticalMerge(_ operand: ByteReader) {
        guard let index = operand.u8(0), Int(index) < cells.count, let value = operand.u8(1) else { return }
        let bits: UInt16 = value == 3 ? 0x0060 : value == 1 ? 0x0020 : 0
        cells[Int(index)].flags = cells[Int(index)].flags & ~0x0060 | bits
    }
}
