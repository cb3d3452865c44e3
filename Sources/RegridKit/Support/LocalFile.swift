import Foundation

/// Whole files in and out as byte arrays: the thin POSIX layer (`open`/`fstat`/`read`/`write`)
/// for the CLI's and the batch's inputs and the batch's outputs.
/// - Reading: `Data(contentsOf:)` followed by `Array(_:)` holds and page-faults the input
///   twice, which for a 100 MB text was a fifth of the time to convert it.
/// - Writing: Foundation's `Data.write(to:)` calls `fsync` on every file, even without
///   `.atomic`; a batch writing a few files per document spent a fifth of its time there.
public enum LocalFile {
    /// The bytes of the file at `path` (a regular file, or anything `read` works on, such as a
    /// pipe).
    /// - Throws: ``RegridError/io(_:)`` naming the problem: no such file, a directory,
    ///   permission denied, or the system's message for a read error.
    public static func bytes(atPath path: String) throws(RegridError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(reason(errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .io(reason(errno)) }
        guard status.st_mode & 0o170000 != 0o040000 else { throw .io(reason(EISDIR)) }
        // One byte more than the stated size, so that a regular file ends inside the first piece.
        var chunk = max(Int(status.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failure: Int32 = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                while count < chunk {
                    let n = read(fd, base + count, chunk - count)
                    if n > 0 { count += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno }
                    return
                }
            }
            if failure != 0 { throw .io(reason(failure)) }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if piece.count < chunk { return bytes }
            chunk = max(chunk, 1 << 16)   // more than stated: a growing file or a pipe
        }
    }

    /// Writes `bytes` to `path` (created or truncated, mode 0644 before the umask), without
    /// `fsync`: after a process crash the file is complete or partial, never reordered; after a
    /// power cut it may be partial (callers that need all-or-nothing write a temporary name and
    /// rename it).
    /// - Throws: ``RegridError/output(_:)`` naming the path and the system's reason.
    public static func write(_ bytes: [UInt8], toPath path: String) throws(RegridError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .output("\(path): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < buffer.count {
                let n = systemWrite(fd, base + done, buffer.count - done)
                if n > 0 { done += n; continue }
                if n < 0 && errno == EINTR { continue }
                failure = n < 0 ? errno : EIO
                return
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw .output("\(path): \(String(cString: strerror(failure)))") }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EISDIR: return "it is a directory"
        case EACCES, EPERM: return "permission denied or unreadable"
        default: return String(cString: strerror(code))
        }
    }
}

/// The C library's `write` (inside ``LocalFile`` the name means its own `write(_:toPath:)`).
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
