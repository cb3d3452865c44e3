/// Escaping for the XML and HTML the writers emit (HTML, XLSX, DOCX).
public enum XMLEscaping {
    /// `s` as XML character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls
    /// other than tab, newline and carriage return, lone surrogates, U+FFFE/U+FFFF) dropped.
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// `s` as the value of an attribute delimited by `"`: as ``text(_:)`` plus `"` escaped and
    /// tab/newline written as character references so that they survive attribute normalization.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    /// True for a scalar that XML 1.0 allows in a document.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
