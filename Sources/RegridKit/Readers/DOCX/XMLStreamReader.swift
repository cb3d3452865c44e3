import CLibXML2

/// Namespaces the OOXML readers care about; Transitional and ISO Strict URIs map to the same case.
enum XMLNamespace: Equatable {
    case wordprocessingML
    case relationships
    case packageRelationships
    case markupCompatibility
    case xml
    case other
    case none

    init(uri: String) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .wordprocessingML
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            self = .relationships
        case "http://schemas.openxmlformats.org/package/2006/relationships":
            self = .packageRelationships
        case "http://schemas.openxmlformats.org/markup-compatibility/2006":
            self = .markupCompatibility
        case "http://www.w3.org/XML/1998/namespace":
            self = .xml
        case "":
            self = .none
        default:
            self = .other
        }
    }
}

/// A pull parser over libxml2's `xmlTextReader`, fed in chunks by a Swift closure (a zip entry
/// being inflated), so that no part is ever held whole in memory. The only file that calls
/// libxml2.
///
/// Safe by construction: network access off, no entity substitution, no DTD loading, and any
/// DOCTYPE is refused outright (OOXML never has one), which stops XXE, billion laughs and
/// quadratic blow-up. Nesting deeper than ``ReaderLimits/maxXMLDepth`` is refused.
final class XMLStreamReader {
    enum NodeKind: Equatable {
        case startElement
        case endElement
        /// Text, CDATA or whitespace content.
        case text
        case other
    }

    /// One attribute of the current element.
    struct Attribute {
        var namespace: XMLNamespace
        var name: String
        var value: String
    }

    /// Supplies the next bytes: copies at most `buffer.count` into `buffer`, returns the count, 0 at the end.
    typealias Feed = (UnsafeMutableRawBufferPointer) throws(RegridError) -> Int

    private final class Context {
        let feed: Feed
        var feedError: RegridError?
        var doctypeGuard = DoctypeGuard()
        var part = ""
        var parseMessage: String?
        var parseLine = 0
        init(feed: @escaping Feed) { self.feed = feed }
    }

    private let reader: OpaquePointer
    private let context: Unmanaged<Context>
    private let part: String
    private let maxDepth: Int
    private let nameCache = InternedCache<String>(empty: "")
    private let namespaceCache = InternedCache<XMLNamespace>(empty: .none)
    /// Name and namespace of each open element (non-empty, started, not yet ended), which its end
    /// event repeats.
    private var open: [(name: String, namespace: XMLNamespace)] = []

    /// Kind of the current node.
    private(set) var kind: NodeKind = .other
    /// Local name of the current element (empty for text).
    private(set) var localName = ""
    /// Namespace of the current element.
    private(set) var namespace: XMLNamespace = .none
    /// Element depth of the current node (root = 0).
    private(set) var depth = 0
    /// True for an element written `<a/>` (no end event follows).
    private(set) var isEmptyElement = false

