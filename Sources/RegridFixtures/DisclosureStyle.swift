import Foundation

/// The wording variants of one generated report, drawn once per document (real reports are
/// consistent within themselves): bracket width, item numbering, broken labels, notes, how 0 is written.
struct Style: Sendable {
    var variants: Bool
    var layout: String
    var halfWidth = false
    var numbering = "."
    var breakLabels = false
    var notes = false
    var shortLabels = false
    var noQuotes = false
    var spacedTitles = false
    var zeroForms: [String] = ["0"]
    var wideFirst = false

    init(variants: Bool, layout: String, rng: inout SeededRandom) {
        self.variants = variants
        self.layout = layout
        guard variants else { return }
        halfWidth = rng.chance(0.5)
        numbering = rng.pick([".", "、", ". "])
        breakLabels = rng.chance(0.7)
        notes = rng.chance(0.5)
        shortLabels = rng.chance(0.5)
        noQuotes = rng.chance(0.5)
        spacedTitles = rng.chance(0.5)
        zeroForms = rng.pick([["0"], ["0", ""], ["0", "-"], ["0", "—", ""]])
        wideFirst = rng.chance(0.3)
    }

    /// Brackets and punctuation in the document's width.
    func punctuation(_ s: String) -> String {
        guard halfWidth else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "（": out += "("
            case "）": out += ")"
            case "：": out += ":"
            case "，": out += ", "
            default: out.append(ch)
            }
        }
        return out
    }

    func title(_ s: String) -> String {
        punctuation(spacedTitles ? s.replacingFirst("第二十条", with: "第二十条 ") : s)
    }

    func header(_ s: String) -> String {
        guard variants else { return s }
        let broken: [String: String] = [
            "本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量",
            "商业企业": "商业\n企业", "科研机构": "科研\n机构", "社会公益组织": "社会公益\n组织", "法律服务机构": "法律服务\n机构",
        ]
        if breakLabels, let b = broken[s] { return b }
        if notes, s == "上一年项目数量" { return "上一年项目数量（指上年度事项数）" }
        return punctuation(s)
    }

    func rowLabel(_ s: String) -> String {
        guard variants else { return s }
        var t = s
        if layout == "2021", shortLabels, t == "行政规范性文件" { t = "规范性文件" }
        if layout == "2019", shortLabels, t == "（六）其他处理" { t = "（六）其他" }
        if notes, t == "规章" { t = "规章（设区的市、自治州人民政府应提供相关数据）" }
        if breakLabels, t == "三、本年度办理结果" { t = "三、本年度办\n理结果" }
        if noQuotes { t = t.replacingFirst("“三安全一稳定”", with: "三安全一稳定") }
        if numbering != ".", let first = t.first, first.isASCII, first.isNumber, t.dropFirst().first == "." {
            t = String(first) + numbering + t.dropFirst(2)
        }
        return punctuation(t)
    }

    /// How this document writes a zero.
    func zero(_ rng: inout SeededRandom) -> String { rng.pick(zeroForms) }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
