import Foundation
import Testing
import RegridFixtures
@testable import RegridKit

/// The marker search answers as Foundation's `contains` does, whichever way it searches.
@Suite struct MarkerSearchTests {
    @Test(arguments: [
        ("一、本年新收政府信息公开申请数量12本年制发件数3", "本年制发件数", true),
        ("一、本年新收政府信息公开申请数量12本年制发件数3", "本年废止件数", false),
        ("本年收费金额(单位:万元)0", "本年收费金额(单位:万元)", true),
        ("第二十条第(九)项—政府集中采购", "政府集中采购", true),
        ("abc", "abcd", false),
        ("", "本年制发件数", false),
        // Not plain: searched under canonical equivalence, as before.
        ("cafe\u{301}本年制发件数", "café", true),
        ("café本年", "cafe\u{301}", true),
        ("cafe\u{301}", "cafe", false),
        ("\u{F900}本年", "\u{8C48}", true),
        // Text with other scalars, plain markers: searched by folded scalars.
        ("é本年制发件数3", "本年制发件数", true),
        ("é本年制发件数\u{301}", "本年制发件数", false),
        ("é本年制发件数\u{FE0F}x", "本年制发件数", false),
        ("é本年制发件数\u{1F3FB}", "本年制发件数", false),
        ("é本年制发件数\u{200D}x", "本年制发件数", true),
        ("é\u{0600}本年制发件数", "本年制发件数", true),
        ("ऄ本年制发件数\u{0903}", "本年制发件数", true),
        ("é\u{F900}本年", "\u{8C48}本年", true),
        ("é1\u{212A}m", "1Km", true),
        ("é\u{2329}a\u{232A}", "\u{3008}a\u{3009}", true),
        ("é\u{037E}\u{0387}", ";\u{B7}", true),
        ("é\u{FF08}单位\u{FF09}", "(单位)", false),
        ("é本年制发件", "本年制发件数", false),
        ("本年制发件数é", "本年制发件数", true),
        ("e\u{301}本年", "e", false),
        ("\u{1F1E8}\u{1F1F3}本年", "本年", true),
    ])
    func answersAsFoundationContains(_ text: String, _ marker: String, _ expected: Bool) {
        #expect(MarkerSearch(text: text).contains(marker) == expected)
        #expect(MarkerSearch(text: text).contains(marker) == text.contains(marker))
    }

    /// Every corpus text (flattened Tika text of real DOCX), normalized as the resolver does
    /// (8 of the 33 then hold scalars that are not plain): the template markers and 40 slices of
    /// the text itself (plain ones, found or not, and others) answer as Foundation's `contains`.
    @Test func answersAsFoundationOnTheCorpusTexts() throws {
        let files = SharedCorpus.files(in: "corpus/flat", ext: "txt")
        guard !files.isEmpty else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let normalizer = LabelNormalizer()
        let markers = try LayoutLibrary.builtIn().flatMap { $0.markers ?? [] }.map(normalizer.normalize)
        var generator = SeededRandom(seed: 7)
        var notPlain = 0, searched = 0
        for file in files {
            let text = normalizer.normalize(try String(contentsOf: file, encoding: .utf8))
            let search = MarkerSearch(text: text)
            if !MarkerSearch.isPlain(text) { notPlain += 1 }
            let scalars = Array(text.unicodeScalars)
            var probes = markers
            for _ in 0..<(scalars.isEmpty ? 0 : 40) {
                let start = Int(generator.next() % UInt64(scalars.count))
                let length = 1 + Int(generator.next() % 8)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[start..<min(scalars.count, start + length)])
                probes.append(String(slice))
                probes.append(String(slice) + "不")
            }
            for probe in probes {
                #expect(search.contains(probe) == text.contains(probe), "\(file.lastPathComponent): \(probe.debugDescription)")
                searched += 1
            }
        }
        #expect(notPlain >= 5 && searched > 1000, "\(notPlain) texts not plain, \(searched) searches")
    }

    @Test func anEmptyMarkerIsAnsweredByFoundation() {
        #expect(MarkerSearch(text: "本年制发件数").contains("") == "本年制发件数".contains(""))
    }
}

/// The piecewise marker scan of ``LayoutResolver`` against a search of the whole normalized text.
@Suite struct PresentMarkersTests {
    static func wholeText(_ markers: Set<String>, _ document: Document) -> Set<String> {
        let text = MarkerSearch(text: LabelNormalizer().normalize(document.blocks.map(\.plainText).joined(separator: "\n")))
        return markers.filter { !$0.isEmpty && text.contains($0) }
    }

    @Test func findsWhatTheWholeTextSearchFindsAcrossPieceBoundaries() {
        var generator = SystemRandomNumberGenerator()
        let words = ["政府", "信息", "公开", "工作", "年度", "报告", "（", "）", " ", "　", "Ａ", "b", "2021", "第二十条", "、"]
        let markers: Set<String> = ["政府信息公开", "第二十条第", "报告2021", "ＡＢＣ", "不存在的标记"]
            .reduce(into: []) { $0.insert(LabelNormalizer().normalize($1)) }
        for round in 0..<20 {
            // Long enough for several 64 KB pieces; blocks split words, so markers straddle blocks.
            var blocks: [Block] = []
            var size = 0
            while size < 200_000 {
                let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }.joined()
                blocks.append(.paragraph(Paragraph(text: text)))
                size += text.utf8.count
            }
            if round % 2 == 0 { blocks.append(.paragraph(Paragraph(text: "ＡＢ"))); blocks.append(.paragraph(Paragraph(text: "Ｃ"))) }
            let document = Document(source: Source(name: "r.txt", kind: .flatText), blocks: blocks)
            #expect(LayoutResolver.presentMarkers(markers, in: document) == Self.wholeText(markers, document), "round \(round)")
        }
    }

    @Test func aMarkerSplitAtAPieceBoundaryIsFound() {
        // The first half ends the first 64 KB piece; the second half starts the next one.
        let blocks: [Block] = [.paragraph(Paragraph(text: String(repeating: "x", count: 65_530))),
                               .paragraph(Paragraph(text: "政府信息")), .paragraph(Paragraph(text: "公开")),
                               .paragraph(Paragraph(text: "其他"))]
        let document = Document(source: Source(name: "r.txt", kind: .flatText), blocks: blocks)
        let marker = LabelNormalizer().normalize("政府信息公开")
        #expect(Self.wholeText([marker], document) == [marker])
        #expect(LayoutResolver.presentMarkers([marker], in: document) == [marker])
    }
}
