/// Names what a zip holds when it is not a Word package, so that the error says what the file is
/// and what to do, instead of "the package has no word/document.xml".
enum ForeignZip {
    /// The error for a zip with no main document part: an OpenDocument file, another Office
    /// package, an archive of documents (zips, Word files, texts inside), or a plain zip.
    static func error(for archive: ZipArchive) -> RegridError {
        let names = archive.entries.map(\.name)
        let lowered = Set(names.map { $0.lowercased() })
        if let mimetype = archive.entry(named: "mimetype"), mimetype.size < 256,
           let bytes = try? archive.read(mimetype) {
            let type = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if type.hasPrefix("application/vnd.oasis.opendocument.") {
                let kind = type.dropFirst("application/vnd.oasis.opendocument.".count)
                let what = kind == "text" ? "an OpenDocument text (.odt)" : "an OpenDocument \(kind) file"
                return .unsupportedFormat("\(what), not a Word document; save it as .docx (e.g. `soffice --headless --convert-to docx FILE`)")
            }
            if type == "application/epub+zip" {
                return .unsupportedFormat("an EPUB book, not a Word document")
            }
        }
        if lowered.contains("xl/workbook.xml") {
            return .notWordDocument("an Excel workbook (.xlsx), not a Word document")
        }
        if lowered.contains("ppt/presentation.xml") {
            return .notWordDocument("a PowerPoint presentation (.pptx), not a Word document")
        }
        let documents = names.filter { name in
            guard DocumentArchive.isDocumentCandidate(name), let dot = name.lastIndex(of: ".") else { return false }
            return documentExtensions.contains(name[name.index(after: dot)...].lowercased())
        }
        if !documents.isEmpty {
            let count = documents.count == 1 ? "1 document" : "\(documents.count) documents"
            return .notWordDocument("a zip archive holding \(count) (such as \(documents[0])), not one Word document; convert an archive with `regrid batch ARCHIVE --out DIR`")
        }
        return .missingPart("word/document.xml (a zip, but not a Word package)")
    }

    /// Extensions of files an archive of reports holds.
    private static let documentExtensions: Set<String> = [
        "docx", "docm", "doc", "zip", "txt", "htm", "html", "mht", "mhtml", "pdf", "odt", "rtf", "json", "xlsx", "csv",
    ]
}
