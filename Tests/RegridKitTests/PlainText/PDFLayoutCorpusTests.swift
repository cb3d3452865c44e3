import Foundation
import Testing
@testable import RegridKit
import RegridFixtures

/// Generic tables from `pdftotext -layout` text (``LayoutTextColumns``), measured on real
/// documents: every DOCX of `../shared/corpus/docx` made into PDF by LibreOffice and into text by
/// `pdftotext -layout` (`scripts/pdf-layout-corpus.sh`, texts in a cache that is never committed),
/// read like any text, against the same file's DOCX tables (TEDS on structure and text). And the
/// committed `-layout` texts of our generated reports read with the known layouts switched off.
/// `REGRID_PDF_SCORES=1` prints per-file lines.
@Suite struct PDFLayoutCorpusTests {
    static let verbose = ProcessInfo.processInfo.environment["REGRID_PDF_SCORES"] != nil

    static let cache: URL = {
        if let env = ProcessInfo.processInfo.environment["REGRID_PDF_LAYOUT_CACHE"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return SharedCorpus.repositoryRoot.appendingPathComponent(".build/pdf-layout-corpus")
    }()

    /// Found / missed / false tables, TEDS and exact share of one set of documents.
    struct Tally {
        var score = CorpusScoring.Score()
        var falseTables = 0
        var documents = 0
        var found: Int { score.matches.compactMap { $0 }.count }
        var missed: Int { score.matches.count - found }

        mutating func add(reference: [Table], candidate: [Table]) {
            let s = CorpusScoring.score(reference: reference, candidate: candidate)
            score.add(s)
            falseTables += candidate.count - s.matches.compactMap { $0 }.count
            documents += 1
        }

        /// Mean TEDS of the tables found (the missed ones count 0 in ``CorpusScoring/Score/mean``).
        var meanFound: Double {
            let found = zip(score.teds, score.matches).filter { $0.1 != nil }.map(\.0)
            return found.isEmpty ? 0 : found.reduce(0, +) / Double(found.count)
        }

        var line: String {
            String(format: "%d documents, %d tables: found %d, missed %d, false %d; mean TEDS %.3f (of the found %.3f), exact %.1f %%",
                   documents, score.teds.count, found, missed, falseTables, score.mean, meanFound, 100 * score.exactShare)
        }
    }

    @Test func corpusDOCXThroughPDFLayoutText() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx")
        guard !files.isEmpty else { print("skipped: ../shared/corpus/docx absent"); return }
        var tally = Tally()
        for url in files {
            let name = url.deletingPathExtension().lastPathComponent
            let textURL = Self.cache.appendingPathComponent(name + ".layout.txt")
            guard let data = try? Data(contentsOf: textURL) else { continue }
            let reference = try DOCXReader().read(bytes: Array(try Data(contentsOf: url)), name: url.lastPathComponent).tables
            // An empty text (LibreOffice printed nothing) holds no table to find: counted as missed.
            let read = data.isEmpty ? nil : try Regrid.read(bytes: Array(data), name: name + ".txt")
            try read?.validate()
            let candidate = read?.tables ?? []
            var one = Tally()
            one.add(reference: reference, candidate: candidate)
            if Self.verbose {
                let missed = zip(reference, one.score.matches).filter { $0.1 == nil }.map { "\($0.0.rows)×\($0.0.columns)" }
                print("pdf-layout corpus \(name): \(one.line)" + (missed.isEmpty ? "" : "; missed " + missed.joined(separator: " ")))
            }
            tally.add(reference: reference, candidate: candidate)
        }
        guard tally.documents > 0 else {
            print("skipped: no -layout texts in \(Self.cache.path) (run scripts/pdf-layout-corpus.sh)")
            return
        }
        print("pdf-layout corpus (corpus/docx → LibreOffice PDF → pdftotext -layout): \(tally.line)")
        // Floors at what the reading measured when written (README): a change that loses tables fails.
        #expect(tally.found >= 55, "\(tally.line)")
        #expect(tally.falseTables <= 8, "\(tally.line)")
    }

    /// The committed `-layout` texts of the generated reports, read without the known layouts,
    /// against the reports' DOCX tables.
    @Test func generatedReportsGenericallyWithoutKnownLayouts() throws {
        let folder = PDFTextFixtureTests.folder
        var tally = Tally()
        for (name, options) in DisclosureFixtureSet.pdf {
            let reference = try Regrid.read(bytes: DisclosureReportGenerator(options).generate().docx(), name: name + ".docx").tables
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("\(name).layout.txt")))
            let read = try PlainTextReader(templates: []).recover(bytes: bytes, name: name + ".layout.txt")
            try read?.validate()
            var one = Tally()
            one.add(reference: reference, candidate: read?.tables ?? [])
            if Self.verbose { print("pdf-layout generic \(name): \(one.line)") }
            tally.add(reference: reference, candidate: read?.tables ?? [])
            #expect(read?.tables.allSatisfy { $0.layout == nil && $0.diagnostics.first?.code == "table-from-gutters" } ?? true)
        }
        print("generated reports' -layout text, known layouts off: \(tally.line)")
        #expect(tally.found >= tally.score.teds.count / 2, "\(tally.line)")
    }
}
