/// The formatted-disk pages (FKPs, [MS-DOC] 2.9.186 `PapxFkp`, 2.9.42 `ChpxFkp`) a `PlcBtePapx`
/// or `PlcBteChpx` index of the table stream points to: 512-byte pages of the `WordDocument`
/// stream, each holding up to `maxRuns` runs of byte offsets with their properties.
enum PropertyPages {
    /// Calls `body` with each page (once, however often the index names it) and its run count.
    static func forEach(table: ByteReader, range: (offset: Int, length: Int), document: ByteReader,
                        maxRuns: Int, _ body: (ByteReader, Int) -> Void) {
        let n = range.length >= 4 ? (range.length - 4) / 8 : 0
        var pagesSeen = Set<Int>()
        for j in 0..<n {
            guard let pnRaw = table.u32(range.offset + 4 * (n + 1) + 4 * j) else { break }
            let pn = Int(pnRaw & 0x003F_FFFF)
            guard pagesSeen.insert(pn).inserted, let page = document.slice(pn * 512, 512) else { continue }
            let fkp = ByteReader(Array(page))
            guard let countByte = fkp.u8(511) else { continue }
            body(fkp, min(Int(countByte), maxRuns))
        }
    }
}
