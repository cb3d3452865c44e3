import Foundation
import RegridKit

/// Lists the documents of a batch's inputs (files, folders recursively, zip archives of
/// documents, and zip archives inside those) as ``DocumentRef``s, without reading any
/// document's bytes beyond the four-byte zip signature and an archive's central directory (an
/// inner archive, named `.zip`, is inflated to list it).
///
/// Source paths (the catalog and output keys) start at the input as given: its last path
/// component, then the path inside it. `arch`, `./arch/`, `$PWD/arch` and `../here/arch` all give
/// `arch/2021/a.docx`; a file input `/data/a.docx` gives `a.docx`. Two different documents that
/// would get the same source path (`a/reports` and `b/reports` given together) are refused.
///
/// Folders are walked through symbolic links (to files and to folders), each real folder once:
/// a link back up, or a second link to a folder already walked, is not followed. Hidden files
/// and folders are left out, in folders as inside archives.
public struct InputEnumerator {
    /// Folders never entered and files never listed (the batch's own output folder).
    public var excludedDirectory: String? {
        didSet { excludedCanonical = excludedDirectory.map(InputEnumerator.canonical) }
    }
    /// The excluded folder with its links resolved.
    private var excludedCanonical: String?
    /// Only documents in this share are listed.
    public var shard: Shard
    public var limits: ReaderLimits
    /// How names inside zip archives are decoded when not marked as UTF-8.
    public var zipNameEncoding: ZipNameEncoding

    public init(excludedDirectory: String? = nil, shard: Shard = .all, limits: ReaderLimits = .default,
                zipNameEncoding: ZipNameEncoding = .automatic) {
        self.excludedDirectory = excludedDirectory.map(InputEnumerator.absolute)
        self.excludedCanonical = excludedDirectory.map(InputEnumerator.canonical)
        self.shard = shard
        self.limits = limits
        self.zipNameEncoding = zipNameEncoding
    }

