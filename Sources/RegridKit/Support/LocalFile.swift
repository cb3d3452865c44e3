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

    /// Writes `bytes` so that readers (or a run resumed after `kill -9`) only ever see the old
    /// file, the complete new one, or none: the bytes go to `.NAME.partial` in the same folder,
    /// which is then renamed over NAME. No `fsync`: a process crash cannot leave a partial NAME,
    /// a power cut may (as with most tools; the batch catalog makes the same trade).
    /// - Throws: ``RegridError/output(_:)`` naming the path; the temporary file is removed.
    public static func writeAtomically(_ bytes: [UInt8], toPath path: String) throws(RegridError) {
        let temporary = temporaryPath(for: path)
        var failure = systemWriteFile(bytes, temporary)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw .output("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }

    /// Creates the folder at `path` and any missing parents (as `mkdir -p`); an existing folder is
    /// fine.
    /// - Throws: ``RegridError/output(_:)`` naming the folder and the system's reason (a file in
    ///   the way, permission denied, read-only file system, …).
    public static func createDirectories(atPath path: String) throws(RegridError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let failure = errno
                var status = stat()
                let isFolder = stat(prefix, &status) == 0 && status.st_mode & 0o170000 == 0o040000
                if !(failure == EEXIST && isFolder) {
                    let why = failure == EEXIST ? "a file of that name is in the way" : String(cString: strerror(failure))
                    throw .output("cannot create the folder \(prefix): \(why)")
                }
            }
            prefix += "/"
        }
    }

    /// The temporary name used for `path` (a hidden file, so it never looks like an output).
    static func temporaryPath(for path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." + path + ".partial" }
        return path[...slash] + "." + path[path.index(after: slash)...] + ".partial"
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

/// Writes `bytes` to `path` (created or truncated, mode 0644 before the umask) with the C
/// library's `open`/`write`/`close`; 0 or the `errno` of the first failure. (Outside
/// ``LocalFile``, where `write` would name its own method.)
private func systemWriteFile(_ bytes: [UInt8], _ path: String) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return errno }
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let n = write(fd, base + done, buffer.count - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            failure = n < 0 ? errno : EIO
            return
        }
    }
    if close(fd) != 0 && failure == 0 { failure = errno }
    return failure
}
