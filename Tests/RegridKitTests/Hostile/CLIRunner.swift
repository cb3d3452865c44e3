import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `regrid` executable as a child process with a time limit, measuring its peak
/// resident memory.
enum CLIRunner {
    /// What one run did.
    struct Result {
        /// Exit status of `regrid`, nil when it was killed by a signal or timed out.
        var exitStatus: Int32?
        /// Human description of an abnormal end (signal, timeout), nil for a normal exit.
        var abnormalEnd: String?
        var standardError: String
        /// Peak resident set size in KiB: of this child when `/usr/bin/time` is installed,
        /// otherwise the largest of all children so far (an upper bound).
        var peakRSSKiB: Int
        /// Wall-clock seconds from start to exit.
        var seconds: Double
    }

    /// `regrid` from the same build directory as the test bundle (`swift test` builds it).
    static let executable: URL? = {
        var candidates: [URL] = []
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = me.deletingLastPathComponent()
        for _ in 0..<4 {   // …/debug/RegridPackageTests.xctest[/Contents/MacOS/…]
            candidates.append(dir.appendingPathComponent("regrid"))
            dir.deleteLastPathComponent()
        }
        candidates.append(SharedCorpus.repositoryRoot.appendingPathComponent(".build/debug/regrid"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private static let timeTool = "/usr/bin/time"
    private static let timeoutTool = ["/usr/bin/timeout", "/bin/timeout"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `regrid arguments…` with `timeout` seconds to finish; output files live in `scratch`;
    /// `environment` is added to this process's.
    static func run(_ arguments: [String], timeout: Int, scratch: URL, environment: [String: String] = [:]) throws -> Result {
        guard let executable else { throw CLIRunnerError.noExecutable }
        let errorFile = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
        let rssFile = scratch.appendingPathComponent("rss-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CLIRunnerError.scratch(errorFile.path)
        }
        defer {
            try? FileManager.default.removeItem(at: errorFile)
            try? FileManager.default.removeItem(at: rssFile)
        }
        let useTime = FileManager.default.isExecutableFile(atPath: timeTool)
        var command: [String] = []
        if useTime { command += [timeTool, "-f", "%M", "-o", rssFile.path] }
        if let timeoutTool { command += [timeoutTool, "-s", "KILL", String(timeout)] }
        command += [executable.path] + arguments

        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { try? errorHandle.close() }
        process.standardError = errorHandle

        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        // `timeout` kills regrid; this is the backstop should `timeout` itself be missing or stuck.
        // (Polled rather than a terminationHandler, which leaks the Process on Linux Foundation.)
        let deadline = start + .seconds(timeout + 30)
        while process.isRunning {
            if clock.now > deadline {
                process.terminate()
                process.waitUntilExit()
                return Result(exitStatus: nil, abnormalEnd: "no exit after \(timeout + 30) s; killed",
                              standardError: "", peakRSSKiB: 0, seconds: Double(timeout + 30))
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()

        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var standardError = text(of: errorFile) ?? "<stderr not UTF-8>"
        let timeReport = text(of: rssFile) ?? ""
        var peak = Int(timeReport.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        if !useTime || peak == 0 { peak = childrenPeakRSSKiB() }

        let status = process.terminationStatus
        var abnormal: String?
        if process.terminationReason == .uncaughtSignal {
            abnormal = "killed by signal \(status)"
        } else if status == 137 && timeoutTool != nil {
            abnormal = "killed by the \(timeout) s time limit"
        } else if status > 128 || timeReport.contains("terminated by signal") {
            abnormal = "ended by a signal (status \(status)); \(timeReport.split(separator: "\n").first ?? "")"
        }
        if standardError.count > 4000 { standardError = String(standardError.prefix(4000)) + "…" }
        return Result(exitStatus: abnormal == nil ? status : nil, abnormalEnd: abnormal,
                      standardError: standardError, peakRSSKiB: peak, seconds: seconds)
    }

    /// The UTF-8 text of a file; "" for an empty or missing one, which is not read at all
    /// (Foundation leaks its read buffer on 0-byte files, and LeakSanitizer runs would say so).
    private static func text(of url: URL) -> String? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
              size.intValue > 0 else { return "" }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// `ru_maxrss` of the largest child this process has waited for, in KiB.
    private static func childrenPeakRSSKiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        return usage.ru_maxrss / 1024
        #endif
    }
}

enum CLIRunnerError: Error, CustomStringConvertible {
    case noExecutable
    case scratch(String)
    var description: String {
        switch self {
        case .noExecutable:
            return "the regrid executable was not found beside the test bundle or in .build/debug (run `swift build` first)"
        case .scratch(let path):
            return "cannot create \(path)"
        }
    }
}
