import Foundation

/// Reads a whole input file into one byte array: the thin POSIX layer (`open`/`fstat`/`read`)
/// for the CLI and batch inputs. `Data(contentsOf:)` followed by `Array(_:)` holds and
/// page-faults the input twice, which for a 100 MB text was a fifth of the time to convert it.
public enum InputFile {
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

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EISDIR: return "it is a directory"
        case EACCES, EPERM: return "permission denied or unreadable"
        default: return String(cString: strerror(code))
        }
    }
}
