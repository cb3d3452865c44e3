/// Guesses a BCP 47 language tag for a document from the scripts its text is written in,
/// for the `lang` attribute of HTML output (it picks fonts and line breaking in browsers).
///
/// Han dominating (Han, kana and Hangul characters, each weighing three Latin letters as it
/// carries about a word, at least as many as the Latin letters) gives `zh`,
/// or `ja` when there is kana, or `ko` when Hangul outnumbers Han; mostly Latin letters give `en`
/// (the likeliest, not a certainty); no letters at all give `und` (undetermined).
public enum ContentLanguage {
    /// The tag for a document.
    public static func guess(_ document: Document) -> String {
        var counts = ScriptCounts()
        for block in document.blocks { counts.add(block) }
        return counts.tag
    }

    /// The tag for some texts.
    public static func guess(texts: [String]) -> String {
        var counts = ScriptCounts()
        for text in texts { counts.add(text) }
        return counts.tag
    }

    private struct ScriptCounts {
        var han = 0, kana = 0, hangul = 0, latin = 0

        mutating func add(_ block: Block) {
            switch block {
            case .heading(let h): add(h.text)
            case .paragraph(let p): add(p.text)
            case .table(let t):
                for cell in t.cells {
                    if let blocks = cell.blocks { blocks.forEach { add($0) } } else { add(cell.text) }
                }
            }
        }

        mutating func add(_ text: String) {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: han += 1
                case 0x3040...0x30FF, 0x31F0...0x31FF: kana += 1
                case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                default: break
                }
            }
        }

        var tag: String {
            let cjk = han + kana + hangul
            if cjk > 0 && cjk * 3 >= latin {
                if kana > 0 { return "ja" }
                if hangul > han { return "ko" }
                return "zh"
            }
            return latin > 0 ? "en" : "und"
        }
    }
}
