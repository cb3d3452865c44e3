import Foundation
import GRDB
import RegridBatch
import RegridKit
import Testing

@Suite("Kill and resume", .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct KillResumeTests {
    /// How many catalog rows the running batch has committed (nil while the catalog is not ready).
    static func committedRows(_ path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") }
    }

    @Test func killedBatchResumesWithEveryDocumentOnce() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        // Large enough that converting them all takes seconds, so the kill lands midway.
        let paragraphs = (0..<4_000).map { "Paragraph \($0) of a long report" }
        let docx = try BatchFixtures.docx(paragraphs)
        let total = 150
        for i in 0..<total { try fx.write("in/part\(i % 4)/report\(i).docx", docx) }
        let catalogPath = fx.path("out/catalog.sqlite")
        let arguments = ["batch", fx.path("in"), "--out", fx.path("out"), "--jobs", "2", "--quiet"]

        let process = Process()
        process.executableURL = RegridExecutable.url
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var seen = 0
        while process.isRunning, Date() < deadline {
            seen = Self.committedRows(catalogPath) ?? 0
            if seen >= 3 { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch ended before it was killed")

        let before = try Catalog(path: catalogPath).entries()
        #expect(before.count >= 3)
        #expect(before.count < total, "the batch finished before the kill: make the documents bigger")

        let resumed = try RegridExecutable.run(arguments.filter { $0 != "--quiet" })
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("\(total) documents: \(total) ok, 0 failed, 0 skipped (\(before.count) already done)"),
                "\(resumed.stderr)")

        let after = try Catalog(path: catalogPath).entries()
        #expect(after.count == total)
        #expect(Set(after.map(\.sourcePath)).count == total)
        #expect(after.allSatisfy { $0.status == .ok })
        // Rows committed before the kill were left alone, not converted a second time.
        let afterByPath = Dictionary(uniqueKeysWithValues: after.map { ($0.sourcePath, $0) })
        for row in before { #expect(afterByPath[row.sourcePath] == row, "\(row.sourcePath) was converted again") }

        // Exactly the outputs the catalog names, each complete; no temporary or partial file.
        let outputs = Set(after.flatMap(\.outputs))
        #expect(outputs.count == total)
        let files = fx.files(under: "out").filter { !$0.hasPrefix("catalog.sqlite") }
        #expect(Set(files) == outputs)
        #expect(!files.contains { $0.hasSuffix(".partial") || ($0 as NSString).lastPathComponent.hasPrefix(".") })
        let expected = JSONWriter().write(try LayoutResolver.standard().resolve(Regrid.read(bytes: docx, name: "report0.docx")))
        for row in after {
            let text = try String(contentsOfFile: fx.path("out/" + row.outputs[0]), encoding: .utf8)
            let name = (row.sourcePath as NSString).lastPathComponent
            #expect(text == expected.replacingOccurrences(of: "\"report0.docx\"", with: "\"\(name)\""), "\(row.sourcePath)")
        }
    }
}
