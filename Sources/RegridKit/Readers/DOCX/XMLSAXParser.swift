import CLibXML2

/// Receives the element events of an ``XMLSAXParser``, in document order.
protocol XMLSAXHandler: AnyObject {
    /// An element starts (an empty element `<a/>` gets its ``endElement(depth:)`` right after).
    /// `tag` is valid only during this call. Return false to stop the parse there, without error.
    func startElement(_ tag: XMLStartTag) -> Bool
    /// The element that started at `depth` (root = 0) ends.
    func endElement(depth: Int)
}

/// One start tag as libxml2's SAX2 parser reports it: name, namespace, depth and attributes,
/// read in place (nothing is allocated unless an attribute's value is asked for). Valid only
/// during ``XMLSAXHandler/startElement(_:)``.
struct XMLStartTag {
    /// Element depth (root = 0).
    let depth: Int
    /// The element's namespace.
    let namespace: XMLNamespace
    fileprivate let localName: UnsafePointer<xmlChar>
    /// libxml2's attribute array: five pointers per attribute (local name, prefix, URI, value, value end).
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let attributeCount: Int
    fileprivate let namespaces: NamespaceCache

    /// True when the element is `w:name` (Transitional or Strict namespace).
    func isWord(_ name: StaticString) -> Bool {
        namespace == .wordprocessingML && XMLStartTag.equal(localName, name)
    }

    /// The WordprocessingML attribute `name` (`w:val`, …), an unqualified one of the same name
    /// accepted too, as ``XMLStreamReader/wordAttribute(_:)`` reads it: the first qualified one
    /// wins, else the last unqualified one.
    func wordAttribute(_ name: StaticString) -> String? {
        guard let attributes else { return nil }
        var unqualified: String?
        for i in 0..<attributeCount {
            let base = attributes + 5 * i
            guard let local = base[0], XMLStartTag.equal(local, name) else { continue }
            switch namespaces.namespace(base[2]) {
            case .wordprocessingML: return XMLStartTag.value(base[3], base[4])
            case .none: unqualified = XMLStartTag.value(base[3], base[4])
            default: continue
            }
        }
        return unqualified
    }

    /// `w:val`-style attribute read as an integer (spaces and tabs around it allowed), or nil.
    func wordInteger(_ name: StaticString = "val") -> Int? {
        guard let raw = wordAttribute(name) else { return nil }
        return Int(raw.trimmed(where: { $0 == " " || $0 == "\t" }))
    }

    private static func equal(_ c: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let wanted = name.utf8Start
        for i in 0..<count where c[i] != wanted[i] { return false }
        return c[count] == 0
    }

