#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on a loopback port that nothing may ever connect to: hostile documents point
/// their external entities and DTDs at it, and a test fails if any connection was attempted.
/// (Test support only: the product never opens sockets.)
final class NetworkCanary {
    private let socketDescriptor: Int32
    /// The port to name in hostile URLs.
    let port: Int

    init?() {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound, fcntl(fd, F_SETFL, O_NONBLOCK) == 0 else {
            close(fd)
            return nil
        }
        socketDescriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socketDescriptor) }

    /// Connections made to the port since the last call (each is accepted and closed).
    func takeConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            if connection < 0 { return count }
            close(connection)
            count += 1
        }
    }
}
