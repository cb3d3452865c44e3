import CLibXML2

/// Receives the events of an ``XMLPushParser``, in document order.
protocol XMLSAXHandler: AnyObject {
    /// An element starts (an empty element `<a/>` gets its ``endElement(depth:)`` right after).
    /// `tag` is valid only during this call. Return false to stop the parse there, without error.
    func startElement(_ tag: XMLStartTag) -> Bool
    /// The element that started at `depth` (root = 0) ends.
    func endElement(depth: Int)
    /// Character data (text, CDATA, whitespace), possibly in several pieces; valid only during the call.
    func characters(_ bytes: UnsafeRawBufferPointer)
    /// A comment or processing instruction.
    func otherNode()
}

extension XMLSAXHandler {
    func characters(_ bytes: UnsafeRawBufferPointer) {}
    func otherNode() {}
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

    /// The local name's identity: libxml2 interns names, so equal names have equal keys within a parse.
    var localNameKey: Int { Int(bitPattern: localName) }
    /// The local name as a string.
    var localNameString: String { String(cString: localName) }

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

    /// Calls `body` with each attribute's local-name key (see ``localNameKey``), a way to read the
    /// name, its namespace and its value's UTF-8 bytes (valid only during the call).
    func forEachAttribute(_ body: (Int, () -> String, XMLNamespace, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let attributes else { return }
        for i in 0..<attributeCount {
            let base = attributes + 5 * i
            guard let local = base[0] else { continue }
            let namespace = namespaces.namespace(base[2])
            XMLStartTag.withValue(base[3], base[4]) { body(Int(bitPattern: local), { String(cString: local) }, namespace, $0) }
        }
    }

    fileprivate static func equal(_ c: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let wanted = name.utf8Start
        for i in 0..<count where c[i] != wanted[i] { return false }
        return c[count] == 0
    }

    /// An attribute value as SAX2 hands it over: libxml2 writes a literal `&` of the value as
    /// `&#38;` (for a tree builder to decode) when entities are not substituted, and no other `&`
    /// can occur, so that sequence alone is decoded.
    private static func withValue<R>(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?,
                                     _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let start, let end, end > start else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return body(bytes) }
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
        return out.withUnsafeBufferPointer(body)
    }

    private static func value(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        withValue(start, end) { String(decoding: $0, as: UTF8.self) }
    }
}

/// Namespace URIs seen by one parse: libxml2 interns them in the parser's dictionary, so a
/// pointer seen once answers for the rest of the parse. A document uses a handful (w:, r:, mc:,
/// wp:, a:, …) and alternates between them from one attribute to the next, so the last few are
/// kept, not only the last one.
fileprivate final class NamespaceCache {
    private static let capacity = 8
    /// The cache lives in plain allocated memory, read and written without the run time's
    /// exclusivity checks on a class's arrays (they cost twice the lookups, on every element and
    /// attribute); one parse on one thread owns it.
    private let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    private let namespaces: UnsafeMutablePointer<XMLNamespace>
    /// How many slots are filled, and where the next new pointer goes once all are (round robin).
    private let counters: UnsafeMutablePointer<(filled: Int, next: Int)>

    init() {
        pointers = .allocate(capacity: Self.capacity)
        pointers.initialize(repeating: nil, count: Self.capacity)
        namespaces = .allocate(capacity: Self.capacity)
        namespaces.initialize(repeating: .none, count: Self.capacity)
        counters = .allocate(capacity: 1)
        counters.initialize(to: (0, 0))
    }

    deinit {
        pointers.deinitialize(count: Self.capacity)
        pointers.deallocate()
        namespaces.deinitialize(count: Self.capacity)
        namespaces.deallocate()
        counters.deinitialize(count: 1)
        counters.deallocate()
    }

    func namespace(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else { return .none }
        let filled = counters.pointee.filled
        for index in 0..<filled where pointers[index] == uri { return namespaces[index] }
        let namespace = XMLNamespace(uri: String(cString: uri))
        let slot: Int
        if filled < Self.capacity {
            slot = filled
            counters.pointee.filled = filled + 1
        } else {
            slot = counters.pointee.next
            counters.pointee.next = (slot + 1) % Self.capacity
        }
        pointers[slot] = uri
        namespaces[slot] = namespace
        return namespace
    }
}

