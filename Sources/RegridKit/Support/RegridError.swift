/// Why an input could not be read. Each case has a one-line message for people
/// (``description``); the CLI prefixes it with the file name.
public enum RegridError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is empty.
    case emptyInput
    /// The file could not be opened or read.
    case io(String)
    /// Zip magic is missing or the archive is unusable (truncated, bad central directory).
    case corruptArchive(String)
    /// An OLE2 container that holds an encrypted OOXML package.
    case encrypted
    /// An OLE2 container with a `WordDocument` stream: a Word 97–2003 `.doc`.
    case legacyWordDocument
    /// A recognisable format Regrid does not read (PDF, RTF, another OLE2 file, …).
    case unsupportedFormat(String)
    /// A zip that is not a Word document (no main document part, or it is not `w:document`).
    case notWordDocument(String)
    /// A required package part is missing.
    case missingPart(String)
    /// A part or entry that is encrypted inside the zip.
    case encryptedEntry(String)
    /// A part's XML is not well-formed.
    case malformedXML(part: String, line: Int, message: String)
    /// A part carries a DOCTYPE (never in OOXML; refused to stop entity attacks).
    case doctypeForbidden(part: String)
    /// A configured limit was reached (zip bomb, absurd nesting, huge grid…).
    case limitExceeded(what: String, limit: Int)
    /// Bytes that are not valid in the detected or requested encoding.
    case encoding(String)
    /// The input does not fit the reader that was asked for.
    case invalidInput(String)
    /// Writing output failed; the detail starts with what could not be done ("cannot write PATH: reason").
    case output(String)
    /// A layout template is missing or unusable.
    case layout(String)
    /// A PDF poppler could not open (encrypted, not a PDF after all, damaged).
    case pdf(PDFProblem)

    /// One line for people, without the file name (the caller adds it).
    public var description: String {
        switch self {
        case .emptyInput:
            return "the file is empty"
        case .io(let detail):
            return "cannot read the file: \(detail)"
        case .corruptArchive(let detail):
            return "not a readable zip archive (\(detail)); the file is truncated or corrupt"
        case .encrypted:
            return "the document is password-protected (encrypted OOXML in an OLE2 container); remove the password in Word and save it again"
        case .legacyWordDocument:
            return "this is a legacy Word 97-2003 .doc file, not .docx; convert it first, e.g. `soffice --headless --convert-to docx FILE`"
        case .unsupportedFormat(let what):
            return "unsupported format: \(what)"
        case .notWordDocument(let detail):
            return "not a Word document: \(detail)"
        case .missingPart(let part):
            return "the package has no \(part)"
        case .encryptedEntry(let entry):
            return "the zip entry \(entry) is encrypted"
        case .malformedXML(let part, let line, let message):
            return "\(part) is not well-formed XML (line \(line): \(message))"
        case .doctypeForbidden(let part):
            return "\(part) declares a DOCTYPE, which OOXML never does; refused (entities are never expanded)"
        case .limitExceeded(let what, let limit):
            return "\(what): beyond the limit of \(limit)"
        case .encoding(let detail):
            return "text encoding problem: \(detail)"
        case .invalidInput(let detail):
            return detail
        case .output(let detail):
            return detail
        case .layout(let detail):
            return "layout template: \(detail)"
        case .pdf(let problem):
            return problem.description
        }
    }
}
