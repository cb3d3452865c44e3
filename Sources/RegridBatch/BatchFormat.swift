import Foundation
import RegridKit

/// The output formats a batch (and `catalog export`) can write. The one place in batches that
/// maps a format to its writer: when the writers' own registry lands, this delegates to it.
public enum BatchFormat: String, CaseIterable, Sendable {
    case json

    /// One file of a rendered document.
    public struct File: Equatable, Sendable {
        /// Appended to the output stem: `.json`, or `-t2.csv` for a per-table format.
        public var suffix: String
        public var bytes: [UInt8]
    }

    /// The document in this format: one file, or one per table for per-table formats.
    public func render(_ document: Document) throws(RegridError) -> [File] {
        switch self {
        case .json:
            return [File(suffix: ".json", bytes: Array(JSONWriter().write(document).utf8))]
        }
    }

    /// Parses a comma-separated list such as `json,csv` (order kept, duplicates dropped).
    /// - Throws: ``RegridError/invalidInput(_:)`` naming an unknown format and the known ones.
    public static func parseList(_ text: String) throws(RegridError) -> [BatchFormat] {
        var formats: [BatchFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = BatchFormat(rawValue: name) else {
                let known = BatchFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidInput("unknown output format '\(name)' (known: \(known))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw .invalidInput("no output format given") }
        return formats
    }
}
