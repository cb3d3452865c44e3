/// An HTML page as Regrid keeps it after libxml2 has parsed it: elements (lower-case names,
/// attributes) and text, nothing else (comments, processing instructions and the DOCTYPE are
/// left behind). Built by ``HTMLTreeParser``; read by ``HTMLFlowBuilder``.
final class HTMLElement {
    /// Lower-case element name; prefixed names keep their prefix (`o:p`).
    let name: String
    /// Attributes in source order, names lower-cased.
    let attributes: [(name: String, value: String)]
    /// Child elements and text, in document order.
    var children: [HTMLNode] = []

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of attribute `name` (lower-case), or nil.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// True when the element is hidden from readers: `hidden`, `aria-hidden="true"` is not
    /// counted (screen-reader only), but CSS `display:none`, `visibility:hidden` and Word's
    /// `mso-hide:all` in the `style` attribute are.
    var isHidden: Bool {
        if attribute("hidden") != nil { return true }
        guard let style = attribute("style") else { return false }
        let compact = String(style.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        return compact.contains("display:none") || compact.contains("visibility:hidden") || compact.contains("mso-hide:all")
    }
}

/// One node of an ``HTMLElement``'s content.
enum HTMLNode {
    case element(HTMLElement)
    /// Character data, entities already replaced.
    case text(String)
}
