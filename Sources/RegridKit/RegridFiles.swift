/// Reading files with the known layouts applied: what `regrid convert` does, as one call.
extension Regrid {
    /// Reads the file at `path` (DOCX, flattened text or Regrid's JSON, detected from the content)
    /// and rebuilds every table that matches a known layout on that layout (``resolveLayouts(_:extra:)``).
    ///
    /// ```swift
    /// let document = try Regrid.read(path: "report.docx")
    /// let report = try Regrid.disclosureReport(of: document)
    /// print(report.figure(row: ["（一）予以公开"], column: ["自然人"])?.value ?? 0)
    /// ```
    /// - Parameters:
    ///   - path: the file; `/dev/stdin` reads standard input.
    ///   - options: limits and reader options.
    ///   - layouts: the layouts to apply: nil for the built-in ones, an empty resolver
    ///     (`LayoutResolver(templates: [])`) for none.
    /// - Throws: ``RegridError``: the file cannot be read (``RegridError/io(_:)``), or its content
    ///   cannot (see ``read(bytes:name:sha256:options:)``).
    public static func read(path: String, options: ReadOptions = ReadOptions(),
                            layouts: LayoutResolver? = nil) throws(RegridError) -> Document {
        let bytes = try LocalFile.bytes(atPath: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var options = options
        // The resolver's templates also reach the reader of text without table structure.
        if let layouts, options.layoutTemplates == nil { options.layoutTemplates = layouts.templates }
        let document = try read(bytes: bytes, name: name, options: options)
        if let layouts { return layouts.resolve(document) }
        return try LayoutResolver.standard().resolve(document)
    }

    /// `document` with every table that matches a built-in layout (or one of `extra`, which win
    /// over built-in ones of the same id) rebuilt on that layout; other tables stay as read.
    /// - Throws: ``RegridError/layout(_:)`` when a built-in layout cannot be loaded.
    public static func resolveLayouts(_ document: Document, extra: [LayoutTemplate] = []) throws(RegridError) -> Document {
        try LayoutResolver.standard(extra: extra).resolve(document)
    }

    /// The 政府信息公开工作年度报告 figures and consistency checks of `document` (whose layouts were
    /// resolved): what `regrid extract` writes. `layout` is nil when no table matched.
    /// - Throws: ``RegridError/layout(_:)`` when a built-in layout cannot be loaded.
    public static func disclosureReport(of document: Document) throws(RegridError) -> DisclosureReport {
        DisclosureExtractor(templates: try LayoutLibrary.builtIn()).extract(document)
    }
}
