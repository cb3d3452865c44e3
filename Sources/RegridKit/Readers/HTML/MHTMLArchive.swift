/// A saved web page in one file (`.mht`/`.mhtml`, RFC 2557: MIME `multipart/related`): the page
/// is its first `text/html` part, decoded from quoted-printable or base64. Images and style sheets
/// in the other parts are not read.
struct MHTMLArchive {
    /// The HTML part's bytes, transfer encoding removed.
    var html: [UInt8]
    /// The part's `charset` parameter, if it has one.
    var charset: String?

    /// True when `bytes` open with MIME headers (before the first blank line) that include
    /// `MIME-Version` or a `Content-Type` of `multipart/related` or `text/html`.
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let first = head.unicodeScalars.first, first.isASCII, first != "<" else { return false }
        let headers = head.components(separatedBy: "\n\n").first ?? head
        let lines = headers.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let opening = lines.first, opening.contains(":") else { return false }
        return lines.contains { $0.hasPrefix("mime-version:") }
            || lines.contains { $0.hasPrefix("content-type:") && ($0.contains("multipart/related") || $0.contains("text/html")) }
    }

    /// Finds the page in the archive.
    /// - Throws: ``RegridError/invalidInput(_:)`` naming what is wrong: no boundary, no HTML
    ///   part, bad base64, parts nested too deep.
    init(bytes: [UInt8]) throws(RegridError) {
        guard let found = try Self.htmlPart(of: MIMEPart(bytes[...]), depth: 0) else {
            throw .invalidInput("an MHTML archive (saved web page) with no text/html part")
        }
        self = found
    }

    private init(html: [UInt8], charset: String?) {
        self.html = html
        self.charset = charset
    }

    private static func htmlPart(of part: MIMEPart, depth: Int) throws(RegridError) -> MHTMLArchive? {
        let type = part.contentType
        if type.value.hasPrefix("multipart/") {
            guard depth < 8 else { throw .invalidInput("an MHTML archive with multipart parts nested more than 8 deep") }
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
                throw .invalidInput("an MHTML archive (saved web page) whose \(type.value) header names no boundary")
            }
            let parts = MIMEPart.split(part.body, boundary: boundary)
            guard !parts.isEmpty else {
                throw .invalidInput("an MHTML archive whose boundary \"\(boundary)\" never occurs (truncated?)")
            }
            for inner in parts {
                if let found = try htmlPart(of: MIMEPart(inner), depth: depth + 1) { return found }
            }
            return nil
        }
        guard type.value == "text/html" || type.value == "application/xhtml+xml" else { return nil }
        return MHTMLArchive(html: try part.decodedBody(), charset: type.parameters["charset"])
    }
}

/// One MIME entity: its header fields (unfolded, names lower-cased) and its raw body.
private struct MIMEPart {
    var headers: [String: String] = [:]
    var body: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        // Headers end at the first empty line (CRLF CRLF or LF LF).
        var i = bytes.startIndex
        var lineStart = i
        var lines: [String] = []
        var end = bytes.endIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                var line = bytes[lineStart..<i]
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty { end = i + 1; break }
                lines.append(String(decoding: line, as: UTF8.self))
                lineStart = i + 1
            }
            i += 1
        }
        if i >= bytes.endIndex { end = bytes.endIndex }
        var unfolded: [String] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += " " + line.trimmingWhitespace()
            } else {
                unfolded.append(line)
            }
        }
        for line in unfolded {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).trimmingWhitespace().lowercased()
            if headers[name] == nil { headers[name] = String(line[line.index(after: colon)...]).trimmingWhitespace() }
        }
        body = bytes[end...]
    }

    /// `Content-Type` value (lower-cased, `text/plain` when absent) and its parameters.
    var contentType: (value: String, parameters: [String: String]) {
        let field = headers["content-type"] ?? "text/plain"
        let pieces = field.split(separator: ";")
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            let key = String(piece[..<eq]).trimmingWhitespace().lowercased()
            var value = String(piece[piece.index(after: eq)...]).trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            parameters[key] = value
        }
        return ((pieces.first.map { String($0).trimmingWhitespace().lowercased() }) ?? "text/plain", parameters)
    }

    /// The body with its `Content-Transfer-Encoding` removed.
    func decodedBody() throws(RegridError) -> [UInt8] {
        switch (headers["content-transfer-encoding"] ?? "").lowercased() {
        case "quoted-printable": return Self.quotedPrintable(body)
        case "base64": return try Self.base64(body)
        default: return Array(body)
        }
    }

    /// The parts between `--boundary` delimiter lines, up to `--boundary--` (or the end).
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var lineStart = body.startIndex
        var i = body.startIndex
        while i <= body.endIndex {
            if i == body.endIndex || body[i] == 0x0A {
                let line = body[lineStart..<i]
                if line.starts(with: delimiter) {
                    if let start = partStart {
                        // The line break before the delimiter belongs to it.
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<end])
                    }
                    let closing = line.dropFirst(delimiter.count).starts(with: [0x2D, 0x2D])
                    if closing { return parts }
                    partStart = min(i + 1, body.endIndex)
                }
                lineStart = i + 1
            }
            i += 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Quoted-printable (RFC 2045): `=XX` bytes, `=` at a line end joins lines; a malformed `=`
    /// is kept as is.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b == 0x3D {
                if i + 1 < body.endIndex, body[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < body.endIndex, body[i + 1] == 0x0D, body[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < body.endIndex, let high = hexValue(body[i + 1]), let low = hexValue(body[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// Base64, whitespace ignored, `=` padding ends the data.
    static func base64(_ body: ArraySlice<UInt8>) throws(RegridError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for (offset, b) in body.enumerated() {
            let value: UInt8
            switch b {
            case 0x41...0x5A: value = b - 0x41
            case 0x61...0x7A: value = b - 0x61 + 26
            case 0x30...0x39: value = b - 0x30 + 52
            case 0x2B: value = 62
            case 0x2F: value = 63
            case 0x3D: return out
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default:
                throw .invalidInput("an MHTML archive whose base64 HTML part has a byte 0x\(String(b, radix: 16)) that is not base64 (at offset \(offset) of the part)")
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
