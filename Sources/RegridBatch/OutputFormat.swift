import Foundation
import RegridKit

/// The output formats a batch (and `catalog export`) can write. The one place that maps a
/// format to its writer: add a case and its lines in ``render(_:)`` when a writer lands.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json

    /// One file of a rendered document.
    public struct File: Equatable, Sendable {
        /// Appended to the output stem after a dot: `json`, or `t2.csv` for a per-table format.
        public var suffix: String
        public var bytes: [UInt8]
    }

    /// The document in this format: one file, or one per table for per-table formats.
    public func render(_ document: Document) throws(RegridError) -> [File] {
        switch self {
        case .json:
            return [File(suffix: "json", bytes: Array(JSONWriter().write(document).utf8))]
        }
    }

    /// Parses a comma-separated list such as `json,csv` (order kept, duplicates dropped).
    /// - Throws: ``RegridError/invalidInput(_:)`` naming an unknown format and the known ones.
    public static func parseList(_ text: String) throws(RegridError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = OutputFormat(rawValue: name) else {
                let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidInput("unknown output format '\(name)' (known: \(known))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw .invalidInput("no output format given") }
        return formats
    }
}
