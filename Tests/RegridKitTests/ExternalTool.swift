import Foundation

/// Runs an outside converter (LibreOffice, pandoc) that a test checks our output against.
enum ExternalTool {
    /// Runs `tool arguments…` with its output discarded; true when it ended within `timeout`
    /// seconds, false when it had to be stopped.
    static func run(_ tool: String, _ arguments: [String], timeout: Double) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        guard process.isRunning else { return true }
        process.terminate()
        return false
    }
}
