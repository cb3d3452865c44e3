import Foundation

/// The agency and year of a 政府信息公开工作年度报告, read from its title lines, e.g.
/// "西宁市湟中区统计局⏎2020年政府信息公开工作年度报告" or "西宁市城中区人民政府2020年政府信息公开工作年度报告".
public struct ReportTitle: Equatable, Sendable {
    public var agency: String?
    public var year: Int?

    /// Looks at the paragraphs and headings before the first table (at most the first 12).
    public static func find(in document: Document) -> ReportTitle {
        var lines: [String] = []
        for block in document.blocks {
            if case .table = block { break }
            for line in block.plainText.split(separator: "\n") {
                let trimmed = collapse(String(line))
                if !trimmed.isEmpty { lines.append(trimmed) }
            }
            if lines.count >= 12 { break }
        }
        for (index, line) in lines.prefix(12).enumerated() {
            guard let marker = line.range(of: "政府信息公开") , line.contains("年度报告") else { continue }
            let head = line[..<marker.lowerBound]
            guard let (year, before, after) = splitYear(String(head)) else {
                return ReportTitle(agency: clean(String(head)) ?? (index > 0 ? clean(lines[index - 1]) : nil), year: nil)
            }
            let agency = clean(before) ?? clean(after) ?? (index > 0 ? clean(lines[index - 1]) : nil)
            return ReportTitle(agency: agency, year: year)
        }
        return ReportTitle(agency: nil, year: nil)
    }

    /// Splits "…2020年度…" into (2020, text before, text after the year word).
    private static func splitYear(_ s: String) -> (Int, String, String)? {
        let chars = Array(s)
        var i = 0
        while i + 4 < chars.count {
            let four = chars[i..<(i + 4)]
            if four.allSatisfy({ $0.isASCII && $0.isNumber }), i + 4 < chars.count, chars[i + 4] == "年",
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
               let year = Int(String(four)), (1990...2100).contains(year) {
                var end = i + 5
                if end < chars.count, chars[end] == "度" { end += 1 }
                return (year, String(chars[..<i]), String(chars[end...]))
            }
            i += 1
        }
        return nil
    }

    private static func clean(_ s: String) -> String? {
        var t = collapse(s)
        for prefix in ["关于"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        while let last = t.last, "的：:，,".contains(last) { t.removeLast() }
        return t.isEmpty ? nil : t
    }

    private static func collapse(_ s: String) -> String {
        String(s.unicodeScalars.filter { !($0.properties.isWhitespace || $0.value == 0xA0 || $0.value == 0x3000) }.map(Character.init))
    }
}
