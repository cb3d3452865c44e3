/// An OLE2 compound file ([MS-CFB]) held in memory: the streams of its root storage, by name.
///
/// Every sector number, chain and size read from the file is checked: a chain that loops, runs
/// past the file or is longer than the stream it carries, a directory tree with a cycle, and a
/// stream beyond ``ReaderLimits/maxEntryBytes`` are errors, never traps or endless loops.
struct CompoundFile {
    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    struct Entry {
        var name: String
        var type: UInt8
        var start: UInt32
        var size: Int
    }

    private let file: ByteReader
    private let sectorSize: Int
    private let miniCutoff: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let limits: ReaderLimits
    /// The streams and storages directly in the root storage.
    let rootEntries: [Entry]

    /// Reads the header, allocation tables and directory of `bytes`.
    /// - Throws: ``RegridError/invalidInput(_:)`` naming what is damaged.
    init(bytes: [UInt8], limits: ReaderLimits) throws(RegridError) {
        let file = ByteReader(bytes)
        self.file = file
        self.limits = limits
        guard bytes.count >= 512, bytes.starts(with: Self.signature) else { throw Self.damaged("no compound-file header") }
        guard let shift = file.u16(0x1E), shift == 9 || shift == 12 else { throw Self.damaged("bad sector size") }
        let sectorSize = 1 << Int(shift)
        self.sectorSize = sectorSize
        miniCutoff = Int(file.u32(0x38) ?? 4096)
        let sectorCount = (bytes.count + sectorSize - 1) / sectorSize   // an upper bound on valid sector numbers

        // The FAT's own sectors: 109 in the header, then the DIFAT chain.
        var fatSectors: [UInt32] = []
        let fatSectorCount = min(Int(file.u32(0x2C) ?? 0), sectorCount)
        for i in 0..<109 {
            guard let s = file.u32(0x4C + 4 * i), Int(s) < sectorCount else { continue }
            fatSectors.append(s)
        }
        var difat = file.u32(0x44) ?? Self.endOfChain
        var difatSeen = Set<UInt32>()
        while Int(difat) < sectorCount, fatSectors.count < fatSectorCount, difatSeen.insert(difat).inserted {
            let base = (Int(difat) + 1) * sectorSize
            let perSector = sectorSize / 4 - 1
            for i in 0..<perSector {
                guard let s = file.u32(base + 4 * i), Int(s) < sectorCount else { continue }
                fatSectors.append(s)
            }
            difat = file.u32(base + 4 * perSector) ?? Self.endOfChain
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(min(fatSectorCount, fatSectors.count) * sectorSize / 4)
        for s in fatSectors.prefix(max(fatSectorCount, 1)) {
            let base = (Int(s) + 1) * sectorSize
            for i in 0..<(sectorSize / 4) { fat.append(file.u32(base + 4 * i) ?? Self.endOfChain) }
        }
        self.fat = fat

        // The directory: 128-byte entries; the root is entry 0.
        let directory = try Self.chain(from: file.u32(0x30) ?? Self.endOfChain, fat: fat, file: file,
                                       sectorSize: sectorSize, maxBytes: limits.maxEntryBytes, what: "directory")
        let dir = ByteReader(directory)
        func entry(_ index: Int) -> (Entry, left: UInt32, right: UInt32, child: UInt32)? {
            let base = index * 128
            guard let nameLength = dir.u16(base + 0x40), let type = dir.u8(base + 0x42) else { return nil }
            var units: [UInt16] = []
            for k in 0..<min(Int(nameLength) / 2, 32) {
                guard let u = dir.u16(base + 2 * k), u != 0 else { break }
                units.append(u)
            }
            let size = sectorSize == 512 ? Int(dir.u32(base + 0x78) ?? 0)
                : Int(dir.u32(base + 0x78) ?? 0) | Int(dir.u32(base + 0x7C) ?? 0) << 32
            return (Entry(name: String(decoding: units, as: UTF16.self), type: type, start: dir.u32(base + 0x74) ?? Self.endOfChain, size: size),
                    dir.u32(base + 0x44) ?? UInt32.max, dir.u32(base + 0x48) ?? UInt32.max, dir.u32(base + 0x4C) ?? UInt32.max)
        }
        guard let root = entry(0), root.0.type == 5 else { throw Self.damaged("no root storage") }
        // The root's children: the red-black tree under its child, walked with a visited set.
        var children: [Entry] = []
        var stack = [root.child]
        var visited = Set<UInt32>()
        let entryCount = directory.count / 128
        while let next = stack.popLast() {
            guard Int(next) < entryCount, visited.insert(next).inserted, let e = entry(Int(next)) else { continue }
            children.append(e.0)
            stack.append(e.left)
            stack.append(e.right)
        }
        rootEntries = children

        let miniTable = ByteReader(try Self.chain(from: file.u32(0x3C) ?? Self.endOfChain, fat: fat, file: file,
                                                  sectorSize: sectorSize, maxBytes: limits.maxEntryBytes,
                                                  what: "mini allocation table"))
        miniFAT = (0..<(miniTable.bytes.count / 4)).map { miniTable.u32(4 * $0) ?? Self.endOfChain }
        var mini = try Self.chain(from: root.0.start, fat: fat, file: file, sectorSize: sectorSize,
                                  maxBytes: limits.maxEntryBytes, what: "mini stream")
        if mini.count > root.0.size { mini.removeLast(mini.count - root.0.size) }
        miniStream = mini
    }

    /// The bytes of the stream `name` in the root storage (names compare without case, as
    /// compound files do); nil when there is none.
    func stream(named name: String) throws(RegridError) -> [UInt8]? {
        guard let entry = rootEntries.first(where: { $0.type == 2 && $0.name.uppercased() == name.uppercased() }) else { return nil }
        guard entry.size <= limits.maxEntryBytes else {
            throw .limitExceeded(what: "stream \(name) of the compound file (\(entry.size) bytes)", limit: limits.maxEntryBytes)
        }
        var bytes: [UInt8]
        if entry.size < miniCutoff {
            bytes = []
            var sector = entry.start
            var steps = 0
            while sector != Self.endOfChain, bytes.count < entry.size {
                steps += 1
                guard Int(sector) < miniFAT.count, steps <= miniFAT.count,
                      let chunk = ByteReader(miniStream).slice(Int(sector) * 64, 64) else {
                    throw Self.damaged("the mini-stream chain of \(name) is broken")
                }
                bytes.append(contentsOf: chunk)
                sector = miniFAT[Int(sector)]
            }
        } else {
            bytes = try Self.chain(from: entry.start, fat: fat, file: file, sectorSize: sectorSize,
                                   maxBytes: entry.size + sectorSize, what: "stream \(name)")
        }
        guard bytes.count >= entry.size else { throw Self.damaged("the stream \(name) is truncated") }
        bytes.removeLast(bytes.count - entry.size)
        return bytes
    }

    /// The bytes of the sector chain starting at `start`, at most `maxBytes` (rounded up to a
    /// sector); a chain that loops, leaves the file or grows past that is an error.
    private static func chain(from start: UInt32, fat: [UInt32], file: ByteReader, sectorSize: Int,
                              maxBytes: Int, what: String) throws(RegridError) -> [UInt8] {
        var out: [UInt8] = []
        var sector = start
        var steps = 0
        while sector != endOfChain {
            steps += 1
            guard Int(sector) < fat.count, steps <= fat.count else { throw damaged("the \(what) chain is broken") }
            guard out.count <= maxBytes else { throw damaged("the \(what) chain is longer than its stream") }
            let offset = (Int(sector) + 1) * sectorSize
            // The last sector of a file may be cut short by producers that do not pad it.
            guard let chunk = file.slice(offset, min(sectorSize, file.count - offset)), !chunk.isEmpty else {
                throw damaged("the \(what) runs past the end of the file (truncated?)")
            }
            out.append(contentsOf: chunk)
            sector = fat[Int(sector)]
        }
        return out
    }

    static func damaged(_ what: String) -> RegridError {
        .invalidInput("a damaged Word 97-2003 file: \(what)")
    }
}
