import Foundation
import Testing
@testable import RegridKit

/// ``LabelTable`` looks trivially normalized texts up by their bytes instead of by `String`
/// equality (canonical equivalence): these tests hold it to a `[String: Int]` filled in the same
/// order, on the templates' label forms, the corpus's cell texts and texts built to be canonically
/// equal but byte-different, and check the scalar ranges it trusts against Foundation's NFD.
@Suite struct LabelTableTests {
    /// The ids a `[String: Int]` gives `labels` when each new one gets the next number.
    static func dictionary(_ labels: [String]) -> [String: Int] {
        var ids: [String: Int] = [:]
        for label in labels where ids[label] == nil { ids[label] = ids.count }
        return ids
    }

    /// Looks every text up in a table of `labels`, in one built by interning, and in the dictionary.
    static func expectSameIDs(labels: [String], lookups: [String]) {
        let table = LabelTable(labels)
        var interned = LabelTable()
        let interning = labels.map { interned.intern($0) }
        let ids = dictionary(labels)
        #expect(table.count == ids.count)
        #expect(interning == labels.map { ids[$0] })
        for text in labels + lookups {
            #expect(table.id(of: text) == ids[text], "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(interned.id(of: text) == ids[text])
        }
    }

    /// Canonically equal, byte-different pairs (NFC / NFD, singleton decompositions such as
    /// CJK compatibility ideographs, reordered marks) and texts mixing them with Chinese.
    static let equivalentPairs: [(String, String)] = [
        ("\u{E9}", "e\u{301}"),
        ("\u{212B}", "\u{C5}"),
        ("\u{F900}", "\u{8C48}"),
        ("申请\u{F900}", "申请\u{8C48}"),
        ("\u{AC00}", "\u{1100}\u{1161}"),
        ("a\u{323}\u{307}", "a\u{307}\u{323}"),
        ("总计\u{302A}\u{302B}", "总计\u{302B}\u{302A}"),
        ("（一）\u{2F800}", "（一）\u{4E3D}"),
    ]

    @Test func agreesWithStringEqualityOnCanonicallyEquivalentTexts() {
        let firsts = Self.equivalentPairs.map(\.0), seconds = Self.equivalentPairs.map(\.1)
        let chinese = ["一、本年新收政府信息公开申请数量", "总计", "（七）总计", "", "e", "\u{8C48}", "a"]
        // Each side first, mixed with trivially normalized labels, and looked up from the other side.
        Self.expectSameIDs(labels: chinese + firsts, lookups: seconds + ["申请", "不在表中"])
        Self.expectSameIDs(labels: seconds + chinese, lookups: firsts)
        Self.expectSameIDs(labels: chinese, lookups: firsts + seconds)
        for (a, b) in Self.equivalentPairs {
            #expect(LabelTable([a]).id(of: b) == 0)
            #expect(LabelTable([b]).id(of: a) == 0)
        }
    }

    @Test func agreesWithStringEqualityOnTemplateLabelsAndCorpusCells() throws {
        let templates = try LayoutLibrary.builtIn()
        var forms: [String] = []
        for template in templates { forms += LayoutMatcher.forms(of: template) }
        let normalizer = LabelNormalizer()
        var cells = templates.flatMap { $0.cells.compactMap(\.label) }
        for file in SharedCorpus.files(in: "corpus/docx", ext: "docx") {
            guard let document = try? Regrid.read(bytes: Array(try Data(contentsOf: file)), name: file.lastPathComponent) else { continue }
            for table in document.tables { cells += table.cells.map(\.text) }
        }
        if !SharedCorpus.isAvailable { print("LabelTableTests: ../shared/corpus absent (set REGRID_SHARED); corpus cells skipped") }
        let lookups = cells + cells.map(normalizer.normalize) + cells.map { normalizer.withoutNotes(normalizer.normalize($0)) }
        Self.expectSameIDs(labels: forms, lookups: lookups)
        // And the other way round: the corpus's texts as the table, the forms looked up.
        Self.expectSameIDs(labels: Array(lookups.prefix(3000)), lookups: forms)
    }

    /// Every scalar the byte path trusts is its own canonical decomposition with combining class
    /// 0, so a text of them is its own NFD and NFC.
    @Test func trustedScalarsAreTheirOwnCanonicalDecomposition() {
        var checked = 0
        for range in LabelTable.triviallyNormalizedScalars {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(Character(scalar))
                #expect(text.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [value], "U+\(String(value, radix: 16))")
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
                var utf8 = text
                #expect(utf8.withUTF8 { LabelTable.isTriviallyNormalized($0) }, "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 21_000)
        // Scalars outside the ranges send a text to the string comparison.
        for outside in ["\u{E9}", "\u{302A}", "\u{F900}", "\u{1100}", "\u{2F800}", "a\u{301}", "\u{FF9E}", "\u{2028}"] {
            var text = "总计" + outside
            #expect(!text.withUTF8 { LabelTable.isTriviallyNormalized($0) }, "\(outside.unicodeScalars.map(\.value))")
        }
    }

    @Test func growsPastItsFirstSlots() {
        let labels = (0..<5000).map { "第\($0)项" } + (0..<5000).map { "第\($0)项" }
        var table = LabelTable()
        let ids = labels.map { table.intern($0) }
        #expect(ids == Array(0..<5000) + Array(0..<5000))
        #expect(table.count == 5000)
        #expect(table.id(of: "第4999项") == 4999)
        #expect(table.id(of: "第5000项") == nil)
    }
}