/// libxml2's SAX2 push parser: bytes are pushed in chunks (a zip entry being inflated) and the
/// events go to a Swift ``XMLSAXHandler``; nothing is built for what the handler ignores (unlike
/// `xmlTextReader`, which builds and frees a node for everything).
/// ``XMLStreamReader`` puts its pull interface on top; the styles pass uses it directly.
///
/// Safe by construction: network access off, no entity substitution, no DTD loading, and any
/// DOCTYPE refused outright (OOXML never has one) — spotted in the bytes before libxml2 sees them
/// (``DoctypeGuard``) and by the `internalSubset` event — which stops XXE, billion laughs and
/// quadratic blow-up. Nesting deeper than ``ReaderLimits/maxXMLDepth`` is refused (the push
/// parser itself accepts 100 000 levels). Errors are collected by a structured error handler of
/// this parse only.
final class XMLPushParser {
    private let context: Context
    private var parser: xmlParserCtxtPtr?
    private var doctypeGuard = DoctypeGuard()
    /// Bytes held back until there are four, for libxml2 to detect the encoding from.
    private var head: [UInt8] = []

    /// - Parameter lifted: the runs of character data taken out of the bytes that will be pushed
    ///   (``LiftedText``), handed to `handler` right after their start elements.
    init(part: String, limits: ReaderLimits, handler: XMLSAXHandler, lifted: LiftedRuns? = nil) {
        regrid_xml_capture_generic_errors()
        context = Context(part: part, maxDepth: limits.maxXMLDepth, handler: handler)
        context.liftedRuns = lifted
        context.lifted = lifted?.state
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
    }

    /// True once the handler stopped the parse (no further events, no error).
    var isStopped: Bool { context.stopped && context.failure == nil }

    /// Parses the next bytes of the part.
    /// - Throws: ``RegridError/doctypeForbidden(part:)``, ``RegridError/limitExceeded(what:limit:)``,
    ///   ``RegridError/malformedXML(part:line:message:)``; events before the error were delivered.
    func push(_ bytes: UnsafeRawBufferPointer) throws(RegridError) {
        guard !context.stopped else { try check(); return }
        guard doctypeGuard.accept(bytes) else { throw .doctypeForbidden(part: context.part) }
        if parser == nil {
            head += bytes
            guard head.count >= 4 else { return }
            try start()
            let rest = head
            head = []
            try parse(rest, terminate: false)
        } else {
            try parse(bytes, terminate: false)
        }
    }

    /// Ends the part: the last events, then the well-formedness verdict.
    /// - Throws: as ``push(_:)``.
    func finish() throws(RegridError) {
        guard !context.stopped else { try check(); return }
        if parser == nil {
            try start()
            let rest = head
            head = []
            try parse(rest, terminate: true)
        } else {
            try parse(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true)
        }
        if let lifted = context.lifted, !lifted.pointee.isDone, !context.stopped { throw Context.liftMismatch(context.part) }
    }

    /// The parse's first error (libxml2's message and line), or its generic (encoding) message.
    private func malformed() -> RegridError {
        let generic = String(cString: regrid_xml_generic_error_message())
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return .malformedXML(part: context.part, line: context.line,
                             message: context.message ?? (generic.isEmpty ? "parse error" : generic))
    }

    private func start() throws(RegridError) {
        var sax = Context.handlerTable
        let userData = Unmanaged.passUnretained(context).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&sax, userData, nil, 0, context.part) else {
            throw .malformedXML(part: context.part, line: 0, message: "libxml2 could not start a parser")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlCtxtUseOptions(parser, options)
        self.parser = parser
        context.parser = parser
    }

