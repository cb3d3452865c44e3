import ArgumentParser
import Foundation
import RegridKit

/// A failure the CLI reports as `regrid: FILE: message` with a non-zero exit.
struct CLIFailure: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "\(file): \(message)" }
}

enum CLIInput {
    /// Reads and converts one file; errors name the file.
    static func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> Document {
        let bytes: [UInt8]
        do {
            bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw failure(path, RegridError.io(ioReason(path)))
        }
        do {
            return try Regrid.read(bytes: bytes, name: (path as NSString).lastPathComponent, options: options)
        } catch {
            throw failure(path, error)
        }
    }

    static func failure(_ path: String, _ error: RegridError) -> Error {
        FileHandle.standardError.write(Data("regrid: \(path): \(error.description)\n".utf8))
        return ExitCode(1)
    }

    private static func ioReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return "permission denied or unreadable"
    }
}

enum CLIOutput {
    /// Writes to `path` atomically, or to standard output when `path` is nil or "-".
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("regrid: \(path): cannot write output: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
