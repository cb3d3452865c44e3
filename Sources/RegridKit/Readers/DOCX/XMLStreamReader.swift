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

/// A pull parser over libxml2's SAX2 push parser (``XMLPushParser``), fed in chunks by a Swift
/// closure (a zip entry being inflated), so that no part is ever held whole in memory: each chunk's
/// events are queued (names interned, attribute values and text copied into one reused byte
/// buffer) and handed out one at a time by ``next()``. Nothing is built for the document; the
/// queue holds one chunk's events at most.
///
/// Safe by construction (see ``XMLPushParser``): network access off, no entity substitution, no
/// DTD loading, any DOCTYPE refused outright (OOXML never has one), which stops XXE, billion
/// laughs and quadratic blow-up. Nesting deeper than ``ReaderLimits/maxXMLDepth`` is refused.
/// Events before an error are delivered, then the error is thrown.
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

    private let feed: Feed
    private let events = EventQueue()
    private let parser: XMLPushParser
    private let buffer: UnsafeMutableRawBufferPointer
    /// Where the reader is, changed on every node: behind a pointer, so that its changes need no
    /// exclusivity checks at run time (a reader is used by one thread).
    private let cursor: UnsafeMutablePointer<Cursor>

    private struct Cursor {
        /// The queued event ``next()`` hands out next, and the current one.
        var position = 0
        var current = 0
        /// An error met while parsing ahead, thrown once the events before it are handed out.
        var pending: RegridError?
        var finished = false
        var kind: NodeKind = .other
        var localName = ""
        var namespace: XMLNamespace = .none
        var depth = 0
        var isEmptyElement = false
    }

    /// Kind of the current node.
    var kind: NodeKind { cursor.pointee.kind }
    /// Local name of the current element (empty for text).
    var localName: String { cursor.pointee.localName }
    /// Namespace of the current element.
    var namespace: XMLNamespace { cursor.pointee.namespace }
    /// Element depth of the current node (root = 0).
    var depth: Int { cursor.pointee.depth }
    /// True for an element with no content, `<a/>` or `<a></a>` (no end event follows).
    var isEmptyElement: Bool { cursor.pointee.isEmptyElement }

    /// - Parameters:
    ///   - part: the part name, for error messages.
    ///   - lifted: runs of text taken out of the bytes `feed` supplies (``LiftedText``).
    ///   - feed: called whenever the parser wants more bytes.
    init(part: String, limits: ReaderLimits, lifted: LiftedRuns? = nil, feed: @escaping Feed) throws(RegridError) {
        self.feed = feed
        parser = XMLPushParser(part: part, limits: limits, handler: events, lifted: lifted)
        buffer = .allocate(byteCount: 64 * 1024, alignment: 8)
        cursor = .allocate(capacity: 1)
        cursor.initialize(to: Cursor())
    }

    deinit {
        buffer.deallocate()
        cursor.deinitialize(count: 1)
        cursor.deallocate()
    }

    /// Moves to the next node. Returns false at the end of the document.
    /// - Throws: ``RegridError/malformedXML(part:line:message:)``, ``RegridError/doctypeForbidden(part:)``,
    ///   ``RegridError/limitExceeded(what:limit:)``, or the feed's own error.
    func next() throws(RegridError) -> Bool {
        while cursor.pointee.position >= events.count {
            if let pending = cursor.pointee.pending { throw pending }
            if cursor.pointee.finished { return false }
            events.removeAll()
            cursor.pointee.position = 0
            parseAhead()
        }
        let current = cursor.pointee.position
        let event = events.event(current)
        cursor.pointee.current = current
        cursor.pointee.position = current + 1
        cursor.pointee.kind = event.kind
        cursor.pointee.localName = event.name
        cursor.pointee.namespace = event.namespace
        cursor.pointee.depth = Int(event.depth)
        cursor.pointee.isEmptyElement = event.isEmpty
        return true
    }

    /// Feeds the parser one chunk (or the end), queueing its events.
    private func parseAhead() {
        do throws(RegridError) {
            let n = try feed(buffer)
            if n == 0 {
                cursor.pointee.finished = true
                try parser.finish()
            } else {
                try parser.push(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            }
        } catch {
            cursor.pointee.pending = error
        }
    }

    /// The text of the current text node.
    var text: String {
        kind == .text ? events.text(cursor.pointee.current) : ""
    }

    /// The current element's attributes.
    func attributes() -> [Attribute] {
        guard kind == .startElement else { return [] }
        return events.attributes(cursor.pointee.current).map { Attribute(namespace: $0.namespace, name: $0.name, value: events.string($0)) }
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
        guard kind == .startElement else { return }
        for attribute in events.attributes(cursor.pointee.current) where attribute.name == name {
            if !body(attribute.namespace, { self.events.string(attribute) }) { return }
        }
    }

    /// Skips the current element's content; afterwards the reader sits on its end (or on the element itself when it was empty).
    func skipElement() throws(RegridError) {
        guard kind == .startElement, !isEmptyElement else { return }
        let start = depth
        while try next() {
            if kind == .endElement && depth == start { return }
        }
    }
}

