/// Where a document's outputs go under the batch's output folder: the source path made safe
/// (no absolute paths, no `..`, no archive separators), then the format's suffix:
/// `reports/a.docx` → `reports/a.docx.json`, `in.zip!/2021/b.docx` → `in.zip/2021/b.docx.json`.
/// Distinct source paths give distinct output paths, and none leaves the output folder.
public enum OutputLayout {
    /// The output path relative to the output folder, without the format suffix.
    public static func relativeStem(for sourcePath: String) -> String {
        let components = sourcePath
            .replacingOccurrences(of: "!/", with: "/")
            .split(whereSeparator: { $0 == "/" || $0 == "\\" })
            .map { component -> String in
                switch component {
                case ".": return "_."
                case "..": return "_.."
                default:
                    // A leading dot would hide the file and clash with the temporary names.
                    var safe = String(component)
                    if safe.hasPrefix(".") || safe.hasPrefix("_.") { safe = "_" + safe }
                    return safe
                }
            }
        return components.isEmpty ? "_" : components.joined(separator: "/")
    }
}
