/// Walks a parsed page (``HTMLElement``) into blocks: headings `h1`–`h6`, paragraphs (every other
/// block element, `<br>`-separated lines) and tables (`HTMLTableReading.swift`). Dropped: `head`,
/// scripts, styles, templates, form controls, embedded objects, comments (Word's conditional
/// comments among them) and anything hidden (`hidden`, `display:none`, `visibility:hidden`,
/// `mso-hide:all`).
struct HTMLFlowBuilder {
    let limits: ReaderLimits
    /// Findings about the page as a whole (tables keep their own).
    var diagnostics: [Diagnostic] = []
    var hiddenElements = 0
    var layoutTables = 0
    /// The page was written by Regrid's own ``HTMLWriter``: its apparatus (source line, table
    /// meta line, notes, note references in cells) is left out, so the page reads back as the
    /// document it was written from.
    var isRegridPage = false

    init(limits: ReaderLimits) { self.limits = limits }

    /// Classes of the elements ``HTMLWriter`` adds around a document's own content.
    static let regridApparatus: Set<String> = ["source", "meta", "notes", "document-notes", "ref"]

    /// True when `root` has `<meta name="generator" content="Regrid …">` in its head.
    static func isWrittenByRegrid(_ root: HTMLElement) -> Bool {
        for case .element(let head) in root.children where head.name == "head" {
            for case .element(let meta) in head.children where meta.name == "meta" {
                if meta.attribute("name")?.lowercased() == "generator", meta.attribute("content")?.hasPrefix("Regrid ") == true {
                    return true
                }
            }
        }
        return false
    }

    /// Elements whose content is never text of the document.
    static let skipped: Set<String> = [
        "head", "title", "meta", "link", "script", "style", "template", "noscript", "iframe", "object", "embed",
        "svg", "math", "canvas", "select", "option", "button", "input", "textarea", "audio", "video", "map",
        "xml", "o:documentproperties", "w:worddocument",
    ]

    /// Elements that start and end a line of text.
    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "aside",
        "header", "footer", "main", "nav", "address", "center", "figure", "figcaption", "form", "fieldset",
        "legend", "hr", "details", "summary", "caption", "td", "th", "tr", "thead", "tbody", "tfoot", "body",
        "h1", "h2", "h3", "h4", "h5", "h6", "listing", "plaintext", "xmp", "menu", "dir", "frameset", "frame",
    ]

    /// The blocks of the whole page.
    mutating func read(_ root: HTMLElement) throws(RegridError) -> BlockList {
        isRegridPage = Self.isWrittenByRegrid(root)
        var flow = HTMLFlow()
        try walk(children: root.children, into: &flow, nesting: 0, preformatted: false)
        flow.endLine()
        return flow.list
    }

    /// The content of one container element (a table cell): its blocks and lines.
    mutating func container(_ element: HTMLElement, nesting: Int) throws(RegridError) -> BlockList {
        var flow = HTMLFlow()
        try walk(children: element.children, into: &flow, nesting: nesting, preformatted: false)
        flow.endLine()
        return flow.list
    }

    private mutating func walk(children: [HTMLNode], into flow: inout HTMLFlow, nesting: Int, preformatted: Bool) throws(RegridError) {
        for child in children {
            switch child {
            case .text(let text):
                flow.append(text: text, preformatted: preformatted)
            case .element(let element):
                try walk(element, into: &flow, nesting: nesting, preformatted: preformatted)
            }
        }
    }

    private mutating func walk(_ element: HTMLElement, into flow: inout HTMLFlow, nesting: Int, preformatted: Bool) throws(RegridError) {
        let name = element.name
        if Self.skipped.contains(name) { return }
        if element.isHidden {
            hiddenElements += 1
            return
        }
        if isRegridPage, let classes = element.attribute("class"),
           classes.split(separator: " ").contains(where: { Self.regridApparatus.contains(String($0)) }) {
            return
        }
        switch name {
        case "br":
            flow.endLine()
        case "table":
            flow.endLine()
            flow.append(try readTable(element, nesting: nesting + 1))
        default:
            guard Self.blockElements.contains(name) else {
                try walk(children: element.children, into: &flow, nesting: nesting, preformatted: preformatted)
                return
            }
            flow.endLine()
            let outerLevel = flow.headingLevel
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                flow.headingLevel = level
            }
            let pre = preformatted || name == "pre" || name == "listing" || name == "xmp" || name == "plaintext"
            try walk(children: element.children, into: &flow, nesting: nesting, preformatted: pre)
            flow.endLine()
            flow.headingLevel = outerLevel
        }
    }
}
