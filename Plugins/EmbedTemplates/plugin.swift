import Foundation
import PackagePlugin

/// Build-tool plugin: compiles the layout templates (`Layout/Templates/**/*.json` of the target)
/// into one generated Swift file, so that `regrid` carries them in its binary and needs no resource
/// bundle beside it. The JSON files stay the source of truth; the Swift file is rebuilt whenever one
/// of them changes.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = target.directoryURL.appending(path: "Layout/Templates")
        let files = try templateFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) layout templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [root.path(percentEncoded: false), output.path(percentEncoded: false)]
                    + files.map { $0.path(percentEncoded: false) },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    private func templateFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw EmbedError.unreadable(root.path(percentEncoded: false))
        }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "json" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }
}

enum EmbedError: Error, CustomStringConvertible {
    case unreadable(String)
    var description: String {
        switch self {
        case .unreadable(let path): "cannot list the layout templates in \(path)"
        }
    }
}
