#if canImport(CPopplerRuntime)
import CPopplerRuntime

/// poppler-glib behind a safe Swift call: PDF bytes in, each page's characters with their boxes
/// out. The only Swift file that touches poppler's pointers (through `CPopplerRuntime`, which
/// loads poppler-glib the first time a PDF is read); every object it gets is freed before it
/// returns, and every failure becomes a ``PDFProblem`` or a ``RegridError``.
///
/// Poppler parses lazily: opening reads the cross-reference table and the catalog, a page's
/// content is parsed only when its text is asked for. The page count is checked against
/// ``ReaderLimits/maxPDFPages`` before any page is read, the characters against
/// ``ReaderLimits/maxPDFCharacters`` after each page.
enum PopplerDocument {
    /// Why poppler-glib cannot be loaded; nil when it is (loaded once per process).
    static var whyUnavailable: String? {
        var why: UnsafePointer<CChar>? = nil
        guard regrid_poppler_load(&why) != 0 else { return why.map { String(cString: $0) } ?? "poppler-glib cannot be loaded" }
        return nil
    }

    /// Reads the text of every page of the PDF in `bytes`, page by page.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: ``ReaderLimits/maxPDFPages`` and ``ReaderLimits/maxPDFCharacters``.
    ///   - page: called once per page, in order, with the page's width in points and its glyphs.
    /// - Throws: ``RegridError/pdf(_:)`` when poppler cannot open the file,
    ///   ``RegridError/limitExceeded(what:limit:)`` past a limit, or what `page` throws.
    static func readPages(_ bytes: [UInt8], limits: ReaderLimits,
                          page: (_ width: Double, _ glyphs: [PDFGlyph]) throws(RegridError) -> Void) throws(RegridError) {
        var kind = REGRID_PDF_OTHER_ERROR
        var message: UnsafeMutablePointer<CChar>? = nil
        guard let document = bytes.withUnsafeBytes({ regrid_pdf_open($0.baseAddress, $0.count, &kind, &message) }) else {
            let reason = message.map { String(cString: $0) }
            regrid_pdf_free_message(message)
            throw .pdf(problem(kind, reason))
        }
        defer { regrid_pdf_close(document) }

        let pages = Int(regrid_pdf_page_count(document))
        guard pages <= limits.maxPDFPages else {
            throw .limitExceeded(what: "PDF pages (\(pages))", limit: limits.maxPDFPages)
        }
        var characters = 0
        for index in 0..<max(pages, 0) {
            guard let handle = regrid_pdf_page_open(document, Int32(index)) else {
                throw .pdf(.damaged("page \(index + 1) of \(pages) cannot be loaded"))
            }
            defer { regrid_pdf_page_close(handle) }
            var width = 0.0, height = 0.0
            regrid_pdf_page_size(handle, &width, &height)
            let glyphs = Self.glyphs(of: handle)
            characters += glyphs.count
            guard characters <= limits.maxPDFCharacters else {
                throw .limitExceeded(what: "PDF characters (\(characters) by page \(index + 1))", limit: limits.maxPDFCharacters)
            }
            try page(width.isFinite ? width : 0, glyphs)
        }
    }

    /// The page's characters (white space included, as poppler gives it) with their boxes:
    /// poppler gives one box per character of the page's text.
    private static func glyphs(of page: UnsafeMutableRawPointer) -> [PDFGlyph] {
        guard let text = regrid_pdf_page_text(page) else { return [] }
        defer { regrid_pdf_free(text) }
        var boxes: UnsafeMutablePointer<regrid_pdf_rect>? = nil
        var count: UInt32 = 0
        guard regrid_pdf_page_boxes(page, &boxes, &count) != 0, let boxes else { return [] }
        defer { regrid_pdf_free(boxes) }
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

    /// The problem a failed open reports.
    private static func problem(_ kind: regrid_pdf_error_kind, _ message: String?) -> PDFProblem {
        let message = message ?? "poppler gave no reason"
        switch kind {
        case REGRID_PDF_ENCRYPTED: return .encrypted
        case REGRID_PDF_BAD_CATALOG, REGRID_PDF_INVALID: return .notPDF(message)
        default: return .damaged(message)
        }
    }
}
#endif
