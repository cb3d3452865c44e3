import Testing
import RegridKit

@Suite struct LabelNormalizerTests {
    let n = LabelNormalizer()

    @Test(arguments: [
        ("本年新\n制作数量", "本年新制作数量"),
        ("商业\n企业", "商业企业"),
        ("(一)予以公开", "（一）予以公开"),
        ("(一) 予以公开", "（一）予以公开"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("1. 属于国家秘密", "1.属于国家秘密"),
        ("3.危及三安全一稳定", "3.危及“三安全一稳定”"),
        ("三、本年度办\n理结果", "三、本年度办理结果"),
        ("第二十条 第(一)项", "第二十条第（一）项"),
        ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
    ])
    func variantsNormalizeToTheCanonicalLabel(_ written: String, _ canonical: String) {
        #expect(n.closeness(of: written, to: canonical) == .normalized)
    }

    @Test func notesAndListedVariantsMatchLoosely() {
        #expect(n.closeness(of: "规章（设区的市、自治州人民政府应提供相关数据）", to: "规章") == .withoutNotes)
        #expect(n.closeness(of: "上一年项目数量(指2019年事项数)", to: "上一年项目数量") == .withoutNotes)
        #expect(n.closeness(of: "(二) 部分公开", to: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == .withoutNotes)
        #expect(n.closeness(of: "规范性文件", to: "行政规范性文件", variants: ["规范性文件"]) == .variant)
        #expect(n.closeness(of: "(六) 其他", to: "（六）其他处理", variants: ["（六）其他"]) == .variant)
    }

    @Test(arguments: [
        ("本年新制作数量", "本年新制作数量"),
        ("三、本年度办理结果）", "三、本年度办理结果）"),
        ("规章（设区的市）", "规章"),
        ("规章【注】数量", "规章数量"),
        ("规章[注]", "规章"),
        ("规章(注)", "规章"),
        ("(一)予以公开(注)", "(一)予以公开"),
        ("（一）予以公开", "（一）予以公开"),
        ("", ""),
    ])
    func notesAreRemovedOnlyWhereABracketOpens(_ text: String, _ bare: String) {
        #expect(n.withoutNotes(text) == bare)
    }

    @Test func differentLabelsDoNotMatch() {
        #expect(n.closeness(of: "行政强制", to: "行政处罚") == nil)
        #expect(n.closeness(of: "规范性文件", to: "行政规范性文件") == nil)
        #expect(n.closeness(of: "（六）其他", to: "（六）其他处理") == nil)
        #expect(n.closeness(of: "", to: "总计") == nil)
        // Notes are never the whole label: "(一)" alone is not "（一）予以公开".
        #expect(n.closeness(of: "(一)", to: "（一）予以公开") == nil)
    }

    /// Each subset of steps does exactly its own steps (the steps are read from the set once).
    @Test func everySubsetOfStepsAppliesExactlyThoseSteps() {
        let text = "（１）本年 新\n“收”、申请．（注）"
        let expected: [LabelNormalizer.Step: String] = [
            .width: "(1)本年 新\n“收”、申请.(注)", .whitespace: "（１）本年新“收”、申请．（注）",
            .quotes: "（１）本年 新\n收、申请．（注）", .enumerators: "（１）本年 新\n“收”.申请.（注）",
        ]
        #expect(LabelNormalizer(steps: []).normalize(text) == text)
        let steps = LabelNormalizer.Step.allCases
        for mask in 0..<(1 << steps.count) {
            let chosen = Set(steps.indices.filter { mask & (1 << $0) != 0 }.map { steps[$0] })
            var want = text
            for step in [LabelNormalizer.Step.width, .whitespace, .quotes, .enumerators] where chosen.contains(step) {
                want = LabelNormalizer(steps: [step]).normalize(want)
            }
            #expect(LabelNormalizer(steps: chosen).normalize(text) == want, "\(chosen)")
        }
        for (step, alone) in expected { #expect(LabelNormalizer(steps: [step]).normalize(text) == alone, "\(step)") }
    }
}

@Suite struct FigureTextTests {
    @Test(arguments: [
        ("0", 0.0, FigureReading.Form.number, nil as String?),
        ("8", 8, .number, nil),
        ("-18", -18, .number, nil),
        ("24252.311082", 24252.311082, .number, nil),
        ("1,200", 1200, .number, nil),
        ("１２", 12, .number, nil),
        ("0项", 0, .number, "项"),
        ("0万元", 0, .number, "万元"),
        ("251000元", 251000, .number, "元"),
        ("73802895.90元", 73802895.9, .number, "元"),
        (" 5 件", 5, .number, "件"),
        ("", 0, .blank, nil),
        ("\n", 0, .blank, nil),
        ("-", 0, .dash, nil),
        ("—", 0, .dash, nil),
        ("——", 0, .dash, nil),
        ("无", 0, .dash, nil),
    ])
    func readsFigures(_ text: String, _ value: Double, _ form: FigureReading.Form, _ unit: String?) throws {
        let reading = try #require(FigureText.read(text))
        #expect(reading.value == value)
        #expect(reading.form == form)
        #expect(reading.unit == unit)
    }

    @Test func keepsANoteAside() throws {
        let reading = try #require(FigureText.read("22（其中修订 16 件）"))
        #expect(reading.value == 22)
        #expect(reading.note == "其中修订16件")
    }

    @Test(arguments: ["1.属于国家秘密", "总计", "abc", "12abc", "1.2.3", "(8)", "8（", "--8", "1,2"])
    func rejectsLabelsAndJunk(_ text: String) {
        #expect(FigureText.read(text) == nil)
    }

    /// Plain ASCII integers take a shortcut; with a space in front they take the general reading,
    /// which must agree.
    @Test func plainIntegersReadAsTheGeneralReadingDoes() {
        var texts = ["0", "7", "007", "38", "1200", "999999999999999", "1000000000000000", "9999999999999999", "12345678901234567890"]
        var seed: UInt64 = 42
        for _ in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            texts.append(String(seed >> UInt64(4 + Int(seed % 50))))
        }
        for text in texts {
            #expect(FigureText.read(text) == FigureText.read(" " + text), "\(text)")
            #expect(FigureText.read(text)?.value == Double(text), "\(text)")
        }
    }

    /// Units are matched by canonical equivalence; the shortcut that skips texts whose first
    /// scalar differs from a unit's must not lose a unit spelled with an equivalent scalar (CJK
    /// compatibility ideographs decompose to unified ones) or followed by a combining mark.
    @Test func unitsAreFoundAsStringHasPrefixFindsThem() {
        for unit in FigureText.units {
            let plain = FigureText.read("12" + unit)
            #expect(plain?.value == 12 && plain?.form == .number && plain?.unit == unit && plain?.note == nil, "\(unit)")
            #expect(FigureText.read("12" + unit + "（其中1件）")?.note == "其中1件")
            let tail = String(String.UnicodeScalarView(unit.unicodeScalars.dropFirst()))
            for value in Array(0xF900...0xFAFF) + Array(0x2F800...0x2FA1F) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let spelled = String(Character(scalar)) + tail
                let reading = FigureText.read("3" + spelled)
                // What String.hasPrefix says: the first unit that prefixes it, if nothing is left after it.
                let expected = FigureText.units.first { spelled.hasPrefix($0) }.flatMap { spelled.dropFirst($0.count).isEmpty ? $0 : nil }
                #expect(reading?.unit == expected, "U+\(String(value, radix: 16)) for \(unit): \(String(describing: reading))")
                if scalar.value == 0x2F8EF, tail.isEmpty { #expect(reading?.unit == "次") }   // U+2F8EF is canonically 次
            }
            #expect(FigureText.read("3" + unit + "\u{301}") == nil)
        }
    }
}
