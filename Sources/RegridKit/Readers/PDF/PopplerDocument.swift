#if canImport(CPoppler)
import CPoppler

/// poppler-glib behind a safe Swift call: PDF bytes in, each page's characters with their boxes
/// out. The only file that touches poppler or GLib pointers; every object it gets is freed
/// before it returns, and every `GError` becomes a ``PDFProblem``.
///
/// Poppler parses lazily: opening reads the cross-reference table and the catalog, a page's
/// content is parsed only when its text is asked for. The page count is checked against
/// ``ReaderLimits/maxPDFPages`` before any page is read, the characters against
/// ``ReaderLimits/maxPDFCharacters`` after each page.
enum PopplerDocument {
    /// The version of the poppler library linked in (for `regrid --version`-like reports).
    static var version: String { String(cString: poppler_get_version()) }

    /// Reads the text of every page of the PDF in `bytes`, page by page.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: ``ReaderLimits/maxPDFPages`` and ``ReaderLimits/maxPDFCharacters``.
    ///   - page: called once per page, in order, with the page's width in points and its glyphs.
    /// - Throws: ``RegridError/pdf(_:)`` when poppler cannot open the file,
    ///   ``RegridError/limitExceeded(what:limit:)`` past a limit, or what `page` throws.
    static func readPages(_ bytes: [UInt8], limits: ReaderLimits,
                          page: (_ width: Double, _ glyphs: [PDFGlyph]) throws(RegridError) -> Void) throws(RegridError) {
        _ = silenced
        guard let data = bytes.withUnsafeBytes({ g_bytes_new($0.baseAddress, gsize($0.count)) }) else {
            throw .io("cannot hand \(bytes.count) bytes to poppler")
        }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            throw .pdf(problem(error))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        if let error { g_error_free(error) }

        let pages = Int(poppler_document_get_n_pages(document))
        guard pages <= limits.maxPDFPages else {
            throw .limitExceeded(what: "PDF pages (\(pages))", limit: limits.maxPDFPages)
        }
        var characters = 0
        for index in 0..<max(pages, 0) {
            guard let handle = poppler_document_get_page(document, Int32(index)) else {
                throw .pdf(.damaged("page \(index + 1) of \(pages) cannot be loaded"))
            }
            defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
            var width = 0.0, height = 0.0
            poppler_page_get_size(handle, &width, &height)
            let glyphs = Self.glyphs(of: handle)
            characters += glyphs.count
            guard characters <= limits.maxPDFCharacters else {
                throw .limitExceeded(what: "PDF characters (\(characters) by page \(index + 1))", limit: limits.maxPDFCharacters)
            }
            try page(width.isFinite ? width : 0, glyphs)
        }
    }

    /// The page's characters (white space included, as poppler gives it) with their boxes:
    /// `poppler_page_get_text_layout` gives one box per character of `poppler_page_get_text`.
    private static func glyphs(of page: OpaquePointer) -> [PDFGlyph] {
        guard let text = poppler_page_get_text(page) else { return [] }
        defer { g_free(text) }
        var boxes: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &boxes, &count) != 0, let boxes else { return [] }
        defer { g_free(boxes) }
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(Int(count))
        var index = 0
        for scalar in String(cString: text).unicodeScalars {
            guard index < Int(count) else { break }
            let box = boxes[index]
            index += 1
            glyphs.append(PDFGlyph(scalar: scalar, xMin: min(box.x1, box.x2), xMax: max(box.x1, box.x2),
                                   yMin: min(box.y1, box.y2), yMax: max(box.y1, box.y2)))
        }
        return glyphs
    }

    /// The problem a failed open reports (the `GError` is freed).
    private static func problem(_ error: UnsafeMutablePointer<GError>?) -> PDFProblem {
        guard let error else { return .damaged("poppler gave no reason") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "no message"
        guard error.pointee.domain == regrid_poppler_error_domain() else { return .damaged(message) }
        switch UInt32(bitPattern: error.pointee.code) {
        case POPPLER_ERROR_ENCRYPTED.rawValue: return .encrypted
        case POPPLER_ERROR_BAD_CATALOG.rawValue, POPPLER_ERROR_INVALID.rawValue: return .notPDF(message)
        default: return .damaged(message)
        }
    }

    /// Poppler's syntax warnings on damaged files go to GLib's log, once routed away per process.
    private static let silenced: Void = regrid_poppler_silence_log()
}
#endif
