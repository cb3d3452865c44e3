import CLibXML2

/// libxml2's HTML parser behind a safe Swift call: UTF-8 bytes in, an ``HTMLElement`` tree out.
/// The only file of the HTML reader that touches C.
///
/// Safe by construction: no network (`HTML_PARSE_NONET`), the encoding is fixed to UTF-8 (the
/// reader decodes first; any `<meta charset>` inside is ignored), and the HTML parser never loads
/// a DTD or expands anything but the built-in HTML character entities. Nesting deeper than
/// ``ReaderLimits/maxXMLDepth`` is refused with a clear error, so that no later step recurses
/// without bound.
enum HTMLTreeParser {
    /// Parses `utf8`.
    /// - Parameters:
    ///   - utf8: the page as UTF-8 (no BOM needed).
    ///   - name: the file's name, for libxml2's error context only.
    ///   - limits: ``ReaderLimits/maxXMLDepth`` bounds the element nesting.
    /// - Returns: the root element (`html`; libxml2 supplies it when the page omits it).
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` for too deep nesting or a page over
    ///   2 GiB, ``RegridError/invalidInput(_:)`` when libxml2 builds no tree at all.
    static func parse(utf8: [UInt8], name: String, limits: ReaderLimits) throws(RegridError) -> HTMLElement {
        guard utf8.count < Int(Int32.max) else {
            throw .limitExceeded(what: "HTML page size (\(utf8.count) bytes)", limit: Int(Int32.max) - 1)
        }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_RECOVER.rawValue
                            | HTML_PARSE_NODEFDTD.rawValue)
        regrid_xml_capture_generic_errors()
        let parsed: xmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    htmlReadMemory(chars, Int32(buffer.count), name, "UTF-8", options)
                }
            }
        }
        guard let doc = parsed else {
            let generic = String(cString: regrid_xml_generic_error_message())
            throw .invalidInput("libxml2 could not parse the HTML page\(generic.isEmpty ? "" : ": " + generic)")
        }
        defer { xmlFreeDoc(doc) }
        let root = HTMLElement(name: "html", attributes: [])
        var node = doc.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = try convert(current, depth: 1, maxDepth: limits.maxXMLDepth)
                if element.name == "html" {
                    root.children.append(contentsOf: element.children)
                } else {
                    root.children.append(.element(element))
                }
            }
            node = current.pointee.next
        }
        return root
    }

    private static func convert(_ node: xmlNodePtr, depth: Int, maxDepth: Int) throws(RegridError) -> HTMLElement {
        guard depth <= maxDepth else {
            throw .limitExceeded(what: "HTML element nesting", limit: maxDepth)
        }
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var text = current.pointee.children
            while let part = text {
                if let content = part.pointee.content { value += String(cString: content) }
                text = part.pointee.next
            }
            attributes.append((name: string(current.pointee.name).lowercased(), value: value))
            attribute = current.pointee.next
        }
        let element = HTMLElement(name: string(node.pointee.name).lowercased(), attributes: attributes)
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(try convert(current, depth: depth + 1, maxDepth: maxDepth)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.children.append(.text(String(cString: content)))
                }
            default:
                break   // comments (Word's conditional comments too), processing instructions
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ name: UnsafePointer<xmlChar>?) -> String {
        name.map { String(cString: $0) } ?? ""
    }
}
