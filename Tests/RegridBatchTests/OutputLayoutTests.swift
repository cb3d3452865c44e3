import Foundation
import RegridBatch
import RegridKit
import Testing

@Suite("Output layout and progress")
struct OutputLayoutTests {
    @Test func stemsStayInsideTheOutputFolder() {
        #expect(OutputLayout.relativeStem(for: "reports/a.docx") == "reports/a.docx")
        #expect(OutputLayout.relativeStem(for: "/data/reports/a.docx") == "data/reports/a.docx")
        #expect(OutputLayout.relativeStem(for: "in.zip!/2021/b.docx") == "in.zip/2021/b.docx")
        #expect(OutputLayout.relativeStem(for: "in.zip!/../../etc/passwd") == "in.zip/_../_../etc/passwd")
        #expect(OutputLayout.relativeStem(for: "_drafts/_a.docx") == "__drafts/__a.docx")
        #expect(OutputLayout.relativeStem(for: "in.zip!/a\\..\\..\\b.docx") == "in.zip/a/_../_../b.docx")
        #expect(OutputLayout.relativeStem(for: "in.zip!/.hidden.docx") == "in.zip/_.hidden.docx")
        let hostile = ["../x", "../../x", "/x", "./x", "x/../../y", "a/./b", ".x", "_.x", "__.x", "..", ".", "_..", "_.", "a//b"]
        for source in hostile {
            let stem = OutputLayout.relativeStem(for: source)
            let components = stem.split(separator: "/")
            #expect(!stem.hasPrefix("/"), "\(source) → \(stem)")
            #expect(!components.contains { $0 == ".." || $0 == "." || $0.hasPrefix(".") }, "\(source) → \(stem)")
        }
        // Distinct components stay distinct.
        let distinct = [".x", "_.x", "__.x", "..", "_..", ".", "_."]
        #expect(Set(distinct.map(OutputLayout.relativeStem)).count == distinct.count)
    }

    @Test func progressLineAndSummary() {
        var progress = BatchProgress(total: 10_000, ok: 1_200, failed: 3, skipped: 31, alreadyDone: 234, elapsed: 20)
        // 1000 processed in this run over 20 s = 50 docs/s; 8766 left → 175 s.
        #expect(progress.rate == 50)
        #expect(progress.line == "1234/10000 docs  50.0 docs/s  3 failed  31 skipped  234 already done  ETA 2:55")
        progress.elapsed = 0
        #expect(progress.line.hasSuffix("ETA --:--"))
        let done = BatchProgress(total: 4, ok: 3, failed: 1, elapsed: 3_725)
        #expect(done.summary == "4 documents: 3 ok, 1 failed, 0 skipped (0 already done) in 1:02:05, 0.0 docs/s")
        #expect(BatchProgress(total: 1, ok: 1, elapsed: 1).summary.hasPrefix("1 document: 1 ok, "))
        #expect(Wording.count(0, "document") == "0 documents" && Wording.count(1, "figure") == "1 figure")
    }
}
