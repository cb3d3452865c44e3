import Foundation

/// The built `regrid` executable beside the test bundle (`swift test` builds it), or
/// `$REGRID_EXECUTABLE`. Tests that launch it are disabled, saying so, where it is absent.
enum RegridExecutable {
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["REGRID_EXECUTABLE"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in candidates {
            // On macOS the tests run inside `X.xctest/Contents/MacOS`; the products sit beside the bundle.
            for base in [folder, folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()] {
                let url = base.appendingPathComponent("regrid")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    /// Runs `regrid arguments` to completion (fed `input` on standard input, if given; in
    /// `directory`, else the tests' own); returns its exit status, standard error and standard output.
    static func run(_ arguments: [String], input: [UInt8]? = nil,
                    in directory: String? = nil) throws -> (status: Int32, stderr: String, stdout: String) {
        guard let url else { return (-1, "regrid executable not found", "") }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        let feed = input.map { _ in Pipe() }
        process.standardInput = feed ?? FileHandle.nullDevice
        try process.run()
        if let feed, let input {
            // Written on another thread: a large input must not block while regrid's output fills its pipe.
            let writer = feed.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(Data(input))
                try? writer.close()
            }
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self), String(decoding: outData, as: UTF8.self))
    }
}
