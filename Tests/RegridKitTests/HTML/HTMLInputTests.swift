import Foundation
import CoreFoundation
import Testing
import RegridKit

/// What is read as HTML (sniffing), in which encoding, and MHTML archives.
@Suite struct HTMLInputTests {
    static let table = "<table><tr><td>项目</td><td>数量</td></tr><tr><td>一、本年新收</td><td>125</td></tr></table>"

    @Test(arguments: [
        "<!-- saved from url=(0045)http://www.gov.cn/zhengce/2021-01/report.htm -->\n<html><body>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>",
        "\u{FEFF}<!-- comment -->\r\n<HTML><BODY>",
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>",
        "<meta charset=utf-8><body>",
    ])
    func pagesAreSniffedAsHTML(_ opening: String) throws {
        let bytes = Array((opening + Self.table).utf8)
        #expect(InputFormat.detect(bytes) == .html)
        let doc = try Regrid.read(bytes: bytes, name: "report.htm")
        #expect(doc.tables.first?.cells.map(\.text) == ["项目", "数量", "一、本年新收", "125"])
    }

    @Test func textThatMentionsHTMLStaysText() {
        #expect(InputFormat.detect(Array("一、总体情况\n<html> 是一种标记语言\n".utf8)) == .text)
        #expect(InputFormat.detect(Array("<!-- not closed and not a page".utf8)) == .text)
    }

    @Test func gbkPageDeclaredInMeta() throws {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>" + Self.table
        let bytes = try #require(gb18030(page))
        let doc = try Regrid.read(bytes: bytes, name: "gbk.htm")
        #expect(doc.source.encoding == "gb18030")
        #expect(doc.tables.first?.cells.map(\.text) == ["项目", "数量", "一、本年新收", "125"])
    }

    @Test func undeclaredGBKIsDetected() throws {
        let bytes = try #require(gb18030("<html><body>" + Self.table))
        let doc = try Regrid.read(bytes: bytes, name: "gbk.htm")
        #expect(doc.source.encoding == "gb18030")
        #expect(doc.tables.first?.cells[2].text == "一、本年新收")
    }

    @Test func pageMislabeledUTF8ButGBK() throws {
        let bytes = try #require(gb18030("<html><head><meta charset=\"utf-8\"></head><body>" + Self.table))
        let doc = try Regrid.read(bytes: bytes, name: "gbk.htm")
        #expect(doc.source.encoding == "gb18030")
        #expect(doc.diagnostics.contains { $0.code == "encoding-mislabeled" })
        #expect(doc.tables.first?.cells[0].text == "项目")
    }

    @Test func utf16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in ("<html><body>" + Self.table).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(InputFormat.detect(bytes) == .html)
        let doc = try Regrid.read(bytes: bytes, name: "utf16.htm")
        #expect(doc.source.encoding == "utf-16le")
        #expect(doc.tables.first?.cells[3].text == "125")
    }

    @Test func windows1252DeclaredPage() throws {
        let bytes = Array("<html><head><meta charset=windows-1252></head><body><table><tr><td>caf".utf8) + [0xE9] + Array("</td><td>x</td></tr></table>".utf8)
        let doc = try Regrid.read(bytes: bytes, name: "latin.htm")
        #expect(doc.tables.first?.cells[0].text == "café")
    }

    static func mhtml(_ html: String, encoding: String, charset: String = "utf-8") -> [UInt8] {
        let body: String
        switch encoding {
        case "base64":
            let encoded = Data(html.utf8).base64EncodedString()
            body = stride(from: 0, to: encoded.count, by: 76).map { start in
                let a = encoded.index(encoded.startIndex, offsetBy: start)
                return String(encoded[a..<(encoded.index(a, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
            }.joined(separator: "\r\n")
        default:
            // quoted-printable: every non-ASCII byte and '=' escaped, soft breaks every 60 bytes.
            var out = "", lineLength = 0
            for byte in Array(html.utf8) {
                let piece = (byte >= 0x80 || byte == 0x3D) ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
                if lineLength + piece.count > 60 { out += "=\r\n"; lineLength = 0 }
                out += piece; lineLength += piece.count
            }
            body = out
        }
        return Array("""
            From: <Saved by Blink>\r
            Snapshot-Content-Location: http://www.gov.cn/report.html\r
            Subject: report\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \ttype="text/html";\r
            \tboundary="----MultipartBoundary--abc----"\r
            \r
            \r
            ------MultipartBoundary--abc----\r
            Content-Type: text/html; charset=\(charset)\r
            Content-Transfer-Encoding: \(encoding)\r
            Content-Location: http://www.gov.cn/report.html\r
            \r
            \(body)\r
            \r
            ------MultipartBoundary--abc----\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            \r
            iVBORw0KGgo=\r
            ------MultipartBoundary--abc------\r

            """.utf8)
    }

    @Test(arguments: ["quoted-printable", "base64"])
    func mhtmlArchivesAreRead(_ encoding: String) throws {
        let bytes = Self.mhtml("<html><body><h1>报告</h1>" + Self.table + "</body></html>", encoding: encoding)
        #expect(InputFormat.detect(bytes) == .mhtml)
        let doc = try Regrid.read(bytes: bytes, name: "report.mht")
        #expect(doc.source.kind == .html)
        #expect(doc.tables.first?.cells.map(\.text) == ["项目", "数量", "一、本年新收", "125"])
        #expect(doc.diagnostics.contains { $0.code == "mhtml" })
    }

    @Test func brokenMIMEIsAClearError() throws {
        let noBoundary = Array("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>".utf8)
        #expect(throws: RegridError.invalidInput("an MHTML archive (saved web page) whose multipart/related header names no boundary")) {
            try Regrid.read(bytes: noBoundary, name: "x.mht")
        }
        let noHTML = Array("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n".utf8)
        #expect(throws: RegridError.invalidInput("an MHTML archive (saved web page) with no text/html part")) {
            try Regrid.read(bytes: noHTML, name: "x.mht")
        }
        var badBase64 = Self.mhtml("<html><body>x</body></html>", encoding: "base64")
        if let at = badBase64.firstIndex(of: UInt8(ascii: "P")) { badBase64[at] = UInt8(ascii: "!") }
        #expect(throws: RegridError.self) { try Regrid.read(bytes: badBase64, name: "x.mht") }
        // Truncated mid-part: the boundary never closes; what is there is read.
        let full = Self.mhtml("<html><body>" + Self.table, encoding: "quoted-printable")
        let truncated = Array(full.prefix(full.count * 2 / 3))
        #expect(throws: Never.self) { try Regrid.read(bytes: truncated, name: "x.mht") }
    }

    func gb18030(_ text: String) -> [UInt8]? {
        let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
        return text.data(using: encoding).map { Array($0) }
    }
}
