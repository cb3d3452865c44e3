import Foundation

/// How the names of zip entries are decoded when the archive does not mark them as UTF-8
/// (general-purpose flag bit 11). Zip tools on Chinese Windows write GBK names without the flag;
/// the zip specification's default, CP437, would turn them into box-drawing mojibake.
public enum ZipNameEncoding: String, CaseIterable, Sendable {
    /// UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK) when they are valid
    /// GB18030, else CP437.
    case automatic = "auto"
    /// Always UTF-8 (invalid bytes become U+FFFD).
    case utf8 = "utf-8"
    /// GB18030 / GBK for names without the UTF-8 flag.
    case gb18030
    /// CP437, the zip specification's default, for names without the UTF-8 flag.
    case cp437

    /// The name of one entry.
    /// - Parameters:
    ///   - raw: the name's bytes as stored.
    ///   - flaggedUTF8: the entry carries the UTF-8 flag (such names are always read as UTF-8).
    ///   - cp437: the name decoded as CP437 (by the zip library).
    func decode(raw: [UInt8], flaggedUTF8: Bool, cp437: @autoclosure () -> String) -> String {
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        if flaggedUTF8 { return String(decoding: raw, as: UTF8.self) }
        switch self {
        case .utf8:
            return String(decoding: raw, as: UTF8.self)
        case .automatic:
            if TextDecoding.firstInvalidUTF8(raw) == nil { return String(decoding: raw, as: UTF8.self) }
            return ZipNameEncoding.gb18030String(raw) ?? cp437()
        case .gb18030:
            return ZipNameEncoding.gb18030String(raw) ?? String(decoding: raw, as: UTF8.self)
        case .cp437:
            return cp437()
        }
    }

    /// `bytes` as GB18030, when they are well-formed GB18030.
    static func gb18030String(_ bytes: [UInt8]) -> String? {
        guard TextDecoding.isGB18030(bytes) else { return nil }
        return String(data: Data(bytes), encoding: TextDecoding.gb18030)
    }
}
