import Testing
@testable import RegridKit

@Suite struct TEDSTests {
    func table(_ rows: Int, _ columns: Int, _ cells: [(Int, Int, Int, Int, String)]) -> Table {
        Table(id: "t", rows: rows, columns: columns,
              cells: cells.map { Cell(row: $0.0, column: $0.1, rowSpan: $0.2, colSpan: $0.3, text: $0.4) })
    }

    @Test func identicalTablesScoreOne() {
        let t = table(2, 2, [(0, 0, 1, 2, "head"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, "b")])
        #expect(TEDS.similarity(t, t) == 1)
        #expect(TEDS.exactlyEqual(t, t))
    }

    @Test func oneCellTextChangeCostsItsLevenshteinShare() {
        // 4 nodes each (table, row, 2 cells); "c" → "d" costs 1.
        let a = table(1, 2, [(0, 0, 1, 1, "ab"), (0, 1, 1, 1, "c")])
        let b = table(1, 2, [(0, 0, 1, 1, "ab"), (0, 1, 1, 1, "d")])
        #expect(abs(TEDS.similarity(a, b) - 0.75) < 1e-9)
        // "abcd" → "abxd": 1 of 4 characters.
        let c = table(1, 1, [(0, 0, 1, 1, "abcd")])
        let d = table(1, 1, [(0, 0, 1, 1, "abxd")])
        #expect(abs(TEDS.distance(c, d) - 0.25) < 1e-9)
        #expect(!TEDS.exactlyEqual(a, b))
    }

    @Test func lostSpanCostsARenameAndAnInsert() {
        let merged = table(1, 2, [(0, 0, 1, 2, "x")])
        let split = table(1, 2, [(0, 0, 1, 1, "x"), (0, 1, 1, 1, "")])
        #expect(abs(TEDS.distance(merged, split) - 2) < 1e-9)
        #expect(abs(TEDS.similarity(merged, split) - 0.5) < 1e-9)
        #expect(!TEDS.exactlyEqual(merged, split))
    }

    @Test func missingRowCostsItsNodes() {
        let a = table(2, 2, [(0, 0, 1, 1, "a"), (0, 1, 1, 1, "b"), (1, 0, 1, 1, "c"), (1, 1, 1, 1, "d")])
        let b = table(1, 2, [(0, 0, 1, 1, "a"), (0, 1, 1, 1, "b")])
        // Deleting one row and its two cells: 3 of 7 nodes.
        #expect(abs(TEDS.distance(a, b) - 3) < 1e-9)
        #expect(abs(TEDS.similarity(a, b) - (1 - 3.0 / 7.0)) < 1e-9)
    }

    @Test func emptyTables() {
        let empty = table(0, 0, [])
        #expect(TEDS.similarity(empty, empty) == 1)
    }

    @Test func levenshteinCountsCharactersAsAPlainTableWould() {
        // The textbook distances, and Characters (not scalars or bytes) as the unit: "é" written
        // as e + U+0301 is one character, and a CJK character is one.
        #expect(abs(TEDS.normalizedLevenshtein(Array("kitten"), Array("sitting")) - 3.0 / 7.0) < 1e-12)
        #expect(abs(TEDS.normalizedLevenshtein(Array("flaw"), Array("lawn")) - 2.0 / 4.0) < 1e-12)
        #expect(TEDS.normalizedLevenshtein(Array("cafe\u{301}"), Array("caf\u{E9}")) == 0)
        #expect(abs(TEDS.normalizedLevenshtein(Array("本年新收"), Array("本年收到")) - 2.0 / 4.0) < 1e-12)
        // Against the plain two-row table on many strings of every length parity (the loop
        // alternates two buffers), from a small alphabet so that they share a lot.
        func plain(_ a: [Character], _ b: [Character]) -> Double {
            if a.isEmpty && b.isEmpty { return 0 }
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var next = [i] + Array(repeating: 0, count: b.count)
                for j in 1...max(1, b.count) where !b.isEmpty {
                    next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                row = next
            }
            return Double(a.isEmpty ? b.count : row[b.count]) / Double(max(a.count, b.count))
        }
        var generator = SystemRandomNumberGenerator()
        let letters: [Character] = ["a", "b", "表", "格", "\u{E9}"]
        for _ in 0..<400 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator) ?? "a" }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator) ?? "a" }
            #expect(abs(TEDS.normalizedLevenshtein(a, b) - plain(a, b)) < 1e-12, "\(String(a)) vs \(String(b))")
        }
    }
}
