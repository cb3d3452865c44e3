/// A strict RFC 4180 parser for the tests: records of fields, quotes undone. Independent of
/// ``CSVWriter`` so that round trips through it check the writer rather than echo it.
enum CSVParse {
    struct Malformed: Error {}

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var chars = Array(text.unicodeScalars)[...]
        var atRecordStart = true
        while let c = chars.popFirst() {
            atRecordStart = false
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed() }
                quoted = true
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\r", "\n":
                if c == "\r" { guard chars.popFirst() == "\n" else { throw Malformed() } }
                fields.append(field); records.append(fields)
                fields = []; field = ""; afterQuote = false; atRecordStart = true
            default:
                guard !afterQuote else { throw Malformed() }
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw Malformed() }
        if !atRecordStart { fields.append(field); records.append(fields) }
        return records
    }
}
