import Foundation
import CoreFoundation

/// A text encoding given by the user (`regrid … --encoding NAME`) for text and HTML inputs: it
/// replaces detection and any charset the page declares. Any IANA name Foundation knows:
/// `gbk`, `gb18030`, `big5`, `big5-hkscs`, `shift_jis`, `euc-kr`, `utf-16le`, `windows-1252`, ….
public struct TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// The name as given, lower-cased.
    public let name: String
    private let rawValue: UInt

    /// The encoding an IANA charset name stands for; nil when Foundation does not know the name.
    public init?(name: String) {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard !lowered.isEmpty, let cfName = CFStringCreateWithCString(nil, lowered, CFStringBuiltInEncodings.UTF8.rawValue) else {
            return nil
        }
        let cf = CFStringConvertIANACharSetNameToEncoding(cfName)
        guard cf != kCFStringEncodingInvalidId else { return nil }
        self.name = lowered
        self.rawValue = CFStringConvertEncodingToNSStringEncoding(cf)
    }

    public var description: String { name }

    /// `bytes` decoded, or nil when they are not valid in this encoding. A byte-order mark of a
    /// Unicode encoding is dropped.
    func decode(_ bytes: [UInt8]) -> String? {
        guard let text = String(data: Data(bytes), encoding: String.Encoding(rawValue: rawValue)) else { return nil }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