    private func parse(_ bytes: [UInt8], terminate: Bool) throws(RegridError) {
        var failure: RegridError?
        bytes.withUnsafeBytes { buffer in
            do throws(RegridError) {
                try parse(buffer, terminate: terminate)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, terminate: Bool) throws(RegridError) {
        guard let parser else { return }
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        // libxml2 2.9's push parser refuses one chunk over 10 MB: large pushes go in pieces.
        var offset = 0
        repeat {
            let n = min(bytes.count - offset, 1 << 20)
            let last = terminate && offset + n == bytes.count
            let code = n > 0 || last ? xmlParseChunk(parser, base.map { $0 + offset }, Int32(n), last ? 1 : 0) : 0
            try check()
            if context.stopped { return }
            // A fatal error clears wellFormed; an input conversion (encoding) error only shows in
            // the return code, which otherwise repeats the last error number, fatal or not.
            if parser.pointee.wellFormed == 0 || (code != 0 && code != parser.pointee.errNo) { throw malformed() }
            offset += n
        } while offset < bytes.count
    }

    private func check() throws(RegridError) {
        if let failure = context.failure { throw failure }
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
        /// The runs of text lifted out of the bytes pushed (kept alive here), and where the parse is in them.
        var liftedRuns: LiftedRuns?
        var lifted: UnsafeMutablePointer<LiftedRuns.State>?

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

        /// libxml2 and ``LiftedText`` disagree about where a lifted run was. Never shown to a
        /// user: ``DOCXReader`` reads the package again without lifting on any error of a lifted parse.
        static func liftMismatch(_ part: String) -> RegridError {
            .malformedXML(part: part, line: 0, message: "lifted text does not match libxml2's parse")
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Context? {
            pointer.map { Unmanaged<Context>.fromOpaque($0).takeUnretainedValue() }
        }

        /// Calls `body` with the context behind `pointer` without retaining and releasing it
        /// (and its handler) around every event: the parse that owns the context outlives it.
        @inline(__always)
        static func with(_ pointer: UnsafeMutableRawPointer?, _ body: (Context) -> Void) {
            guard let pointer else { return }
            Unmanaged<Context>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
        }

        /// Elements, character data, comments and processing instructions, the DOCTYPE refusal and
        /// the structured error handler; nothing else (entity declarations cannot occur: no DOCTYPE).
        static var handlerTable: xmlSAXHandler {
            var sax = xmlSAXHandler()
            sax.initialized = XML_SAX2_MAGIC
            sax.startElementNs = { ctx, localName, _, uri, _, _, attributeCount, _, attributes in
                Context.with(ctx) { context in
                    guard !context.stopped, let localName else { return }
                    let depth = context.depth
                    context.depth += 1
                    if depth > context.maxDepth {
                        context.fail(.limitExceeded(what: "XML nesting in \(context.part)", limit: context.maxDepth))
                        return
                    }
                    let tag = XMLStartTag(depth: depth, namespace: context.namespaces.namespace(uri), localName: localName,
                                          attributes: attributes, attributeCount: Int(attributeCount),
                                          namespaces: context.namespaces)
                    if !context.handler.startElement(tag) {
                        context.stop()
                        return
                    }
                    if let lifted = context.lifted, !lifted.pointee.isDone, let parser = context.parser {
                        switch lifted.pointee.claim(at: Int(xmlByteConsumed(parser))) {
                        case .none: break
                        case .run(let bytes): context.handler.characters(bytes)
                        case .missed: context.fail(Context.liftMismatch(context.part))
                        }
                    }
                }
            }
            sax.endElementNs = { ctx, _, _, _ in
                Context.with(ctx) { context in
                    guard !context.stopped else { return }
                    context.depth -= 1
                    context.handler.endElement(depth: context.depth)
                }
            }
            let characters: charactersSAXFunc = { ctx, bytes, count in
                Context.with(ctx) { context in
                    guard !context.stopped, let bytes, count > 0 else { return }
                    context.handler.characters(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                }
            }
            sax.characters = characters
            sax.ignorableWhitespace = characters
            sax.comment = { ctx, _ in
                guard let context = Context.from(ctx), !context.stopped else { return }
                context.handler.otherNode()
            }
            sax.processingInstruction = { ctx, _, _ in
                guard let context = Context.from(ctx), !context.stopped else { return }
                context.handler.otherNode()
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

/// Parses a whole part from `feed` with ``XMLPushParser``, in chunks of 64 KiB.
enum XMLSAXParser {
    /// - Throws: what ``XMLPushParser`` throws, or the feed's own error.
    static func parse(part: String, limits: ReaderLimits, handler: XMLSAXHandler,
                      feed: XMLStreamReader.Feed) throws(RegridError) {
        let parser = XMLPushParser(part: part, limits: limits, handler: handler)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = try feed(buffer)
            if n == 0 { break }
            try parser.push(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            if parser.isStopped { return }
        }
        try parser.finish()
    }
}
