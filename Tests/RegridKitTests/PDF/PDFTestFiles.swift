import Foundation

/// Small PDFs written by hand (standard Helvetica, no embedded font), with a correct
/// cross-reference table, for the PDF reader's edge and hostile cases.
enum PDFTestFiles {
    /// A PDF of `pages` pages, each drawing `content(page)` (a content stream).
    static func pdf(pages: Int, trailerExtra: String = "", content: (Int) -> String) -> [UInt8] {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ") + "] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        for page in 0..<pages {
            let stream = content(page)
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * page) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// Lines of text, one `(text) Tj` per line, 14 points apart from the top.
    static func textPage(_ lines: [String], size: Int = 10) -> String {
        var stream = "BT /F1 \(size) Tf\n"
        for (index, line) in lines.enumerated() {
            stream += "1 0 0 1 72 \(800 - 14 * index) Tm (\(line)) Tj\n"
        }
        return stream + "ET"
    }

    /// A PDF whose trailer declares standard security with a user password poppler cannot
    /// guess: it refuses to open it as encrypted.
    static let encrypted: [UInt8] = pdf(pages: 1, trailerExtra: "/Encrypt 99 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]") { _ in
        textPage(["secret"])
    }.withEncryptObject()
}

private extension Array where Element == UInt8 {
    /// The document with object 99 (the encryption dictionary) appended as an update section.
    func withEncryptObject() -> [UInt8] {
        let hex32 = String(repeating: "ab", count: 32)
        var out = self
        let offset = out.count
        out += Array("99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <\(hex32)> /U <\(hex32)> /P -4 >>\nendobj\n".utf8)
        let text = String(decoding: self, as: UTF8.self)
        let previous = text.range(of: "startxref\n", options: .backwards).map { text[$0.upperBound...].prefix { $0.isNumber } } ?? "0"
        let xref = out.count
        out += Array("xref\n99 1\n\(String(format: "%010d", offset)) 00000 n \n".utf8)
        out += Array("trailer\n<< /Size 100 /Root 1 0 R /Prev \(previous) /Encrypt 99 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
