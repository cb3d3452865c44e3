/// Where a document's outputs go under the batch's output folder: the source path made safe
/// (no absolute paths, no `..`, no archive separators), then the format's suffix:
/// `reports/a.docx` → `reports/a.docx.json`, `in.zip!/2021/b.docx` → `in.zip/2021/b.docx.json`.
/// Distinct source paths give distinct output paths, and none leaves the output folder: a path
/// component that is `.`, `..`, hidden (`.x`) or starts with `_` gets one more `_` in front.
public enum OutputLayout {
    /// The output path relative to the output folder, without the format suffix.
    public static func relativeStem(for sourcePath: String) -> String {
        let components = sourcePath
            .replacingOccurrences(of: "!/", with: "/")
            .split(whereSeparator: { $0 == "/" || $0 == "\\" })
            .map { component -> String in
                // `.`, `..` and hidden names gain a leading `_`; so do names that start with `_`,
                // which keeps the mapping one-to-one (`.x` → `_.x`, `_.x` → `__.x`).
                component.first == "." || component.first == "_" ? "_" + component : String(component)
            }
        return components.isEmpty ? "_" : components.joined(separator: "/")
    }
}
