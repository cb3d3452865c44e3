import Foundation
import Testing
@testable import RegridKit

/// Reading whole input files: the bytes exactly, and a clear reason when there are none.
@Suite struct LocalFileTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "regrid-inputfile-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4095, 65_536, 1_000_003])
    func readsEveryByteOfARegularFile(_ size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try LocalFile.bytes(atPath: path) == bytes)
    }

    @Test func readsAPipeToItsEnd() throws {
        // /dev/stdin-like input: a FIFO fed by another thread, longer than one read chunk.
        let path = NSTemporaryDirectory() + "regrid-fifo-\(UUID().uuidString)"
        guard mkfifo(path, 0o600) == 0 else { Issue.record("mkfifo failed"); return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let payload = Array(String(repeating: "\t表三\t申请人情况\n", count: 20_000).utf8)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(payload))
            try? handle.close()
        }
        writer.start()
        #expect(try LocalFile.bytes(atPath: path) == payload)
    }

    @Test(arguments: [0, 5, 300_007])
    func writesExactlyTheBytesAndReplacesAnOldFile(_ size: Int) throws {
        let path = try Self.temporaryFile(Array(repeating: 0x41, count: 400_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        try LocalFile.writeAtomically(bytes, toPath: path)
        #expect(try LocalFile.bytes(atPath: path) == bytes)
        #expect(!FileManager.default.fileExists(atPath: LocalFile.temporaryPath(for: path)))
    }

    @Test func aWriteThatCannotHappenSaysWhere() {
        #expect(throws: RegridError.output("cannot write /nonexistent/regrid/out.json: No such file or directory")) {
            try LocalFile.writeAtomically([1, 2, 3], toPath: "/nonexistent/regrid/out.json")
        }
    }

    @Test func namesWhatIsWrong() throws {
        #expect(throws: RegridError.io("no such file")) { try LocalFile.bytes(atPath: "/nonexistent/regrid/input.docx") }
        #expect(throws: RegridError.io("it is a directory")) { try LocalFile.bytes(atPath: NSTemporaryDirectory()) }
    }
}
