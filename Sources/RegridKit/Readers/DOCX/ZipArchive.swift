import Foundation
import CLibZip

/// A read-only zip archive held in memory or opened in place from a file, over libzip. The only file of the readers that calls
/// libzip: everything else sees Swift values and ``ZipArchive/Entry`` descriptions.
///
/// Sizes are checked twice: the declared uncompressed size before inflating (bombs are refused
/// without work) and the bytes actually inflated while reading (a lying size field is caught).
final class ZipArchive {
    /// What the central directory says about one entry.
    struct Entry: Equatable {
        var index: Int
        var name: String
        var size: Int
        var compressedSize: Int
        var isEncrypted: Bool
        /// The CRC-32 the directory declares for the inflated bytes (nil when it declares none).
        var crc: UInt32? = nil
        /// True when the entry is compressed with DEFLATE (method 8), the method of nearly every part.
        var isDeflated = false
    }

    /// Deflated entries up to this size (nearly every document part) are inflated whole by
    /// ``WholeEntryInflater``; larger ones are streamed through libzip, so that a huge
    /// `document.xml` is never held inflated.
    static let defaultWholeInflateLimit = 4 << 20

    private let archive: OpaquePointer
    /// The in-memory bytes the archive reads (nil for an archive opened from a file).
    private let storage: UnsafeMutableRawBufferPointer?
    private let limits: ReaderLimits
    private let nameEncoding: ZipNameEncoding
    /// See ``defaultWholeInflateLimit`` (0: every entry streamed through libzip, for tests).
    private let wholeInflateLimit: Int
    private var bytesRead = 0
    /// Entries in central-directory order.
    let entries: [Entry]
    private let byName: [String: Int]
    private let byLowercasedName: [String: Int]