    /// An attribute value as SAX2 hands it over: libxml2 writes a literal `&` of the value as
    /// `&#38;` (for a tree builder to decode) when entities are not substituted, and no other `&`
    /// can occur, so that sequence alone is decoded.
    private static func value(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escaped = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + escaped.count <= bytes.count,
               bytes[i..<(i + escaped.count)].elementsEqual(escaped) {
                out.append(UInt8(ascii: "&"))
                i += escaped.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Namespace URIs seen by one parse: libxml2 interns them, so the last pointer usually answers.
fileprivate final class NamespaceCache {
    private var lastPointer: UnsafePointer<xmlChar>?
    private var lastNamespace: XMLNamespace = .none

    func namespace(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else { return .none }
        if uri == lastPointer { return lastNamespace }
        lastPointer = uri
        lastNamespace = XMLNamespace(uri: String(cString: uri))
        return lastNamespace
    }
}

/// libxml2's SAX2 push parser fed in chunks by a Swift closure (a zip entry being inflated), for
/// passes that need only some elements and their attributes (the styles part): about twice as
/// fast as ``XMLStreamReader``'s `xmlTextReader`, and nothing is built for what is skipped.
///
/// The same guarantees as ``XMLStreamReader``: network access off, no entity substitution, no
/// DTD loading, any DOCTYPE refused (before libxml2 sees it, and by the `internalSubset` event),
/// nesting deeper than ``ReaderLimits/maxXMLDepth`` refused, errors collected by a structured
/// error handler of this parse only.
enum XMLSAXParser {
    /// Parses the part that `feed` supplies, calling `handler` for every element.
    /// - Throws: ``RegridError/malformedXML(part:line:message:)``, ``RegridError/doctypeForbidden(part:)``,
    ///   ``RegridError/limitExceeded(what:limit:)``, or the feed's own error.
    static func parse(part: String, limits: ReaderLimits, handler: XMLSAXHandler,
                      feed: XMLStreamReader.Feed) throws(RegridError) {
        regrid_xml_capture_generic_errors()
        let context = Context(part: part, maxDepth: limits.maxXMLDepth, handler: handler)
        let chunkSize = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
        var doctypeGuard = DoctypeGuard()
        // The first four bytes go in with the context, for libxml2 to detect the encoding.
        var count = 0
        while count < 4 {
            let n = try feed(UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            if n == 0 { break }
            count += n
        }
        guard doctypeGuard.accept(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else {
            throw .doctypeForbidden(part: part)
        }
        let head = min(count, 4)
        var sax = Context.handlerTable
        let userData = Unmanaged.passUnretained(context).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&sax, userData, base, Int32(head), part) else {
            throw .malformedXML(part: part, line: 0, message: "libxml2 could not start a parser")
        }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlCtxtUseOptions(parser, options)
        context.parser = parser
        var offset = head
        while true {
            if count > offset {
                xmlParseChunk(parser, base + offset, Int32(count - offset), 0)
            }
            if let failure = context.failure { throw failure }
            if context.stopped { return }
            count = try feed(buffer)
            offset = 0
            if count == 0 {
                xmlParseChunk(parser, nil, 0, 1)
                break
            }
            guard doctypeGuard.accept(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else {
                throw .doctypeForbidden(part: part)
            }
        }
        if let failure = context.failure { throw failure }
        if context.stopped { return }
        if parser.pointee.wellFormed == 0 || context.message != nil {
            let generic = String(cString: regrid_xml_generic_error_message())
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            throw .malformedXML(part: part, line: context.line,
                                message: context.message ?? (generic.isEmpty ? "parse error" : generic))
        }
    }

    /// The state of one parse, reached from libxml2's callbacks through their user-data pointer.
    private final class Context {
        let part: String
        let maxDepth: Int
        let handler: XMLSAXHandler
        let namespaces = NamespaceCache()
        var parser: xmlParserCtxtPtr?
        var depth = 0
        var stopped = false
        var failure: RegridError?
        var message: String?
        var line = 0

        init(part: String, maxDepth: Int, handler: XMLSAXHandler) {
            self.part = part
            self.maxDepth = maxDepth
            self.handler = handler
        }

        /// Stops libxml2 for good (no further events).
        func stop() {
            stopped = true
            if let parser { xmlStopParser(parser) }
        }

        func fail(_ error: RegridError) {
            if failure == nil { failure = error }
            stop()
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Context? {
            pointer.map { Unmanaged<Context>.fromOpaque($0).takeUnretainedValue() }
        }

        /// Only element events, the DOCTYPE refusal and the structured error handler; everything
        /// else (text, entities, processing instructions) is left to libxml2's defaults of nothing.
        static var handlerTable: xmlSAXHandler {
            var sax = xmlSAXHandler()
            sax.initialized = XML_SAX2_MAGIC
            sax.startElementNs = { ctx, localName, _, uri, _, _, attributeCount, _, attributes in
                guard let context = Context.from(ctx), !context.stopped, let localName else { return }
                let depth = context.depth
                context.depth += 1
                if depth > context.maxDepth {
                    context.fail(.limitExceeded(what: "XML nesting in \(context.part)", limit: context.maxDepth))
                    return
                }
                let tag = XMLStartTag(depth: depth, namespace: context.namespaces.namespace(uri), localName: localName,
                                      attributes: attributes, attributeCount: Int(attributeCount),
                                      namespaces: context.namespaces)
                if !context.handler.startElement(tag) { context.stop() }
            }
            sax.endElementNs = { ctx, _, _, _ in
                guard let context = Context.from(ctx), !context.stopped else { return }
                context.depth -= 1
                context.handler.endElement(depth: context.depth)
            }
            sax.internalSubset = { ctx, _, _, _ in
                guard let context = Context.from(ctx) else { return }
                context.fail(.doctypeForbidden(part: context.part))
            }
            sax.serror = { ctx, error in
                guard let context = Context.from(ctx), let error, context.message == nil,
                      error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "parse error"
                context.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
                context.line = Int(error.pointee.line)
            }
            return sax
        }
    }
}
