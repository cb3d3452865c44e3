/// A zip file on disk whose entries are documents (how report collections are shipped), read in
/// place: the central directory is listed when it is opened and each entry is inflated from the
/// file only when it is read, so an archive of any size is processed in bounded memory.
///
/// A `.docx` is itself a zip: ``isOfficePackage`` tells a Word (or other Office Open XML)
/// package, which is one document, from an archive of documents.
///
/// Not thread-safe (libzip handles are not): give each worker its own instance.
public final class DocumentArchive {
    /// One entry that may hold a document.
    public struct Entry: Equatable, Sendable {
        /// Its position in the archive's central directory.
        public var index: Int
        /// The entry's name inside the archive, e.g. `2021/report.docx`.
        public var name: String
        /// Its declared uncompressed size in bytes.
        public var size: Int
    }

    private let zip: ZipArchive

    /// True when the zip is an Office Open XML package (it has `[Content_Types].xml` or
    /// `word/`, `xl/`, `ppt/` parts): a document, not an archive of documents.
    public let isOfficePackage: Bool

    /// Opens the zip file at `path`.
    /// - Parameters:
    ///   - limits: `maxEntryBytes` and `maxCompressionRatio` bound each entry read;
    ///     the package total does not apply (an archive may hold any number of documents).
    ///   - nameEncoding: how entry names without the UTF-8 flag are decoded (GBK names from
    ///     Chinese Windows are found by ``ZipNameEncoding/automatic``).
    /// - Throws: ``RegridError/io(_:)`` or ``RegridError/corruptArchive(_:)``.
    public init(path: String, limits: ReaderLimits = .default, nameEncoding: ZipNameEncoding = .automatic) throws(RegridError) {
        var perEntry = limits
        perEntry.maxPackageBytes = Int.max
        zip = try ZipArchive(path: path, limits: perEntry, nameEncoding: nameEncoding)
        isOfficePackage = DocumentArchive.isOfficePackage(entryNames: zip.entries.map(\.name))
    }

    /// Opens a zip archive held in memory (an archive inside an archive); same limits and name
    /// decoding as ``init(path:limits:nameEncoding:)``.
    /// - Throws: ``RegridError/corruptArchive(_:)`` when `bytes` are not a readable zip.
    public init(bytes: [UInt8], limits: ReaderLimits = .default, nameEncoding: ZipNameEncoding = .automatic) throws(RegridError) {
        var perEntry = limits
        perEntry.maxPackageBytes = Int.max
        zip = try ZipArchive(bytes: bytes, limits: perEntry, nameEncoding: nameEncoding)
        isOfficePackage = DocumentArchive.isOfficePackage(entryNames: zip.entries.map(\.name))
    }

    /// The entries that may be documents, in archive order: folders, hidden files (`.DS_Store`),
    /// everything in hidden folders (`.git/`), as in folders on disk, and macOS resource forks
    /// (`__MACOSX/`) are left out.
    public var documentEntries: [Entry] {
        zip.entries.compactMap { entry in
            DocumentArchive.isDocumentCandidate(entry.name) ? Entry(index: entry.index, name: entry.name, size: entry.size) : nil
        }
    }

    /// The bytes of `entry` (listed by this archive or by another instance opened on the same file).
    /// - Throws: ``RegridError/missingPart(_:)`` when the archive has no such entry (the file
    ///   changed since it was listed); the zip layer's errors for encrypted, damaged or oversized entries.
    public func read(_ entry: Entry) throws(RegridError) -> [UInt8] {
        let entries = zip.entries
        let direct = entries.indices.contains(entry.index) && entries[entry.index].index == entry.index
        let position = direct ? entry.index : entries.firstIndex { $0.index == entry.index }
        guard let position, entries[position].name == entry.name else {
            throw .missingPart("archive entry \(entry.name)")
        }
        return try zip.read(entries[position])
    }

    /// True when entry names look like an Office Open XML package rather than a folder of files.
    public static func isOfficePackage(entryNames: [String]) -> Bool {
        entryNames.contains { name in
            let lower = name.lowercased()
            return lower == "[content_types].xml" || lower.hasPrefix("word/") || lower.hasPrefix("xl/")
                || lower.hasPrefix("ppt/")
        }
    }

    /// False for folders, hidden files, entries in hidden folders and macOS metadata entries.
    /// `.` and `..` components are not hidden names (a hostile `../x.docx` is still listed; the
    /// batch keeps its outputs inside the output folder).
    static func isDocumentCandidate(_ name: String) -> Bool {
        if name.isEmpty || name.hasSuffix("/") || name.hasSuffix("\\") { return false }
        let components = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.first == "__MACOSX" { return false }
        guard !components.isEmpty else { return false }
        return !components.contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }
}
