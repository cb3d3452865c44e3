import Foundation
import CoreFoundation
import RegridFixtures
import RegridKit
import Testing

/// `regrid convert`, `extract` and `check` as a new user meets them: the format taken from `-o`,
/// `-` for standard input, write errors that say what could not be written.
@Suite("regrid convert, extract and check as a new user uses them",
       .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct ConvertCLITests {
    /// A two-table flattened text (cell per line) that every format can write.
    static let flatText = Array("Title\n\n\tA\n\tB\n\n\t1\n\t2\n\nBetween\n\n\tX\n\tY\n\n\t3\n\t4\n\n".utf8)

    @Test func theOutputFormatComesFromTheOutputFileExtension() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("report.txt", Self.flatText)
        let expectations: [(String, (String) -> Bool)] = [
            ("out.xlsx", { $0.hasPrefix("PK") }),
            ("out.docx", { $0.hasPrefix("PK") }),
            ("out.HTML", { $0.contains("<table") }),
            ("out.htm", { $0.contains("<table") }),
            ("out.md", { $0.contains("| A |") || $0.contains("|A|") || $0.contains("| A") }),
            ("out.json", { $0.contains("\"format\"") && $0.contains("regrid.document") }),
        ]
        for (name, looksRight) in expectations {
            let run = try RegridExecutable.run(["convert", fx.path("report.txt"), "-o", fx.path(name)])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fx.path(name))), as: UTF8.self)
            #expect(looksRight(written), "\(name) is not in the format its extension names: \(written.prefix(80))")
        }
        // CSV: one table only, so -o out.csv is one file.
        try fx.write("one.txt", Array("\tA\n\tB\n\n\t1\n\t2\n\n".utf8))
        let csv = try RegridExecutable.run(["convert", fx.path("one.txt"), "-o", fx.path("one.csv")])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: fx.path("one.csv"))), as: UTF8.self) == "A,B\r\n1,2\r\n")
    }

    @Test func aFormatThatContradictsTheOutputNameIsRefused() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("report.txt", Self.flatText)
        let run = try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "json", "-o", fx.path("out.xlsx")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("contradicts"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fx.path("out.xlsx")))
        // Agreeing, in any case; an unknown extension keeps -t; -t alone still works.
        #expect(try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "XLSX", "-o", fx.path("b.xlsx")]).status == 0)
        #expect(try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "Html", "-o", fx.path("c.out")]).status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: fx.path("c.out"))), as: UTF8.self).contains("<table"))
        let markdown = try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.contains("|"), "\(markdown.stderr)")
        let unknown = try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "pdf"])
        #expect(unknown.status == 2)
    }

    @Test func dashReadsStandardInput() throws {
        // A generated annual report with no planted violation: `check` must pass it.
        let docx = try DisclosureReportGenerator(.init(layout: "2021", seed: 203)).generate().docx()

        let convert = try RegridExecutable.run(["convert", "-"], input: docx)
        #expect(convert.status == 0, "\(convert.stderr)")
        let document = try JSONDecoder().decode(Document.self, from: Data(convert.stdout.utf8))
        #expect(document.tables.count >= 3)
        #expect(document.source.name == "stdin")

        let extract = try RegridExecutable.run(["extract", "-"], input: docx)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout.contains("regrid.cn-gov-disclosure"))

        let check = try RegridExecutable.run(["check", "-"], input: docx)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("<stdin>"))

        let empty = try RegridExecutable.run(["convert", "-"], input: [])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("regrid: <stdin>: the file is empty"), "\(empty.stderr)")
        #expect(try RegridExecutable.run(["check", "-", "-"], input: docx).status == 2)
    }

    @Test func writeErrorsSayCannotWriteWithTheSystemReason() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("report.txt", Self.flatText)
        try fx.write("plain-file", Array("x".utf8))
        // A folder that cannot be made: a file is in the way.
        let blocked = try RegridExecutable.run(["convert", fx.path("report.txt"), "-t", "csv", "-o", fx.path("plain-file/sub") + "/"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("cannot create the folder \(fx.path("plain-file"))"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains("cannot read") && !blocked.stderr.contains("could not be completed"))
        // A file that cannot be written: its folder does not exist.
        let missing = try RegridExecutable.run(["convert", fx.path("report.txt"), "-o", fx.path("no/such/folder/out.json")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot write \(fx.path("no/such/folder/out.json")): No such file or directory"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("cannot read"))
    }

    /// `--encoding` reads a text in the encoding given; an unknown name is bad usage (exit 2), and
    /// bytes the encoding cannot decode fail with the file named (exit 1).
    @Test func encodingIsGivenOnTheCommandLine() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let sjis = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0A01))
        let text = "\t項目\n\t件数\n\n\t東京都\n\t12\n\n\n"
        try fx.write("jp.txt", Array(try #require(text.data(using: sjis))))
        let given = try RegridExecutable.run(["convert", fx.path("jp.txt"), "--encoding", "shift_jis", "-t", "csv"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("東京都"), "\(given.stdout)")
        let unknown = try RegridExecutable.run(["convert", fx.path("jp.txt"), "--encoding", "klingon"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("klingon"), "\(unknown.stderr)")
        try fx.write("utf8.txt", Array(text.utf8))
        let wrong = try RegridExecutable.run(["check", fx.path("utf8.txt"), "--encoding", "big5"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("utf8.txt") && wrong.stderr.contains("not valid big5"), "\(wrong.stderr)")
    }
}