    /// Opens the archive in `bytes` (copied; the archive owns its buffer).
    /// - Parameter nameEncoding: how entry names without the UTF-8 flag are decoded.
    /// - Throws: ``RegridError/corruptArchive(_:)`` for anything libzip cannot open.
    convenience init(bytes: [UInt8], limits: ReaderLimits, nameEncoding: ZipNameEncoding = .automatic,
                     wholeInflateLimit: Int = ZipArchive.defaultWholeInflateLimit) throws(RegridError) {
        guard !bytes.isEmpty else { throw .emptyInput }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
        buffer.copyBytes(from: bytes)
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw .corruptArchive(ZipArchive.message(&error))
        }
        try self.init(source: source, storage: buffer, limits: limits, nameEncoding: nameEncoding,
                      wholeInflateLimit: wholeInflateLimit)
    }

    /// Opens the zip file at `path` in place: only the central directory is read now, and each
    /// entry is inflated from the file when it is read (an archive of any size, bounded memory).
    /// - Throws: ``RegridError/io(_:)`` when the file cannot be opened,
    ///   ``RegridError/corruptArchive(_:)`` when it is not a readable zip.
    convenience init(path: String, limits: ReaderLimits, nameEncoding: ZipNameEncoding = .automatic) throws(RegridError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_file_create(path, 0, -1, &error) else {
            throw .io(ZipArchive.message(&error))
        }
        try self.init(source: source, storage: nil, limits: limits, nameEncoding: nameEncoding,
                      wholeInflateLimit: ZipArchive.defaultWholeInflateLimit)
    }

    /// Opens `source` (taking ownership of it and of `storage`, the buffer it reads, if any).
    private init(source: OpaquePointer, storage: UnsafeMutableRawBufferPointer?, limits: ReaderLimits,
                 nameEncoding: ZipNameEncoding, wholeInflateLimit: Int) throws(RegridError) {
        self.limits = limits
        self.nameEncoding = nameEncoding
        self.wholeInflateLimit = wholeInflateLimit
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let archive = zip_open_from_source(source, Int32(ZIP_RDONLY), &error) else {
            zip_source_free(source)
            storage?.deallocate()
            throw .corruptArchive(ZipArchive.message(&error))
        }
        self.archive = archive
        self.storage = storage

        let count = max(0, Int(zip_get_num_entries(archive, 0)))
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var byName: [String: Int] = [:]
        var byLower: [String: Int] = [:]
        for index in 0..<count {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(archive, zip_uint64_t(index), 0, &st) == 0,
                  let name = ZipArchive.name(of: index, in: archive, encoding: nameEncoding) else { continue }
            let entry = Entry(index: index, name: name,
                              size: Int(clamping: st.size), compressedSize: Int(clamping: st.comp_size),
                              isEncrypted: st.encryption_method != UInt16(ZIP_EM_NONE),
                              crc: st.valid & zip_uint64_t(ZIP_STAT_CRC) != 0 ? st.crc : nil,
                              isDeflated: st.valid & zip_uint64_t(ZIP_STAT_COMP_METHOD) != 0
                                  && st.comp_method == UInt16(ZIP_CM_DEFLATE))
            byName[name] = entries.count
            byLower[name.lowercased()] = entries.count
            entries.append(entry)
        }
        self.entries = entries
        self.byName = byName
        self.byLowercasedName = byLower
    }

    deinit {
        zip_discard(archive)
        storage?.deallocate()
    }

    /// The entry with `name` (OPC part names compare case-insensitively; a leading `/` is ignored).
    func entry(named name: String) -> Entry? {
        let trimmed = name.hasPrefix("/") ? String(name.dropFirst()) : name
        if let i = byName[trimmed] { return entries[i] }
        if let i = byLowercasedName[trimmed.lowercased()] { return entries[i] }
        return nil
    }

    /// Reads a whole entry (for small parts: relationships, styles).
    func read(_ entry: Entry) throws(RegridError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(entry.size, 1 << 24))
        try stream(entry) { chunk in out.append(contentsOf: chunk) }
        return out
    }

    /// Inflates an entry in chunks of up to 64 KiB, handing each to `body`.
    /// - Throws: see ``open(_:)`` and ``EntryStream/read(into:)``; also any error `body` throws.
    func stream(_ entry: Entry, _ body: (UnsafeRawBufferPointer) throws(RegridError) -> Void) throws(RegridError) {
        let input = try open(entry)
        let chunkSize = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = try input.read(into: buffer)
            if n == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Opens an entry for pull-style reading: the caller asks for bytes as it needs them (e.g. an
    /// XML parser), so the inflated part is never held whole.
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` before inflating when the declared size
    ///   or compression ratio is beyond the limits; ``RegridError/encryptedEntry(_:)``;
    ///   ``RegridError/corruptArchive(_:)`` when libzip cannot open the entry.
    func open(_ entry: Entry) throws(RegridError) -> EntryStream {
        if entry.isEncrypted { throw .encryptedEntry(entry.name) }
        try checkDeclaredSize(entry)
        if let inflated = inflateWhole(entry) {
            do throws(RegridError) {
                try account(entry.size)
            } catch {
                inflated.deallocate()
                throw error
            }
            return EntryStream(archive: self, inflated: inflated, entry: entry)
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(entry.index), 0) else {
            let code = zip_error_code_zip(zip_get_error(archive))
            if code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD {
                throw .encryptedEntry(entry.name)
            }
            throw .corruptArchive("cannot open entry \(entry.name): \(String(cString: zip_strerror(archive)))")
        }
        return EntryStream(archive: self, file: file, entry: entry, cap: min(limits.maxEntryBytes, max(entry.size, 0)))
    }

    /// The entry inflated in one call, when it is deflated, small enough, and its data inflates
    /// to exactly the declared size and CRC; nil sends it down libzip's streaming path.
    private func inflateWhole(_ entry: Entry) -> UnsafeMutableRawBufferPointer? {
        // DEFLATE never grows data by more than a few bytes per 16 KB stored block: a larger
        // declared compressed size is a lie, and reading it whole could allocate for nothing.
        guard entry.isDeflated, entry.size > 0, entry.size <= wholeInflateLimit,
              entry.compressedSize > 0, entry.compressedSize <= entry.size + entry.size / 256 + 1024,
              let file = zip_fopen_index(archive, zip_uint64_t(entry.index), zip_flags_t(ZIP_FL_COMPRESSED)) else { return nil }
        defer { zip_fclose(file) }
        let compressed = UnsafeMutableRawBufferPointer.allocate(byteCount: entry.compressedSize, alignment: 8)
        defer { compressed.deallocate() }
        guard let base = compressed.baseAddress else { return nil }
        var filled = 0
        while filled < entry.compressedSize {
            let n = zip_fread(file, base + filled, zip_uint64_t(entry.compressedSize - filled))
            if n <= 0 { return nil }
            filled += Int(n)
        }
        return WholeEntryInflater.inflate(UnsafeRawBufferPointer(compressed), size: entry.size, crc: entry.crc)
    }

    /// Counts inflated bytes against the package limit.
    fileprivate func account(_ count: Int) throws(RegridError) {
        bytesRead += count
        if bytesRead > limits.maxPackageBytes {
            throw .limitExceeded(what: "inflated bytes of the package", limit: limits.maxPackageBytes)
        }
    }

    private func checkDeclaredSize(_ entry: Entry) throws(RegridError) {
        if entry.size > limits.maxEntryBytes {
            throw .limitExceeded(what: "declared size of \(entry.name) (\(entry.size) bytes)", limit: limits.maxEntryBytes)
        }
        if entry.size > (1 << 20), entry.compressedSize > 0,
           entry.size / entry.compressedSize > limits.maxCompressionRatio {
            throw .limitExceeded(what: "compression ratio of \(entry.name) (\(entry.size / entry.compressedSize):1, a zip bomb?)",
                                 limit: limits.maxCompressionRatio)
        }
    }

    /// The name of entry `index` decoded as `encoding` says. libzip gives the stored bytes
    /// (`ZIP_FL_ENC_RAW`) and, with `ZIP_FL_ENC_STRICT`, the bytes unchanged when the entry has
    /// the UTF-8 flag and converted from CP437 when it has not: a non-ASCII name that comes back
    /// unchanged is flagged UTF-8.
    private static func name(of index: Int, in archive: OpaquePointer, encoding: ZipNameEncoding) -> String? {
        guard let raw = zip_get_name(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_RAW)) else { return nil }
        let rawBytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                                 count: strlen(raw)))
        let strict = zip_get_name(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_STRICT)).map { String(cString: $0) }
        let strictString = strict ?? String(decoding: rawBytes, as: UTF8.self)
        let flagged = Array(strictString.utf8) == rawBytes
        return encoding.decode(raw: rawBytes, flaggedUTF8: flagged, cp437: strictString)
    }

    private static func message(_ error: inout zip_error_t) -> String {
        String(cString: zip_error_strerror(&error))
    }
}

/// One zip entry being inflated on demand (see ``ZipArchive/open(_:)``), or already inflated
/// whole and handed out in pieces. Keeps its archive alive.
final class EntryStream {
    private enum Source {
        /// libzip inflates as bytes are asked for.
        case libzip(OpaquePointer)
        /// Inflated whole (``WholeEntryInflater``), size and CRC checked; `offset` bytes handed out.
        case inflated(UnsafeMutableRawBufferPointer, offset: Int)
    }

    private let archive: ZipArchive
    private var source: Source
    /// The entry being read.
    let entry: ZipArchive.Entry
    private let cap: Int
    private var total = 0
    private var finished = false

    fileprivate init(archive: ZipArchive, file: OpaquePointer, entry: ZipArchive.Entry, cap: Int) {
        self.archive = archive
        self.source = .libzip(file)
        self.entry = entry
        self.cap = cap
    }

    fileprivate init(archive: ZipArchive, inflated: UnsafeMutableRawBufferPointer, entry: ZipArchive.Entry) {
        self.archive = archive
        self.source = .inflated(inflated, offset: 0)
        self.entry = entry
        self.cap = inflated.count
    }

    deinit {
        switch source {
        case .libzip(let file): zip_fclose(file)
        case .inflated(let bytes, _): bytes.deallocate()
        }
    }

    /// The whole entry, when it was inflated whole (valid while this stream lives); nil when it
    /// is inflated as it is read.
    var inflatedBytes: UnsafeRawBufferPointer? {
        if case .inflated(let bytes, _) = source { return UnsafeRawBufferPointer(bytes) }
        return nil
    }

    /// Inflates up to `buffer.count` bytes into `buffer`; returns the count, 0 at the end of the entry.
    /// - Throws: ``RegridError/corruptArchive(_:)`` for CRC and inflate errors (the CRC is checked
    ///   when the end is reached); ``RegridError/limitExceeded(what:limit:)`` when more bytes come
    ///   out than the entry declares or the package limit allows.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RegridError) -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let file: OpaquePointer
        switch source {
        case .libzip(let handle):
            file = handle
        case .inflated(let bytes, let offset):
            // Already inflated, checked and counted against the package limit.
            let n = min(buffer.count, bytes.count - offset)
            guard n > 0, let start = bytes.baseAddress else { finished = true; return 0 }
            base.copyMemory(from: start + offset, byteCount: n)
            source = .inflated(bytes, offset: offset + n)
            return n
        }
        let n = zip_fread(file, base, zip_uint64_t(buffer.count))
        if n < 0 {
            finished = true
            throw .corruptArchive("entry \(entry.name) is damaged: \(String(cString: zip_file_strerror(file)))")
        }
        if n == 0 { finished = true; return 0 }
        total += Int(n)
        if total > cap {
            finished = true
            throw .limitExceeded(what: "inflated bytes of \(entry.name) (declared \(entry.size))", limit: cap)
        }
        try archive.account(Int(n))
        return Int(n)
    }
}
