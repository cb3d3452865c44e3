import Foundation
import RegridKit

/// The output formats of a batch (and `catalog export`): RegridKit's ``OutputFormat``s, written
/// through ``WriterRegistry`` (the one place that picks a writer). Here only the names of the files
/// are adapted to the batch's layout.
public typealias BatchFormat = OutputFormat

extension OutputFormat {
    /// One file of a rendered document.
    public struct File: Equatable, Sendable {
        /// Appended to the output stem: `.json`, or `-t2.csv` for a per-table format.
        public var suffix: String
        public var bytes: [UInt8]
    }

    /// The document in this format: one file, or one per table for per-table formats.
    public func render(_ document: Document, options: WriteOptions = WriteOptions()) throws(RegridError) -> [File] {
        let stem = WriterRegistry.stem(of: document.source.name)
        return try WriterRegistry.write(document, as: self, options: options).map { file in
            File(suffix: file.name.hasPrefix(stem) ? String(file.name.dropFirst(stem.count)) : "." + file.name,
                 bytes: file.bytes)
        }
    }

    /// Parses a comma-separated list such as `json,csv` (order kept, duplicates dropped).
    /// - Throws: ``RegridError/invalidInput(_:)`` naming an unknown format and the known ones.
    public static func parseList(_ text: String) throws(RegridError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = OutputFormat(name: name) else {
                let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidInput("unknown output format '\(name)' (known: \(known))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw .invalidInput("no output format given") }
        return formats
    }
}
