import Testing
@testable import RegridKit

/// The parallel map must be indistinguishable from a serial one: order, values, and which error.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 63, 64, 1000])
    func keepsOrderAndValues(_ count: Int) {
        let items = Array(0..<count)
        #expect(ParallelMap.map(items) { $0 * $0 + 1 } == items.map { $0 * $0 + 1 })
    }

    @Test func throwsTheFirstFailingItemsError() {
        let items = Array(0..<500)
        #expect(throws: RegridError.invalidInput("item 137")) {
            try ParallelMap.map(items) { (i: Int) throws(RegridError) -> Int in
                if i == 137 || i == 400 { throw .invalidInput("item \(i)") }
                return i
            }
        }
    }

    @Test func aLongFlatTextReadsTheSameAsItsPartsDo() throws {
        // 80 small tables (past the parallel threshold): each table as read alone equals the
        // same table read in the long text, spans and ids included.
        let one = "\tA\n\tB\n\tC\n\n\tx\n\t1\n\t2\n\n\n"
        let long = (0..<80).map { "标题\($0)\n" + one }.joined()
        let doc = try FlatTextReader().read(bytes: Array(long.utf8), name: "long.txt")
        let alone = try FlatTextReader().read(bytes: Array(one.utf8), name: "one.txt")
        #expect(doc.tables.count == 80)
        #expect(doc.tables.map(\.id) == (1...80).map { "t\($0)" })
        let reference = try #require(alone.tables.first)
        #expect(doc.tables.allSatisfy { $0.cells == reference.cells })
    }
}