/// The events of one pushed chunk, in order, as ``XMLStreamReader`` hands them out: element names
/// interned by libxml2's pointers, attribute values and text in one byte buffer. Adjacent pieces of
/// character data become one text event; an element whose end follows its start directly becomes
/// one empty element.
private final class EventQueue: XMLSAXHandler {
    struct Event {
        var kind: XMLStreamReader.NodeKind
        var isEmpty = false
        var depth: Int32
        var name: String
        var namespace: XMLNamespace
        /// Attributes: their range in `attributes`; text: its range in `bytes`.
        var start: Int32 = 0
        var count: Int32 = 0
    }

    struct StoredAttribute {
        var name: String
        var namespace: XMLNamespace
        var start: Int
        var count: Int
    }

    /// The queue, changed by every SAX callback: behind a pointer, so that its changes need no
    /// exclusivity checks at run time (they cost more than queueing itself; one parse on one
    /// thread owns the queue).
    private struct Storage {
        var events: [Event] = []
        var stored: [StoredAttribute] = []
        var bytes: [UInt8] = []
        /// Names and namespaces of the open elements, which their end events repeat.
        var open: [(name: String, namespace: XMLNamespace)] = []
        /// The last event is text that more character data extends.
        var textIsOpen = false
    }

    private let storage: UnsafeMutablePointer<Storage>
    private let names = InternedCache<String>(empty: "")

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage())
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    var count: Int { storage.pointee.events.count }

    func event(_ index: Int) -> Event { storage.pointee.events[index] }

    func removeAll() {
        storage.pointee.events.removeAll(keepingCapacity: true)
        storage.pointee.stored.removeAll(keepingCapacity: true)
        storage.pointee.bytes.removeAll(keepingCapacity: true)
        storage.pointee.textIsOpen = false
    }

    func text(_ index: Int) -> String {
        let event = storage.pointee.events[index]
        return EventQueue.string(checkedByLibxml2: storage.pointee.bytes[Int(event.start)..<Int(event.start + event.count)])
    }

    func attributes(_ index: Int) -> ArraySlice<StoredAttribute> {
        let event = storage.pointee.events[index]
        return storage.pointee.stored[Int(event.start)..<Int(event.start + event.count)]
    }

    func string(_ attribute: StoredAttribute) -> String {
        EventQueue.string(checkedByLibxml2: storage.pointee.bytes[attribute.start..<(attribute.start + attribute.count)])
    }

    /// A string of text or an attribute value as libxml2 handed it over, copied without checking
    /// its UTF-8 again (checking it cost more than the body parser's own work on Chinese text).
    /// libxml2 hands out only UTF-8 it has decoded scalar by scalar: a malformed, overlong or
    /// surrogate sequence, or a scalar XML does not allow, is a fatal error, after which it
    /// delivers nothing more (it runs without `XML_PARSE_RECOVER`), and text in other encodings
    /// reaches it converted and is decoded the same way. `XMLStreamReaderUTF8Tests` feeds it
    /// broken UTF-8 in text, attributes, across chunks and through UTF-16.
    private static func string(checkedByLibxml2 bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { String(trustedUTF8: $0) }
    }

    func startElement(_ tag: XMLStartTag) -> Bool {
        let queue = storage
        queue.pointee.textIsOpen = false
        let name = names.value(for: tag.localNameKey) { tag.localNameString }
        let first = queue.pointee.stored.count
        tag.forEachAttribute { key, makeName, namespace, value in
            let attributeName = names.value(for: key, make: makeName)
            queue.pointee.stored.append(StoredAttribute(name: attributeName, namespace: namespace,
                                                        start: queue.pointee.bytes.count, count: value.count))
            queue.pointee.bytes.append(contentsOf: value)
        }
        queue.pointee.events.append(Event(kind: .startElement, depth: Int32(tag.depth), name: name, namespace: tag.namespace,
                                          start: Int32(first), count: Int32(queue.pointee.stored.count - first)))
        queue.pointee.open.append((name, tag.namespace))
        return true
    }

    func endElement(depth: Int) {
        let queue = storage
        queue.pointee.textIsOpen = false
        let element = queue.pointee.open.popLast() ?? ("", .none)
        if let last = queue.pointee.events.indices.last, queue.pointee.events[last].kind == .startElement,
           queue.pointee.events[last].depth == Int32(depth) {
            queue.pointee.events[last].isEmpty = true
            return
        }
        queue.pointee.events.append(Event(kind: .endElement, depth: Int32(depth), name: element.name, namespace: element.namespace))
    }

    func characters(_ chunk: UnsafeRawBufferPointer) {
        let queue = storage
        if queue.pointee.textIsOpen, let last = queue.pointee.events.indices.last {
            queue.pointee.bytes.append(contentsOf: chunk)
            queue.pointee.events[last].count += Int32(chunk.count)
            return
        }
        queue.pointee.events.append(Event(kind: .text, depth: Int32(queue.pointee.open.count), name: "", namespace: .none,
                                          start: Int32(queue.pointee.bytes.count), count: Int32(chunk.count)))
        queue.pointee.bytes.append(contentsOf: chunk)
        queue.pointee.textIsOpen = true
    }

    func otherNode() {
        storage.pointee.textIsOpen = false
        storage.pointee.events.append(Event(kind: .other, depth: Int32(storage.pointee.open.count), name: "", namespace: .none))
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
