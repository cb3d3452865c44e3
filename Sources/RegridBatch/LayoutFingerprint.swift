import RegridKit

/// Every field of the layout templates written out as text for the batch's options hash: strings
/// length-prefixed, absent values marked, arrays counted, so that no two different template sets
/// give the same text. Written by hand, field by field (`JSONEncoder` cost ~50 M instructions per
/// process for the same); `OptionsHashTests` fails when a field is added to ``LayoutTemplate`` or
/// ``TemplateCell`` and changes each one to check that the hash follows.
enum LayoutFingerprint {
    /// The fingerprint text of `templates`, in order.
    static func of(_ templates: [LayoutTemplate]) -> String {
        var out = "templates \(templates.count)\n"
        for t in templates {
            for text in [t.id, t.family, t.version, t.table] { append(text, to: &out) }
            append(t.title, to: &out)
            append(t.source, to: &out)
            out += "\(t.rows) \(t.columns) \(t.headerRows) \(t.headerColumns)"
            append(t.normalization?.map(\.rawValue), to: &out)
            append(t.markers, to: &out)
            out += " cells \(t.cells.count)\n"
            for c in t.cells {
                out += "\(c.row) \(c.column) \(c.rowSpan) \(c.colSpan)"
                append(c.label, to: &out)
                append(c.variants, to: &out)
                out += c.anyText.map { $0 ? " T" : " F" } ?? " -"
                if let figure = c.figure {
                    append(figure.row, to: &out)
                    append(figure.column, to: &out)
                } else {
                    out += " -"
                }
                out += "\n"
            }
        }
        return out
    }

    private static func append(_ text: String?, to out: inout String) {
        guard let text else { out += " -"; return }
        out += " \(text.utf8.count):"
        out += text
    }

    private static func append(_ texts: [String]?, to out: inout String) {
        guard let texts else { out += " -"; return }
        out += " [\(texts.count)"
        for text in texts { append(text, to: &out) }
        out += "]"
    }
}