    /// - Parameters:
    ///   - part: the part name, for error messages.
    ///   - feed: called whenever libxml2 wants more bytes.
    init(part: String, limits: ReaderLimits, feed: @escaping Feed) throws(RegridError) {
        self.part = part
        self.maxDepth = limits.maxXMLDepth
        regrid_xml_capture_generic_errors()
        let box = Context(feed: feed)
        box.part = part
        let context = Unmanaged.passRetained(box)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let read: xmlInputReadCallback = { ctx, buffer, length in
            guard let ctx, let buffer, length > 0 else { return 0 }
            let context = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            do throws(RegridError) {
                let n = try context.feed(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
                guard context.doctypeGuard.accept(UnsafeRawBufferPointer(start: buffer, count: n)) else {
                    throw RegridError.doctypeForbidden(part: context.part)
                }
                return Int32(n)
            } catch {
                context.feedError = error
                return -1
            }
        }
        guard let reader = xmlReaderForIO(read, nil, context.toOpaque(), part, nil, options) else {
            context.release()
            throw box.feedError ?? .malformedXML(part: part, line: 0, message: "libxml2 could not start a reader")
        }
        self.reader = reader
        self.context = context
        let onError: xmlStructuredErrorFunc = { ctx, error in
            guard let ctx, let error else { return }
            let context = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            guard context.parseMessage == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "parse error"
            message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            context.parseMessage = message
            context.parseLine = Int(error.pointee.line)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, onError, context.toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        context.release()
    }

    /// Moves to the next node. Returns false at the end of the document.
    /// - Throws: ``RegridError/malformedXML(part:line:message:)``, ``RegridError/doctypeForbidden(part:)``,
    ///   ``RegridError/limitExceeded(what:limit:)``, or the feed's own error.
    func next() throws(RegridError) -> Bool {
        let status = xmlTextReaderRead(reader)
        let ctx = context.takeUnretainedValue()
        if let error = ctx.feedError { throw error }
        if status == 0 { return false }
        if status < 0 {
            let generic = String(cString: regrid_xml_generic_error_message())
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            throw .malformedXML(part: part, line: ctx.parseLine,
                                message: ctx.parseMessage ?? (generic.isEmpty ? "parse error" : generic))
        }
        let type = xmlTextReaderNodeType(reader)
        depth = Int(xmlTextReaderDepth(reader))
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            kind = .startElement
            localName = cachedName(xmlTextReaderConstLocalName(reader))
            namespace = cachedNamespace(xmlTextReaderConstNamespaceUri(reader))
            isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
            if depth > maxDepth { throw .limitExceeded(what: "XML nesting in \(part)", limit: maxDepth) }
            if !isEmptyElement { open.append((localName, namespace)) }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            kind = .endElement
            if let element = open.popLast() {
                (localName, namespace) = element
            } else {
                localName = cachedName(xmlTextReaderConstLocalName(reader))
                namespace = cachedNamespace(xmlTextReaderConstNamespaceUri(reader))
            }
            isEmptyElement = false
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            kind = .text
            localName = ""
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
             Int32(XML_READER_TYPE_ENTITY.rawValue):
            throw .doctypeForbidden(part: part)
        default:
            kind = .other
            localName = ""
        }
        return true
    }

    /// The text of the current text node.
    var text: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// The current element's attributes.
    func attributes() -> [Attribute] {
        var out: [Attribute] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return out }
        repeat {
            let name = cachedName(xmlTextReaderConstLocalName(reader))
            let ns = cachedNamespace(xmlTextReaderConstNamespaceUri(reader))
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            if name != "xmlns" && !(ns == .other && name.isEmpty) { out.append(Attribute(namespace: ns, name: name, value: value)) }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return out
    }

    /// The value of the current element's attribute `name` in `namespace` (any namespace when nil).
    func attribute(_ name: String, in namespace: XMLNamespace? = nil) -> String? {
        var found: String?
        attributes(named: name) { ns, value in
            guard namespace == nil || ns == namespace else { return true }
            found = value()
            return false
        }
        return found
    }

    /// Calls `body` for each attribute of the current element whose local name is `name`, in
    /// document order, with its namespace and a way to read its value; `body` returns false to
    /// stop. Unlike ``attributes()`` nothing is allocated for the attributes that do not match.
    func attributes(named name: String, _ body: (XMLNamespace, () -> String) -> Bool) {
        guard name != "xmlns", xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        var name = name
        name.withUTF8 { wanted in
            repeat {
                guard let local = xmlTextReaderConstLocalName(reader), Self.equal(local, wanted) else { continue }
                let ns = cachedNamespace(xmlTextReaderConstNamespaceUri(reader))
                if !body(ns, { xmlTextReaderConstValue(self.reader).map { String(cString: $0) } ?? "" }) { return }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
        }
    }

    /// True when the NUL-terminated `c` holds exactly the bytes of `utf8`.
    private static func equal(_ c: UnsafePointer<xmlChar>, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, byte) in utf8.enumerated() where c[i] != byte { return false }
        return c[utf8.count] == 0
    }

    /// Skips the current element's content; afterwards the reader sits on its end (or on the element itself when it was empty).
    func skipElement() throws(RegridError) {
        guard kind == .startElement, !isEmptyElement else { return }
        let start = depth
        while try next() {
            if kind == .endElement && depth == start { return }
        }
    }

    private func cachedName(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return nameCache.value(for: Int(bitPattern: pointer)) { String(cString: pointer) }
    }

    private func cachedNamespace(_ pointer: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let pointer else { return .none }
        return namespaceCache.value(for: Int(bitPattern: pointer)) { XMLNamespace(uri: String(cString: pointer)) }
    }
}

/// Values derived from libxml2's interned strings (names and namespace URIs live once in the
/// parser's dictionary, so their address identifies them), looked up on every node: a small
/// direct-mapped table in front of a dictionary, so that the usual hit costs no hashing. The
/// table is plain allocated memory, read and written without exclusivity bookkeeping; one reader
/// (one thread) owns it.
private final class InternedCache<Value> {
    private static var slots: Int { 64 }
    private let keys: UnsafeMutablePointer<Int>
    private let values: UnsafeMutablePointer<Value>
    private var all: [Int: Value] = [:]

    init(empty: Value) {
        keys = .allocate(capacity: InternedCache.slots)
        keys.initialize(repeating: 0, count: InternedCache.slots)
        values = .allocate(capacity: InternedCache.slots)
        values.initialize(repeating: empty, count: InternedCache.slots)
    }

    deinit {
        keys.deinitialize(count: InternedCache.slots)
        keys.deallocate()
        values.deinitialize(count: InternedCache.slots)
        values.deallocate()
    }

    /// The value for the interned string at address `key` (never 0), made by `make` on first use.
    @inline(__always)
    func value(for key: Int, make: () -> Value) -> Value {
        let slot = (key ^ (key >> 6) ^ (key >> 12)) & (InternedCache.slots - 1)
        if keys[slot] == key { return values[slot] }
        return miss(key, slot, make)
    }

    private func miss(_ key: Int, _ slot: Int, _ make: () -> Value) -> Value {
        let value: Value
        if let known = all[key] {
            value = known
        } else {
            value = make()
            all[key] = value
        }
        keys[slot] = key
        values[slot] = value
        return value
    }
}
