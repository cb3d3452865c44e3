import Foundation
import Testing
@testable import RegridKit

/// Issue 8 for `regrid batch`: a folder of hostile files and of archives of them (42.zip-style
/// nesting included) is converted with every document failing on its own with a clear message,
/// archives inside archives opened one level deep (never recursively), in bounded time and
/// memory, with nothing fetched.
@Suite("Hostile input through regrid batch", .serialized)
struct HostileBatchTests {
    @Test func hostileFolderFailsDocumentByDocumentWithoutRecursing() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-hostile-batch-\(UUID().uuidString)")
        let input = scratch.appendingPathComponent("in")
        let out = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let canary = try #require(NetworkCanary())
        let context = HostileContext(canaryPort: canary.port, secretPath: "/nonexistent", secretMarker: "")

        func corpusFile(_ name: String) throws -> [UInt8] {
            try #require(HostileCorpus.all.first { $0.file == name }).make(context)
        }
        let files = ["bomb-4gb.docx", "bomb-lying-size.docx", "xxe-http.docx", "billion-laughs.docx", "nested-42.zip"]
        for name in files { try Data(try corpusFile(name)).write(to: input.appendingPathComponent(name)) }
        // An archive of documents holding hostile documents and another 42.zip-style nest.
        var archive = ZipWriter()
        archive.add("2021/bomb.docx", try corpusFile("bomb-4gb.docx"))
        archive.add("2021/liar.docx", try corpusFile("bomb-lying-size.docx"))
        archive.add("2021/nest.zip", try HostileCorpus.nestedZip(levels: 4))
        try Data(try archive.archive()).write(to: input.appendingPathComponent("docs.zip"))

        let batch = try CLIRunner.run(["batch", input.path, "--out", out.path, "--jobs", "2", "--quiet"],
                                      timeout: 120, scratch: scratch)
        #expect(batch.abnormalEnd == nil, "\(batch.abnormalEnd ?? "")\n\(batch.standardError)")
        #expect(batch.exitStatus == 1, "exit \(String(describing: batch.exitStatus)): \(batch.standardError)")
        #expect(batch.peakRSSKiB < HostileCLITests.memoryBoundKiB, "peak RSS \(batch.peakRSSKiB) KiB")
        #expect(canary.takeConnections() == 0, "something connected to the network canary")

        let csv = scratch.appendingPathComponent("catalog.csv")
        let export = try CLIRunner.run(["catalog", "export", out.appendingPathComponent("catalog.sqlite").path,
                                        "-t", "csv", "-o", csv.path], timeout: 60, scratch: scratch)
        #expect(export.exitStatus == 0, "catalog export: \(export.standardError)")
        let rows = (try String(contentsOf: csv, encoding: .utf8)).split(whereSeparator: \.isNewline).dropFirst().map(String.init)

        // Source paths start at the input's own name.
        let root = input.lastPathComponent
        let tooDeep = "inside an archive inside an archive"
        let expected: [(source: String, fragment: String)] = [
            ("\(root)/bomb-4gb.docx", "declared size of word/document.xml (4128000001 bytes)"),
            ("\(root)/bomb-lying-size.docx", "inflated bytes of word/document.xml (declared 10000)"),
            ("\(root)/xxe-http.docx", "declares a DOCTYPE"),
            ("\(root)/billion-laughs.docx", "declares a DOCTYPE"),
            // An archive inside an archive of documents is opened, one level deep: the zips in it
            // are documents (that fail), not folders.
            ("\(root)/nested-42.zip!/level6-a.zip!/level5-a.zip", tooDeep),
            ("\(root)/nested-42.zip!/level6-a.zip!/level5-b.zip", tooDeep),
            ("\(root)/nested-42.zip!/level6-b.zip!/level5-a.zip", tooDeep),
            ("\(root)/nested-42.zip!/level6-b.zip!/level5-b.zip", tooDeep),
            ("\(root)/docs.zip!/2021/bomb.docx", "declared size of word/document.xml (4128000001 bytes)"),
            ("\(root)/docs.zip!/2021/liar.docx", "inflated bytes of word/document.xml (declared 10000)"),
            ("\(root)/docs.zip!/2021/nest.zip!/level4-a.zip", tooDeep),
            ("\(root)/docs.zip!/2021/nest.zip!/level4-b.zip", tooDeep),
        ]
        #expect(rows.count == expected.count, "catalog rows:\n\(rows.joined(separator: "\n"))")
        for (source, fragment) in expected {
            let row = rows.first { $0.hasPrefix(source + ",") || $0.hasPrefix("\"" + source + "\",") }
            #expect(row?.contains(",failed,") == true, "\(source): \(row ?? "no catalog row")")
            #expect(row?.contains(fragment) == true, "\(source): expected “\(fragment)” in \(row ?? "no catalog row")")
        }
    }
}
