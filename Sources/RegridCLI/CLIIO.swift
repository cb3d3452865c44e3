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
    /// The argument that stands for standard input, as in pandoc and csvkit.
    static let standardInput = "-"

    /// Reads and converts one file (`-`: standard input); errors name the file.
    static func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> Document {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.bytes(atPath: path == standardInput ? "/dev/stdin" : path)
        } catch {
            throw failure(displayName(path), error)
        }
        do {
            let name = path == standardInput ? "stdin" : (path as NSString).lastPathComponent
            return try Regrid.read(bytes: bytes, name: name, options: options)
        } catch {
            throw failure(displayName(path), error)
        }
    }

    /// How an input is named in messages: standard input as `<stdin>`.
    static func displayName(_ path: String) -> String {
        path == standardInput ? "<stdin>" : path
    }

    static func failure(_ path: String, _ error: RegridError) -> Error {
        FileHandle.standardError.write(Data("regrid: \(path): \(error.description)\n".utf8))
        return ExitCode(1)
    }
}

enum CLIOutput {
    /// Writes to `path` atomically, or to standard output when `path` is nil or "-".
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            // Handed to Foundation without a copy (outputs can be tens of megabytes).
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                FileHandle.standardOutput.write(
                    Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
            }
            return
        }
        do {
            try LocalFile.writeAtomically(bytes, toPath: path)
        } catch {
            FileHandle.standardError.write(Data("regrid: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Sends written files where `-o` says: standard output (one file; binary only when it is
    /// not a terminal), a directory (every file, under its own name), or one file.
    static func deliver(_ files: [OutputFile], format: OutputFormat, to output: String?, source: String) throws {
        func refuse(_ message: String) -> Error {
            FileHandle.standardError.write(Data("regrid: \(source): \(message)\n".utf8))
            return ExitCode(1)
        }
        if format.isPerTable && files.isEmpty {
            throw refuse("the document has no tables, so there is no \(format.rawValue.uppercased()) to write")
        }
        guard let output, output != "-" else {
            if format.isBinary && isatty(STDOUT_FILENO) == 1 {
                throw refuse("\(format.rawValue.uppercased()) is binary and standard output is a terminal; give -o FILE (or pipe the output)")
            }
            guard files.count == 1 else {
                throw refuse("the document has \(files.count) tables and \(format.rawValue.uppercased()) writes one file per table; give -o DIR")
            }
            return try write(files[0].bytes, to: nil)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if (exists && isDirectory.boolValue) || output.hasSuffix("/") {
            do {
                try LocalFile.createDirectories(atPath: output)
            } catch {
                throw refuse(error.description)
            }
            for file in files {
                try write(file.bytes, to: URL(fileURLWithPath: output).appendingPathComponent(file.name).path)
            }
            return
        }
        guard files.count == 1 else {
            throw refuse("the document has \(files.count) tables and \(format.rawValue.uppercased()) writes one file per table; -o must name a directory (an existing one, or a path ending in /)")
        }
        try write(files[0].bytes, to: output)
    }
}
