import RegridKit

/// One document of a batch: where its bytes are and the source path it is known by.
public struct DocumentRef: Equatable, Sendable {
    /// Where the bytes live.
    public enum Location: Equatable, Sendable {
        /// A file on disk.
        case file(path: String)
        /// An entry of a zip archive of documents, read in place.
        case archiveEntry(archivePath: String, entry: DocumentArchive.Entry)
        /// An entry of a zip archive of documents that is itself an entry (`container`) of the
        /// zip archive at `archivePath` (one level of nesting).
        case nestedArchiveEntry(archivePath: String, container: DocumentArchive.Entry, entry: DocumentArchive.Entry)
    }

    /// The catalog key, the shard key and the output path: the name of the input given (a
    /// folder's or a file's last path component, however the path was spelled) joined with the
    /// path inside it; inside an archive `archive.zip!/inner/path.docx`. See ``InputEnumerator``.
    public var sourcePath: String
    public var location: Location

    public init(sourcePath: String, location: Location) {
        self.sourcePath = sourcePath
        self.location = location
    }

    /// The file name shown in the document's `source.name` (last path component).
    public var displayName: String {
        let tail = sourcePath.split(whereSeparator: { $0 == "/" || $0 == "\\" || $0 == "!" }).last
        return tail.map(String.init) ?? sourcePath
    }

    /// Where the document is, as a path the user can find: the file's path as found from the
    /// input given, or `ARCHIVE!/ENTRY` (`ARCHIVE!/INNER.zip!/ENTRY`) for an archive entry.
    public var locationPath: String {
        switch location {
        case .file(let path): return path
        case .archiveEntry(let archive, let entry): return archive + "!/" + entry.name
        case .nestedArchiveEntry(let archive, let container, let entry): return archive + "!/" + container.name + "!/" + entry.name
        }
    }
}
