import RegridKit

/// Every field of the layout templates written out as text for the batch's options hash: strings
/// length-prefixed, absent values marked, arrays counted, so that no two different template sets
/// give the same text. Written by hand, field by field, straight into UTF-8 bytes (`JSONEncoder`
/// cost ~50 M instructions per process for the same, building a `String` piece by piece ~10 M);
/// `OptionsHashTests` fails when a field is added to ``LayoutTemplate`` or ``TemplateCell`` and
/// changes each one to check that the hash follows.
enum LayoutFingerprint {
    /// The fingerprint text of `templates`, in order, as UTF-8.
    static func of(_ templates: [LayoutTemplate]) -> [UInt8] {
        var out = Text()
        out.raw("templates "); out.int(templates.count); out.raw("\n")
        for t in templates {
            for text in [t.id, t.family, t.version, t.table] { out.string(text) }
            out.string(t.title)
            out.string(t.source)
            out.int(t.rows); out.raw(" "); out.int(t.columns); out.raw(" ")
            out.int(t.headerRows); out.raw(" "); out.int(t.headerColumns)
            out.strings(t.normalization?.map(\.rawValue))
            out.strings(t.markers)
            out.raw(" cells "); out.int(t.cells.count); out.raw("\n")
            for c in t.cells {
                out.int(c.row); out.raw(" "); out.int(c.column); out.raw(" ")
                out.int(c.rowSpan); out.raw(" "); out.int(c.colSpan)
                out.string(c.label)
                out.strings(c.variants)
                out.raw(c.anyText.map { $0 ? " T" : " F" } ?? " -")
                if let figure = c.figure {
                    out.strings(figure.row)
                    out.strings(figure.column)
                } else {
                    out.raw(" -")
                }
                out.raw("\n")
            }
        }
        return out.bytes
    }

    private struct Text {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1 << 17) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// `n` in decimal, as `"\(n)"` writes it.
        mutating func int(_ n: Int) {
            if n < 0 { bytes.append(UInt8(ascii: "-")) }
            var digits: [UInt8] = []
            var rest = n.magnitude
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: digits.reversed())
        }

        /// " COUNT:TEXT" (COUNT its UTF-8 bytes), or " -" when absent.
        mutating func string(_ text: String?) {
            guard let text else { raw(" -"); return }
            raw(" ")
            int(text.utf8.count)
            raw(":")
            bytes.append(contentsOf: text.utf8)
        }

        /// " [COUNT" each string "]", or " -" when absent.
        mutating func strings(_ texts: [String]?) {
            guard let texts else { raw(" -"); return }
            raw(" [")
            int(texts.count)
            for text in texts { string(text) }
            raw("]")
        }
    }
}