    /// The documents of `inputs`, in the order given, each folder sorted by path, each archive
    /// in its own order; a document named twice (under any spelling, or as a file and inside a
    /// folder given too) is listed once, under the source path it got first.
    /// - Throws: ``RegridError/io(_:)`` naming the first input that does not exist or cannot be
    ///   read; ``RegridError/invalidInput(_:)`` when the inputs hold no document at all (before
    ///   the shard is taken) or two different documents would get one source path.
    public func documents(in inputs: [String]) throws(RegridError) -> [DocumentRef] {
        var listing = Listing()
        let fileManager = FileManager.default
        for raw in inputs {
            let input = InputEnumerator.normalize(raw)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .io("\(raw) (no such file or folder)")
            }
            guard fileManager.isReadableFile(atPath: input) else {
                throw .io("\(raw) (permission denied)")
            }
            let root = InputEnumerator.rootName(of: input)
            if isDirectory.boolValue {
                for (relative, real) in try filesInFolder(input, listing: &listing) {
                    let path = input == "." ? relative : input == "/" ? "/" + relative : input + "/" + relative
                    try add(file: path, real: real, key: root.isEmpty ? relative : root + "/" + relative, to: &listing)
                }
            } else {
                let parent = InputEnumerator.canonical((InputEnumerator.absolute(input) as NSString).deletingLastPathComponent)
                try add(file: input, real: parent + "/" + root, key: root, to: &listing)
            }
        }
        guard listing.found > 0 else {
            throw .invalidInput("\(inputs.joined(separator: ", ")): no documents found (hidden files and folders are left out)")
        }
        return listing.refs
    }

    /// The documents listed so far, and which document each source path stands for.
    private struct Listing {
        var refs: [DocumentRef] = []
        /// Source path → where the document really is (absolute path, `!/` entry names).
        var owners: [String: String] = [:]
        /// Where the documents listed really are.
        var identities = Set<String>()
        /// The folders walked, symbolic links resolved: each is walked once, so that links cannot
        /// make a cycle or list one folder many times (a chain of doubled links would be exponential).
        var folders = Set<String>()
        /// Documents found, in every shard.
        var found = 0

        /// Adds `ref` unless its document is already listed.
        /// - Throws: ``RegridError/invalidInput(_:)`` when another document has its source path.
        mutating func add(_ ref: DocumentRef, identity: String, shard: Shard) throws(RegridError) {
            if let owner = owners[ref.sourcePath] {
                if owner == identity { return }
                throw .invalidInput("""
                    \(owner) and \(identity) would both be known as \(ref.sourcePath) (outputs and catalog rows \
                    are named after the input given, from its last path component on): give their common folder instead
                    """)
            }
            // The same document reached again through another input (a folder and a file in it).
            guard identities.insert(identity).inserted else { return }
            owners[ref.sourcePath] = identity
            found += 1
            if shard.contains(ref.sourcePath) { refs.append(ref) }
        }
    }

    /// Lists the file at `path` (really at `real`, links resolved) as one document or, for an
    /// archive of documents, as its entries.
    private func add(file path: String, real: String, key: String, to listing: inout Listing) throws(RegridError) {
        if let excluded = excludedDirectory, InputEnumerator.absolute(path).hasPrefix(excluded + "/") { return }
        guard InputEnumerator.startsWithZipSignature(path),
              let archive = try? DocumentArchive(path: path, limits: limits, nameEncoding: zipNameEncoding),
              !archive.isOfficePackage else {
            // Not an archive of documents: one document (a corrupt zip fails when it is converted).
            try listing.add(DocumentRef(sourcePath: key, location: .file(path: path)), identity: real, shard: shard)
            return
        }
        for entry in archive.documentEntries {
            let source = key + "!/" + entry.name
            if let inner = innerArchive(entry, of: archive) {
                for innerEntry in inner.documentEntries {
                    let ref = DocumentRef(sourcePath: source + "!/" + innerEntry.name,
                                          location: .nestedArchiveEntry(archivePath: path, container: entry, entry: innerEntry))
                    try listing.add(ref, identity: real + "!/" + entry.name + "!/" + innerEntry.name, shard: shard)
                }
                continue
            }
            let ref = DocumentRef(sourcePath: source, location: .archiveEntry(archivePath: path, entry: entry))
            try listing.add(ref, identity: real + "!/" + entry.name, shard: shard)
        }
    }

    /// The archive of documents in `entry`, when it is named `.zip` and is one (not a damaged
    /// zip, nor an Office package under a `.zip` name: those are converted, and fail, as documents).
    private func innerArchive(_ entry: DocumentArchive.Entry, of archive: DocumentArchive) -> DocumentArchive? {
        guard entry.name.lowercased().hasSuffix(".zip"), let bytes = try? archive.read(entry),
              let inner = try? DocumentArchive(bytes: bytes, limits: limits, nameEncoding: zipNameEncoding),
              !inner.isOfficePackage else { return nil }
        return inner
    }

    /// Files under `folder` (paths relative to it, sorted, with where each really is), through
    /// symbolic links, skipping hidden files and folders, the excluded folder and folders
    /// already walked (in this or an earlier input).
    private func filesInFolder(_ folder: String, listing: inout Listing) throws(RegridError) -> [(relative: String, real: String)] {
        var files: [(relative: String, real: String)] = []
        let target = InputEnumerator.canonical(folder)
        guard listing.folders.insert(target).inserted else { return [] }
        try walk(real: target, relative: "", folders: &listing.folders, into: &files)
        return files.sorted { $0.relative < $1.relative }
    }

    /// Walks the folder whose links are all resolved, `real` (so that every path touched has at
    /// most its last component to resolve: deep chains of links cost no more than plain folders).
    private func walk(real: String, relative: String, folders: inout Set<String>,
                      into files: inout [(relative: String, real: String)]) throws(RegridError) {
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: real)
        } catch {
            throw .io("\(relative.isEmpty ? real : relative): cannot list the folder (\(error.localizedDescription))")
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = real == "/" ? "/" + name : real + "/" + name
            let inside = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            // Follows symbolic links; a dangling link is not there.
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                files.append((inside, path))
                continue
            }
            let target = InputEnumerator.canonical(path)
            if let excluded = excludedDirectory, target == excluded || target == excludedCanonical { continue }
            // A folder already walked (a link back up, or a second link to it) is not entered again.
            guard folders.insert(target).inserted else { continue }
            try walk(real: target, relative: inside, folders: &folders, into: &files)
        }
    }

    /// True when the file starts with `PK\x03\x04` or the empty-archive signature.
    static func startsWithZipSignature(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06]
    }

    /// The path as given, minus `./` components, doubled and trailing slashes.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The input's name, where its source paths start: the last component of its absolute
    /// path with `.` and `..` resolved (symbolic links are names too, and are kept); empty for `/`.
    static func rootName(of input: String) -> String {
        let last = (absolute(input) as NSString).lastPathComponent
        return last == "/" ? "" : last
    }

    /// The absolute path, `.` and `..` resolved lexically, without a trailing slash.
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let text = url.path
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// The absolute path with every symbolic link resolved (a folder's identity for cycle checks).
    static func canonical(_ path: String) -> String {
        absolute(URL(fileURLWithPath: absolute(path)).resolvingSymlinksInPath().path)
    }
}
