import Foundation

/// Loads layout templates: the built-in ones bundled with RegridKit, or a user's file.
public enum LayoutLibrary {
    /// The built-in templates (`Layout/Templates/**.json`, compiled into the library by the
    /// EmbedTemplates build plugin, so no resource bundle is needed at run time), sorted by id.
    /// - Throws: ``RegridError/layout(_:)`` when a built-in file is unusable (a packaging defect).
    public static func builtIn() throws(RegridError) -> [LayoutTemplate] {
        var templates: [LayoutTemplate] = []
        for file in embeddedFiles {
            try templates.append(contentsOf: LayoutTemplate.decode(Array(file.json.utf8), origin: file.path))
        }
        guard !templates.isEmpty else { throw .layout("the built-in layouts are missing from this build of Regrid") }
        try checkUniqueIDs(templates)
        return templates.sorted { $0.id < $1.id }
    }

    /// Every `*.json` template under `directory` (recursively), sorted by id.
    /// - Throws: ``RegridError/layout(_:)`` naming the first unusable file.
    public static func load(directory: URL) throws(RegridError) -> [LayoutTemplate] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw .layout("cannot list \(directory.path)")
        }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "json" { files.append(url) }
        guard !files.isEmpty else { throw .layout("no layout files in \(directory.path)") }
        var templates: [LayoutTemplate] = []
        for url in files.sorted(by: { $0.path < $1.path }) {
            let relative = url.path.hasPrefix(directory.path) ? String(url.path.dropFirst(directory.path.count + 1)) : url.lastPathComponent
            try templates.append(contentsOf: load(file: url, origin: relative))
        }
        try checkUniqueIDs(templates)
        return templates.sorted { $0.id < $1.id }
    }

    /// The template(s) in one JSON file (an object, or an array of objects).
    /// - Throws: ``RegridError/layout(_:)``.
    public static func load(file: URL, origin: String? = nil) throws(RegridError) -> [LayoutTemplate] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .layout("\(origin ?? file.path): cannot read the file")
        }
        return try LayoutTemplate.decode(Array(data), origin: origin ?? file.lastPathComponent)
    }

    private static func checkUniqueIDs(_ templates: [LayoutTemplate]) throws(RegridError) {
        var seen = Set<String>()
        for t in templates where !seen.insert(t.id).inserted {
            throw .layout("two layouts have the id \(t.id)")
        }
    }
}
