import Foundation
import RegridBatch
import RegridKit
import Testing

/// Issue 14, items 7, 11 and 13: how inputs are found (symbolic links, archives inside archives,
/// hidden folders in zips) and the source paths they are known by (whatever the spelling).
@Suite("Batch inputs and their source paths")
struct InputPathTests {
    // Item 11: `arch`, `$PWD/arch`, `arch/`, `x/../arch` are one input, known as `arch/…`.
    @Test func everySpellingOfAnInputGivesTheSameSourcePaths() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("arch/2021/a.docx", try BatchFixtures.docx(["a"]))
        try fx.write("arch/b.docx", try BatchFixtures.docx(["b"]))
        try fx.write("single.docx", try BatchFixtures.docx(["c"]))
        try FileManager.default.createDirectory(atPath: fx.path("x"), withIntermediateDirectories: true)
        let spellings = [fx.path("arch"), fx.path("arch") + "/", fx.path("arch") + "/.", fx.root.path + "/./x/../arch"]
        for spelling in spellings {
            let refs = try InputEnumerator().documents(in: [spelling])
            #expect(refs.map(\.sourcePath) == ["arch/2021/a.docx", "arch/b.docx"], "\(spelling)")
        }
        #expect(try InputEnumerator().documents(in: [fx.path("single.docx")]).map(\.sourcePath) == ["single.docx"])
        // One folder named twice is listed once.
        #expect(try InputEnumerator().documents(in: spellings).count == 2)
        #expect(try InputEnumerator().documents(in: [fx.path("arch"), fx.path("arch/b.docx")]).map(\.sourcePath)
                == ["arch/2021/a.docx", "arch/b.docx"])

        var options = BatchOptions(inputs: [spellings[0]], outputDirectory: fx.path("out"), jobs: 1)
        _ = try BatchRunner(options: options).run()
        options.inputs = [spellings[3]]
        let again = try BatchRunner(options: options).run()
        #expect(again.alreadyDone == 2, "another spelling converted the documents again")
        #expect(fx.files(under: "out").filter { $0.hasSuffix(".json") } == ["arch/2021/a.docx.json", "arch/b.docx.json"])
    }

    // Item 11 through the command line: relative spellings from other folders.
    @Test(.enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
    func relativeAndAbsoluteSpellingsShareOneCatalog() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("arch/a.docx", try BatchFixtures.docx(["a"]))
        try fx.write("work/.keep", [])
        let first = try RegridExecutable.run(["batch", "arch", "--out", "out"], in: fx.root.path)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try RegridExecutable.run(["batch", fx.path("arch"), "--out", fx.path("out")])
        #expect(second.stderr.contains("(1 already done)"), "\(second.stderr)")
        let third = try RegridExecutable.run(["batch", "../arch", "--out", "../out"], in: fx.path("work"))
        #expect(third.stderr.contains("(1 already done)"), "\(third.stderr)")
        #expect(fx.files(under: "out").filter { $0.hasSuffix(".json") } == ["arch/a.docx.json"])
        #expect(try Catalog(path: fx.path("out/catalog.sqlite")).entries().map(\.sourcePath) == ["arch/a.docx"])
    }

    @Test func twoDocumentsUnderOneSourcePathAreRefused() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("a/reports/x.docx", try BatchFixtures.docx(["a"]))
        try fx.write("b/reports/x.docx", try BatchFixtures.docx(["b"]))
        #expect {
            try InputEnumerator().documents(in: [fx.path("a/reports"), fx.path("b/reports")])
        } throws: { error in
            guard case RegridError.invalidInput(let message) = error else { return false }
            return message.contains("reports/x.docx") && message.contains("common folder")
        }
        #expect(try InputEnumerator().documents(in: [fx.path("a"), fx.path("b")]).map(\.sourcePath) == ["a/reports/x.docx", "b/reports/x.docx"])
    }

    // Item 7: symbolic links to folders are followed, cycles are not, nothing found is an error.
    @Test func symbolicLinksAreFollowedWithoutCycles() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let fileManager = FileManager.default
        try fx.write("real/a.docx", try BatchFixtures.docx(["a"]))
        try fx.write("other/sub/b.docx", try BatchFixtures.docx(["b"]))
        try fileManager.createSymbolicLink(atPath: fx.path("linked"), withDestinationPath: fx.path("real"))
        try fileManager.createSymbolicLink(atPath: fx.path("real/more"), withDestinationPath: fx.path("other"))
        try fileManager.createSymbolicLink(atPath: fx.path("other/sub/loop"), withDestinationPath: fx.path("real"))
        try fileManager.createSymbolicLink(atPath: fx.path("real/dangling.docx"), withDestinationPath: fx.path("nowhere.docx"))

        let refs = try InputEnumerator().documents(in: [fx.path("linked")])
        // linked → real and real/more → other are followed; other/sub/loop → real is a cycle and
        // is not entered; the dangling link is not a document.
        #expect(refs.map(\.sourcePath) == ["linked/a.docx", "linked/more/sub/b.docx"])
        let result = try BatchRunner(options: BatchOptions(inputs: [fx.path("linked")], outputDirectory: fx.path("out"), jobs: 1)).run()
        #expect(result.ok == 2)
        // The link and the folder it names, given together: each document once, under the first name.
        #expect(try InputEnumerator().documents(in: [fx.path("linked"), fx.path("real"), fx.path("other")]).map(\.sourcePath)
                == ["linked/a.docx", "linked/more/sub/b.docx"])

        // Thirty folders, each with two links to the next: 2^30 paths, each folder walked once.
        for level in 0..<30 {
            try fileManager.createDirectory(atPath: fx.path("chain/d\(level)"), withIntermediateDirectories: true)
            if level > 0 {
                for link in ["l1", "l2"] {
                    try fileManager.createSymbolicLink(atPath: fx.path("chain/d\(level - 1)/\(link)"), withDestinationPath: fx.path("chain/d\(level)"))
                }
            }
        }
        try fx.write("chain/d29/deep.docx", try BatchFixtures.docx(["deep"]))
        let chain = try InputEnumerator().documents(in: [fx.path("chain/d0")]).map(\.sourcePath)
        #expect(chain == ["d0/" + String(repeating: "l1/", count: 29) + "deep.docx"])

        try fileManager.createDirectory(atPath: fx.path("empty/.git"), withIntermediateDirectories: true)
        try fx.write("empty/.git/c.docx", try BatchFixtures.docx(["hidden"]))
        #expect {
            try BatchRunner(options: BatchOptions(inputs: [fx.path("empty")], outputDirectory: fx.path("out2"))).run()
        } throws: { error in
            guard case RegridError.invalidInput(let message) = error else { return false }
            return message.contains("no documents found")
        }
    }

    @Test(.enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
    func symlinkedFolderConvertsAndNothingFoundExitsTwo() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("real/a.docx", try BatchFixtures.docx(["a"]))
        try FileManager.default.createSymbolicLink(atPath: fx.path("linked"), withDestinationPath: fx.path("real"))
        let run = try RegridExecutable.run(["batch", fx.path("linked"), "--out", fx.path("out"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fx.files(under: "out").contains("linked/a.docx.json"))
        try FileManager.default.createDirectory(atPath: fx.path("empty"), withIntermediateDirectories: true)
        let empty = try RegridExecutable.run(["batch", fx.path("empty"), "--out", fx.path("out2"), "--quiet"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no documents found"), "\(empty.stderr)")
    }

    // Item 13: a zip inside a zip is opened (one level); hidden folders inside zips are left out.
    @Test func archivesInsideArchivesAndHiddenFolders() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let docx = try BatchFixtures.docx(["x"])
        let inner = try BatchFixtures.archive([("a.docx", docx), ("sub/b.docx", docx), (".git/c.docx", docx)])
        let innermost = try BatchFixtures.archive([("deep.docx", docx)])
        try fx.write("outer.zip", try BatchFixtures.archive([
            ("2021/inner.ZIP", inner), ("top.docx", docx), (".svn/x.docx", docx), ("a/.hidden/y.docx", docx),
            ("word.zip", docx), ("nest.zip", try BatchFixtures.archive([("innermost.zip", innermost)])),
            ("renamed.bin", inner),
        ]))
        let options = BatchOptions(inputs: [fx.path("outer.zip")], outputDirectory: fx.path("out"), jobs: 1)
        let refs = try BatchRunner(options: options).documents()
        #expect(refs.map(\.sourcePath) == [
            "outer.zip!/2021/inner.ZIP!/a.docx", "outer.zip!/2021/inner.ZIP!/sub/b.docx", "outer.zip!/top.docx",
            "outer.zip!/word.zip", "outer.zip!/nest.zip!/innermost.zip", "outer.zip!/renamed.bin",
        ])
        let result = try BatchRunner(options: options).run()
        #expect(result.ok == 4 && result.failed == 2)
        #expect(fx.files(under: "out").filter { $0.hasSuffix(".json") } == [
            "outer.zip/2021/inner.ZIP/a.docx.json", "outer.zip/2021/inner.ZIP/sub/b.docx.json",
            "outer.zip/top.docx.json", "outer.zip/word.zip.json",
        ])
        let rows = try Catalog(path: options.catalogPath).entries(status: .failed)
        #expect(rows.map(\.sourcePath) == ["outer.zip!/nest.zip!/innermost.zip", "outer.zip!/renamed.bin"])
        #expect(rows.first?.error?.contains("inside an archive inside an archive") == true, "\(rows.first?.error ?? "")")
        #expect(rows.last?.error?.contains("does not end in .zip") == true, "\(rows.last?.error ?? "")")
    }
}
