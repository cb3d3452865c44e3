/// What an input is, judged from its first bytes (never from its file name).
public enum InputFormat: Equatable, Sendable {
    /// A zip archive (a DOCX candidate).
    case zip
    /// An OLE2 compound file holding an encrypted OOXML package.
    case encryptedOOXML
    /// An OLE2 compound file holding a Word 97–2003 document.
    case legacyWord
    /// Another OLE2 compound file (legacy Excel, PowerPoint, …).
    case otherOLE2
    /// A PDF: `%PDF-` at the start, or within the first KiB after junk (as PDF readers accept it).
    case pdf
    case rtf
    /// An HTML or XHTML page (also one a browser saved, `<!-- saved from url=… -->`).
    case html
    /// A web page saved as one MIME file (`.mht`, `.mhtml`: `multipart/related`).
    case mhtml
    /// Bytes that are no text in any encoding (random or compressed data with no known signature).
    case binary
    /// Regrid's own canonical JSON (`"format": "regrid.document"`), read back as is.
    case regridJSON
    /// Anything else: read as (flattened) text.
    case text
    case empty

    /// Sniffs the format from the leading bytes (and, for OLE2 files, the stream names).
    public static func detect(_ bytes: [UInt8]) -> InputFormat {
        if bytes.isEmpty { return .empty }
        if DocumentJSONReader.recognizes(bytes) { return .regridJSON }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || bytes.starts(with: [0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if containsUTF16(bytes, "EncryptionInfo") || containsUTF16(bytes, "EncryptedPackage") { return .encryptedOOXML }
            if containsUTF16(bytes, "WordDocument") { return .legacyWord }
            return .otherOLE2
        }
        if bytes.starts(with: Array("%PDF".utf8)) || hasPDFHeader(bytes.prefix(1024)) { return .pdf }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if looksLikeHTML(bytes) { return .html }
        if MHTMLArchive.recognizes(bytes) { return .mhtml }
        if looksBinary(bytes) { return .binary }
        return .text
    }

    /// `%PDF-` and a version digit somewhere in `start` (junk before the header: a mail or HTTP
    /// header left in a download, a BOM).
    private static func hasPDFHeader(_ start: ArraySlice<UInt8>) -> Bool {
        let magic = Array("%PDF-".utf8)
        var i = start.startIndex
        while i + magic.count < start.endIndex {
            if start[i] == magic[0], start[i..<(i + magic.count)].elementsEqual(magic),
               (0x30...0x39).contains(start[i + magic.count]) {
                return true
            }
            i += 1
        }
        return false
    }

    private static func containsUTF16(_ bytes: [UInt8], _ name: String) -> Bool {
        var needle: [UInt8] = []
        for unit in name.utf16 { needle.append(UInt8(unit & 0xff)); needle.append(UInt8(unit >> 8)) }
        guard needle.count <= bytes.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// True when both byte lanes (even and odd offsets) of the first 64 KiB are full of C0 control
    /// bytes and spread over most byte values. Text in a single-byte or multi-byte encoding has
    /// almost no control bytes; UTF-16 without a BOM has one lane confined to the few high bytes of
    /// its scripts (0x00 for Latin, 0x04 for Cyrillic, 0x4E–0x9F for CJK), so neither is binary.
    /// Inputs under 1 KiB are never called binary (too little evidence).
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(64 * 1024)
        guard sample.count >= 1024 else { return false }
        var controls = [0, 0]
        var seen = [[Bool]](repeating: [Bool](repeating: false, count: 256), count: 2)
        for (offset, byte) in sample.enumerated() {
            let lane = offset & 1
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
                controls[lane] += 1
            }
            seen[lane][Int(byte)] = true
        }
        let laneSize = sample.count / 2
        for lane in 0..<2 {
            if controls[lane] * 100 < laneSize * 3 { return false }          // under 3 % control bytes
            if seen[lane].lazy.filter({ $0 }).count < 160 { return false }   // a UTF-16 high-byte lane
        }
        return true
    }

    private static let pageOpeningElements: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "style", "script", "base", "table", "div", "p", "span",
        "h1", "h2", "h3", "h4", "h5", "h6", "center", "font", "br", "form", "section", "article", "main", "header",
    ]

    /// Markup that opens a page, after a BOM, white space, comments (`<!-- saved from url=… -->`)
    /// and an XML declaration: a DOCTYPE html, or the start tag of an element that opens pages
    /// and fragments (`html`, `head`, `body`, `meta`, `title`, `table`, `div`, `p`, `h1`…). UTF-16
    /// pages (with a BOM) are looked at through their decoded start.
    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let start = bytes.prefix(4096)
        let head: String
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            let littleEndian = start.first == 0xFF
            var units: [UInt16] = []
            var i = start.startIndex + 2
            while i + 1 < start.endIndex {
                let a = UInt16(start[i]), b = UInt16(start[i + 1])
                units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            head = String(decoding: units, as: UTF16.self).lowercased()
        } else {
            head = String(decoding: start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start, as: UTF8.self).lowercased()
        }
        var rest = head[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" || $0 == "\u{0C}" }
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return rest.contains("saved from url=") }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<?xml") {
                guard let end = rest.range(of: "?>") else { return false }
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        if rest.hasPrefix("<!doctype html") { return true }
        guard rest.hasPrefix("<") else { return false }
        let name = rest.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard pageOpeningElements.contains(String(name)) else { return false }
        let after = rest.dropFirst(1 + name.count).first
        return after == nil || after == ">" || after == "/" || after?.isWhitespace == true
    }
}
