import Foundation
import CoreFoundation

/// Decodes an HTML page to UTF-8, in the order browsers use: a byte-order mark; the charset of
/// the transport (an MHTML part's `Content-Type`); the page's own `<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml encoding=…?>` in its first
/// 4 KiB; else detection as for flattened text (``TextDecoding``: UTF-16 patterns, UTF-8,
/// GB18030). A declared charset the bytes do not fit (a page saying `utf-8` that holds GBK, a
/// common mislabel) falls back to detection, with a warning.
enum HTMLCharset {
    /// Decodes `bytes`; never fails (undecodable bytes become U+FFFD, with a warning).
    /// - Parameter transport: the charset named outside the page (MIME part header), if any.
    static func decode(_ bytes: [UInt8], transport: String? = nil) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return withoutNUL(TextDecoding.decode(bytes))
        }
        guard let label = (transport.flatMap(normalized) ?? declared(in: bytes)) else {
            return withoutNUL(TextDecoding.decode(bytes))
        }
        var diagnostics = [Diagnostic(.info, "encoding-declared", "the page declares charset \(label)")]
        switch label {
        case "utf-8", "utf8", "us-ascii", "ascii":
            if TextDecoding.firstInvalidUTF8(bytes) == nil {
                return withoutNUL(DecodedText(utf8: bytes, encoding: "utf-8", diagnostics: diagnostics))
            }
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "csgb2312", "hz-gb-2312", "windows-936":
            if TextDecoding.isGB18030(bytes), let text = String(data: Data(bytes), encoding: TextDecoding.gb18030) {
                return withoutNUL(DecodedText(utf8: Array(text.utf8), encoding: "gb18030", diagnostics: diagnostics))
            }
        default:
            let name = CFStringCreateWithCString(nil, label, CFStringBuiltInEncodings.UTF8.rawValue)
            let cf = name.map { CFStringConvertIANACharSetNameToEncoding($0) } ?? kCFStringEncodingInvalidId
            if cf != kCFStringEncodingInvalidId,
               let text = String(data: Data(bytes), encoding: String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(cf))) {
                return withoutNUL(DecodedText(utf8: Array(text.utf8), encoding: label, diagnostics: diagnostics))
            }
        }
        var detected = TextDecoding.decode(bytes)
        diagnostics.append(Diagnostic(.warning, "encoding-mislabeled",
            "the page declares charset \(label) but its bytes are not \(label); read as \(detected.encoding)"))
        detected.diagnostics = diagnostics + detected.diagnostics
        return withoutNUL(detected)
    }

    /// The charset a page declares in its first 4 KiB (`charset=` in a meta element, or an XML
    /// declaration's `encoding=`), lower-cased; nil when none.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for key in ["charset=", "encoding="] {
            var search = head.startIndex..<head.endIndex
            while let found = head.range(of: key, range: search) {
                search = found.upperBound..<head.endIndex
                if key == "encoding=" && !head[..<found.lowerBound].contains("<?xml") { continue }
                let rest = head[found.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                let value = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
                if let label = normalized(String(value)) { return label }
            }
        }
        return nil
    }

    private static func normalized(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t")).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func withoutNUL(_ text: DecodedText) -> DecodedText {
        guard text.utf8.contains(0) else { return text }
        var text = text
        let count = text.utf8.count
        text.utf8.removeAll { $0 == 0 }
        text.diagnostics.append(Diagnostic(.warning, "nul-removed", "\(count - text.utf8.count) NUL byte(s) removed from the page"))
        return text
    }
}
