import Foundation

/// Locates `../shared` (the read-only corpus and specs beside the repository). Tests that need it
/// call ``SharedCorpus/directory(_:)`` and are skipped, saying so, where it is absent.
enum SharedCorpus {
    /// The repository root (the folder holding Package.swift).
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `$REGRID_SHARED` or `../shared` relative to the repository root, if it exists.
    static let root: URL? = {
        if let env = ProcessInfo.processInfo.environment["REGRID_SHARED"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static var isAvailable: Bool { root != nil }

    /// A folder under shared/, e.g. `corpus/docx`.
    static func directory(_ relative: String) -> URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Files in a shared folder with the given extension, sorted by name.
    static func files(in relative: String, ext: String) -> [URL] {
        guard let dir = directory(relative),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Rows of a TSV file in shared/ (header row dropped).
    static func tsv(_ relative: String) -> [[String]] {
        guard let root, let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
