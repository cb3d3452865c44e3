import CLibZip

/// Builds a zip archive in memory over libzip (deflate), for the XLSX and DOCX writers and for
/// tools that generate test documents. The only writer file that calls libzip. Entries carry a
/// fixed timestamp, so the same entries always give byte-identical archives.
public struct ZipWriter: Sendable {
    private var entries: [(name: String, bytes: [UInt8], password: String?)] = []

    public init() {}

    /// 1980-01-01 in MS-DOS date format (day 1 | month 1 << 5 | years since 1980 << 9).
    static let dosEpochDate: UInt16 = 1 | (1 << 5)

    /// Adds (or replaces) an entry. Names use `/` and no leading slash, e.g. `word/document.xml`.
    /// - Parameter password: when given, the entry is AES-256 encrypted with it (for tests of
    ///   readers that must refuse encrypted entries; Regrid's own writers never encrypt).
    public mutating func add(_ name: String, _ bytes: [UInt8], password: String? = nil) {
        entries.removeAll { $0.name == name }
        entries.append((name, bytes, password))
    }

    /// Adds a UTF-8 text entry.
    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// The finished archive.
    /// - Throws: ``RegridError/output(_:)`` when libzip fails.
    public func archive() throws(RegridError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let sink = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw .output("cannot write the zip package: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(sink, Int32(ZIP_TRUNCATE), &error) else {
            zip_source_free(sink)
            throw .output("cannot write the zip package: \(String(cString: zip_error_strerror(&error)))")
        }
        zip_source_keep(sink)
        defer { zip_source_free(sink) }
        var buffers: [UnsafeMutableRawBufferPointer] = []
        defer { buffers.forEach { $0.deallocate() } }
        for entry in entries {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, entry.bytes.count), alignment: 8)
            buffers.append(buffer)
            buffer.copyBytes(from: entry.bytes)
            guard let source = zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(entry.bytes.count), 0) else {
                zip_discard(archive)
                throw .output("cannot write the zip package: cannot add \(entry.name)")
            }
            let index = zip_file_add(archive, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
            if index < 0 {
                zip_source_free(source)
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw .output("cannot write the zip package: cannot add \(entry.name): \(message)")
            }
            zip_set_file_compression(archive, zip_uint64_t(index), Int32(ZIP_CM_DEFLATE), 6)
            // A fixed timestamp (1980-01-01 00:00, the DOS epoch) so the same entries give the same bytes.
            zip_file_set_dostime(archive, zip_uint64_t(index), 0, ZipWriter.dosEpochDate, 0)
            if let password = entry.password,
               zip_file_set_encryption(archive, zip_uint64_t(index), UInt16(ZIP_EM_AES_256), password) != 0 {
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw .output("cannot write the zip package: cannot encrypt \(entry.name): \(message)")
            }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw .output("cannot write the zip package: \(message)")
        }
        guard zip_source_open(sink) == 0 else { throw .output("cannot write the zip package: cannot reopen the archive buffer") }
        defer { zip_source_close(sink) }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_source_stat(sink, &st) == 0 else { throw .output("cannot write the zip package: cannot size the archive buffer") }
        var out = [UInt8](repeating: 0, count: Int(st.size))
        let n = out.withUnsafeMutableBytes { zip_source_read(sink, $0.baseAddress, zip_uint64_t($0.count)) }
        guard n == Int64(st.size) else { throw .output("cannot write the zip package: short read of the archive buffer") }
        return out
    }
}
