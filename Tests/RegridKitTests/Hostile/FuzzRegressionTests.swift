import Foundation
import Testing
@testable import RegridKit

/// Inputs the fuzzers (Fuzz/) found, kept under Fixtures/fuzz/{docx,flat,html}/ in the fuzzers' own
/// input format: each must read to a clear ``RegridError`` or to a document that passes
/// ``Document/validate()``; a crash here is a regression.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let dir = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0).path }
    }

    @Test(arguments: inputs("docx"))
    func docx(_ path: String) throws {
        let input = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        try #require(!input.isEmpty)
        // Same modes as Fuzz/FuzzDOCX: even first byte = whole package, odd = document.xml alone.
        let bytes = input[0] & 1 == 0
            ? Array(input.dropFirst())
            : try DOCXFixture.package(document: Array(input.dropFirst()))
        expectSound { () throws(RegridError) in try DOCXReader().read(bytes: bytes, name: "fuzz.docx") }
    }

    @Test(arguments: inputs("flat"))
    func flatText(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        expectSound { () throws(RegridError) in try FlatTextReader().read(bytes: bytes, name: "fuzz.txt") }
    }

    @Test(arguments: inputs("html"))
    func html(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        expectSound { () throws(RegridError) in try HTMLReader().read(bytes: bytes, name: "fuzz.html") }
    }

    private func expectSound(_ read: () throws(RegridError) -> Document) {
        do {
            let document = try read()
            #expect(throws: Never.self) { try document.validate() }
            #expect(!JSONWriter().write(document).isEmpty)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
