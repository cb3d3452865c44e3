/// Why poppler could not open a PDF (the `GError` it gave, typed).
public enum PDFProblem: Equatable, Sendable, CustomStringConvertible {
    /// The document is encrypted and needs a password to open.
    case encrypted
    /// Poppler finds no PDF in the bytes (no usable header, trailer or catalog).
    case notPDF(String)
    /// A PDF whose structure is broken beyond what poppler repairs (truncated, corrupt xref).
    case damaged(String)

    /// One line for people, without the file name.
    public var description: String {
        switch self {
        case .encrypted:
            return "the PDF is password-protected (encrypted); remove the password (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`) and read that copy"
        case .notPDF(let detail):
            return "not a readable PDF: it starts like one but poppler finds no document in it (\(detail))"
        case .damaged(let detail):
            return "the PDF is damaged (\(detail)); the file is truncated or corrupt"
        }
    }
}
