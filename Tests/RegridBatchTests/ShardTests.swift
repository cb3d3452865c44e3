import Foundation
import RegridBatch
import RegridKit
import Testing

@Suite("Shards")
struct ShardTests {
    @Test(arguments: [1, 2, 3, 7])
    func sharesPartitionTheDocumentsExactly(count: Int) throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        _ = try fx.makeMixedFolder()
        for i in 0..<20 { try fx.write("in/many/doc\(i).docx", try BatchFixtures.docx(["\(i)"])) }
        let all = try InputEnumerator().documents(in: [fx.path("in")]).map(\.sourcePath)
        var union: [String] = []
        for index in 0..<count {
            let share = try InputEnumerator(shard: Shard(index: index, count: count)).documents(in: [fx.path("in")])
            union += share.map(\.sourcePath)
        }
        #expect(union.count == all.count)          // pairwise disjoint
        #expect(Set(union) == Set(all))            // union is everything
        if count > 1 {
            // With 32 documents no share of 2 or 3 is empty (a hash that ignores its input would fail).
            #expect(Set(all.map { Shard.share(of: $0, count: count) }).count > 1)
        }
    }

    @Test func shareIsAFixedFunctionOfThePath() {
        // int(sha256(b"in/a.docx").hexdigest()[:16], 16) % N, computed with Python's hashlib:
        // the same share on every machine and in every language.
        #expect(Shard.share(of: "in/a.docx", count: 5) == 4)
        #expect(Shard.share(of: "in/a.docx", count: 7) == 0x15a74337f1148ece % 7)
        #expect(Shard.share(of: "in/a.docx", count: 1) == 0)
    }

    @Test func parsing() throws {
        #expect(try Shard(parsing: "2/8") == Shard(index: 2, count: 8))
        for bad in ["8/8", "-1/4", "1/0", "1", "a/b", "1/2/3", ""] {
            #expect(throws: RegridError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func shardRunsMergeIntoTheWholeBatch() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let expected = try fx.makeMixedFolder()
        var catalogs: [String] = []
        for index in 0..<3 {
            let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 1,
                                       shard: try Shard(index: index, count: 3))
            #expect(options.catalogPath.hasSuffix("catalog-\(index)-of-3.sqlite"))
            _ = try BatchRunner(options: options).run()
            catalogs.append(options.catalogPath)
        }
        let merged = try Catalog(path: fx.path("out/catalog.sqlite"))
        #expect(try merged.merge(from: catalogs) == expected.count)
        let rows = try BatchRunTests.rows(fx.path("out/catalog.sqlite"), root: fx.root)
        #expect(Set(rows.keys) == Set(expected.keys))
        for (path, want) in expected { #expect(rows[path]?.status.rawValue == want.status, "\(path)") }
    }
}
