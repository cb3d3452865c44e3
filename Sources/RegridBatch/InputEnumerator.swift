import Foundation
import RegridKit

/// Lists the documents of a batch's inputs (files, folders recursively, zip archives of
/// documents) as ``DocumentRef``s, without reading any document's bytes beyond the four-byte
/// zip signature and an archive's central directory.
public struct InputEnumerator {
    /// Folders never entered and files never listed (the batch's own output folder).
    public var excludedDirectory: String?
    /// Only documents in this share are listed.
    public var shard: Shard
    public var limits: ReaderLimits

    public init(excludedDirectory: String? = nil, shard: Shard = .all, limits: ReaderLimits = .default) {
        self.excludedDirectory = excludedDirectory.map(InputEnumerator.absolute)
        self.shard = shard
        self.limits = limits
    }

    /// The documents of `inputs`, in the order given, each folder sorted by path, each archive
    /// in its own order; a document named twice is listed once.
    /// - Throws: ``RegridError/io(_:)`` naming the first input that does not exist or cannot be read.
    public func documents(in inputs: [String]) throws(RegridError) -> [DocumentRef] {
        var seen = Set<String>()
        var refs: [DocumentRef] = []
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
            if isDirectory.boolValue {
                for relative in try filesInFolder(input) {
                    let path = input == "." ? relative : input == "/" ? "/" + relative : input + "/" + relative
                    add(file: path, to: &refs, seen: &seen)
                }
            } else {
                add(file: input, to: &refs, seen: &seen)
            }
        }
        return refs
    }

    private func add(file path: String, to refs: inout [DocumentRef], seen: inout Set<String>) {
        if let excluded = excludedDirectory, InputEnumerator.absolute(path).hasPrefix(excluded + "/") { return }
        if InputEnumerator.startsWithZipSignature(path),
           let archive = try? DocumentArchive(path: path, limits: limits), !archive.isOfficePackage {
            for entry in archive.documentEntries {
                let source = path + "!/" + entry.name
                guard shard.contains(source), seen.insert(source).inserted else { continue }
                refs.append(DocumentRef(sourcePath: source, location: .archiveEntry(archivePath: path, entry: entry)))
            }
            return
        }
        // Not an archive of documents: one document (a corrupt zip fails when it is converted).
        guard shard.contains(path), seen.insert(path).inserted else { return }
        refs.append(DocumentRef(sourcePath: path, location: .file(path: path)))
    }

    /// Regular files under `folder` (relative paths, sorted), skipping hidden files and folders.
    private func filesInFolder(_ folder: String) throws(RegridError) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw .io("\(folder): cannot list the folder")
        }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            let name = (next as NSString).lastPathComponent
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            if name.hasPrefix(".") {
                if type == .typeDirectory { walker.skipDescendants() }
                continue
            }
            if type == .typeDirectory {
                if let excluded = excludedDirectory, InputEnumerator.absolute(folder + "/" + next) == excluded {
                    walker.skipDescendants()
                }
                continue
            }
            if type == .typeRegular { files.append(next) }
            if type == .typeSymbolicLink {
                var targetIsDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &targetIsDirectory)
                if exists && !targetIsDirectory.boolValue { files.append(next) }
            }
        }
        return files.sorted()
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

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let text = url.path
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
