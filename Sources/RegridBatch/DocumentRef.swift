import RegridKit

/// One document of a batch: where its bytes are and the source path it is known by.
public struct DocumentRef: Equatable, Sendable {
    /// Where the bytes live.
    public enum Location: Equatable, Sendable {
        /// A file on disk.
        case file(path: String)
        /// An entry of a zip archive of documents, read in place.
        case archiveEntry(archivePath: String, entry: DocumentArchive.Entry)
    }

    /// The catalog key and the shard key: the path as given on the command line (folders
    /// joined with the relative path inside them); inside an archive `archive.zip!/inner/path.docx`.
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
}
