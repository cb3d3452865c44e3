import Foundation
import RegridKit

/// Writes files so that a reader (or a resumed run after `kill -9`) only ever sees a complete
/// file or none: the bytes go to `.NAME.partial` in the same folder, then are renamed over NAME.
/// (A process crash cannot leave a partial NAME; no fsync is done, so a power cut may.)
enum AtomicFile {
    /// The temporary name used for `path` (a hidden file, so it never looks like an output).
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
    }

    /// Writes `bytes` to `path` atomically, creating its folder.
    /// - Throws: ``RegridError/output(_:)`` naming the path.
    static func write(_ bytes: [UInt8], to path: String) throws(RegridError) {
        let fileManager = FileManager.default
        let url = URL(fileURLWithPath: path)
        let temporary = temporaryPath(for: path)
        do {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // A plain write of the temporary file (no fsync); the rename below is the atomic step.
            try LocalFile.write(bytes, toPath: temporary)
            if rename(temporary, path) != 0 {
                throw RegridError.output("\(path): rename failed: \(String(cString: strerror(errno)))")
            }
        } catch let error as RegridError {
            try? fileManager.removeItem(atPath: temporary)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: temporary)
            throw .output("\(path): \(error.localizedDescription)")
        }
    }
}
