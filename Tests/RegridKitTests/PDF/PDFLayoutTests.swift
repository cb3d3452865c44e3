import Foundation
import Testing
@testable import RegridKit

/// The layout of a PDF page's characters into `pdftotext -layout`-shaped text.
@Suite struct PDFLayoutTests {
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/pdf-text")

    /// `REGRID_PDF_DUMP=DIR` writes the laid-out text of each committed PDF into DIR (to compare
    /// it with `pdftotext -layout`).
    @Test(.enabled(if: PDFReader.isAvailable && ProcessInfo.processInfo.environment["REGRID_PDF_DUMP"] != nil))
    func dumpLaidOutText() throws {
        let out = ProcessInfo.processInfo.environment["REGRID_PDF_DUMP"] ?? "/tmp"
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where file.hasSuffix(".pdf") {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let text = try PDFReader().layoutText(bytes).text
            try Data(text).write(to: URL(fileURLWithPath: out).appendingPathComponent(file + ".txt"))
        }
    }
}
