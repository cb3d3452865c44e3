/// Writes a document as one standalone HTML page: headings, paragraphs and tables (merged cells
/// as `rowspan`/`colspan`, header rows in `<thead>`), a small embedded stylesheet, `lang` guessed
/// from the content (``ContentLanguage``), and beside each table what was inferred or repaired
/// (its diagnostics) and what failed a check (``Annotations``), with the cells concerned
/// highlighted and numbered. No scripts, no external resources.
public struct HTMLWriter: Sendable {
    /// Marks from layout checks to highlight.
    public var annotations: Annotations
    /// Show what was inferred rather than read (`info` diagnostics such as `span-inferred`);
    /// false leaves them out, keeping warnings, errors and failed checks.
    public var showsInferred: Bool

    public init(annotations: Annotations = Annotations(), showsInferred: Bool = true) {
        self.annotations = annotations
        self.showsInferred = showsInferred
    }

    /// The page, ending in a newline.
    public func write(_ document: Document) -> String {
        let renderer = HTMLTableRenderer(styled: true, annotations: annotations, showsInferred: showsInferred)
        let title = DocumentTitles.title(of: document)
        var out = """
            <!DOCTYPE html>
            <html lang="\(ContentLanguage.guess(document))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Regrid \(Regrid.version)">
            <title>\(XMLEscaping.text(title.replacingNewlines()))</title>
            <style>
            \(HTMLWriter.stylesheet)</style>
            </head>
            <body>
            <main>
            <p class="source">\(XMLEscaping.text(document.source.name)) · \(document.source.kind.rawValue)</p>

            """
        for block in document.blocks {
            switch block {
            case .heading(let h):
                let level = min(6, max(1, h.level))
                out += "<h\(level)>" + HTMLTableRenderer.inline(h.text) + "</h\(level)>\n"
            case .paragraph(let p):
                out += "<p>" + HTMLTableRenderer.inline(p.text) + "</p>\n"
            case .table(let t):
                out += table(t, renderer: renderer)
            }
        }
        let diagnostics = document.diagnostics.filter { showsInferred || $0.severity > .info }
        if !diagnostics.isEmpty {
            out += "<section class=\"document-notes\">\n<h2>Diagnostics</h2>\n<ul>\n"
            for d in diagnostics {
                var place = ""
                if let line = d.line { place += " line \(line)" }
                if let part = d.part { place += " " + XMLEscaping.text(part) }
                out += "<li class=\"\(d.severity.rawValue)\"><span class=\"severity\">\(d.severity.rawValue)</span> <code>\(XMLEscaping.text(d.code))</code>\(place): \(HTMLTableRenderer.inline(d.message))</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private func table(_ t: Table, renderer: HTMLTableRenderer) -> String {
        let notes = renderer.notes(for: t)
        var meta = "\(XMLEscaping.text(t.id)) · \(t.rows) × \(t.columns)"
        if let layout = t.layout {
            meta += " · layout <code>\(XMLEscaping.text(layout.template))</code> (confidence \(JSONText.number(layout.confidence)))"
        }
        var out = "<section class=\"table-block\">\n<p class=\"meta\">\(meta)</p>\n<div class=\"table-scroll\">\n"
        out += renderer.render(t, notes: notes)
        out += "</div>\n"
        if !notes.isEmpty {
            out += "<aside class=\"notes\">\n<ol>\n"
            for note in notes {
                var line = "<li id=\"\(XMLEscaping.attribute(t.id))-n\(note.number)\" class=\"\(note.severity.rawValue)\">"
                line += "<span class=\"severity\">\(note.severity.rawValue)</span> "
                if let code = note.code { line += "<code>\(XMLEscaping.text(code))</code> " }
                if note.slots.count == 1 {
                    line += "<span class=\"slot\">[\(note.slots[0].row), \(note.slots[0].column)]</span> "
                } else if note.slots.count > 1 {
                    line += "<span class=\"slot\">\(note.slots.count) cells</span> "
                }
                out += line + HTMLTableRenderer.inline(note.message) + "</li>\n"
            }
            out += "</ol>\n</aside>\n"
        }
        return out + "</section>\n"
    }

    /// The embedded stylesheet: readable tables, CJK-capable fonts, highlighted marks.
    static let stylesheet = """
        :root { --line: #c3c9d1; --head: #e9eef5; --ink: #1d2329; --muted: #5f6b76; }
        body { margin: 2rem auto; max-width: 76rem; padding: 0 1.5rem; color: var(--ink); line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC",
            "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
        h1 { font-size: 1.6rem; margin: 1.2rem 0 .6rem; }
        h2 { font-size: 1.3rem; margin: 1.2rem 0 .5rem; }
        h3, h4, h5, h6 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
        .source { color: var(--muted); font-size: .8rem; margin: 0; }
        .table-block { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; align-items: flex-start; margin: 1rem 0 2rem; }
        .meta { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .8rem; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; font-size: .92rem; }
        th, td { border: 1px solid var(--line); padding: .35rem .65rem; vertical-align: top; text-align: left; }
        thead th { background: var(--head); text-align: center; vertical-align: middle; }
        tbody th { background: #f5f7fa; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.synthetic { background: repeating-linear-gradient(45deg, #fbfbfb 0 4px, #f0f1f3 4px 8px); }
        td table, th table { margin: .2rem 0; font-size: .9em; }
        .mark-error { background: #fde3e1 !important; box-shadow: inset 0 0 0 2px #d93025; }
        .mark-warning { background: #fff3d1 !important; box-shadow: inset 0 0 0 2px #e0a100; }
        .mark-info { box-shadow: inset 0 0 0 2px #7aa7e6; }
        a.ref { display: inline-block; margin-left: .35em; padding: 0 .4em; border-radius: .6em; font-size: .7rem;
          line-height: 1.3rem; vertical-align: top; text-decoration: none; color: #fff; background: #7aa7e6; }
        a.ref.warning { background: #c98f00; }
        a.ref.error { background: #d93025; }
        aside.notes { flex: 1 1 16rem; max-width: 30rem; font-size: .85rem; border-left: 3px solid var(--line); padding-left: .9rem; }
        aside.notes ol { margin: 0; padding-left: 1.4rem; }
        aside.notes li, .document-notes li { margin: .2rem 0; }
        .document-notes { font-size: .9rem; }
        .severity { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        li.warning .severity { color: #9a6b00; }
        li.error .severity { color: #b3261e; }
        .slot { color: var(--muted); font-variant-numeric: tabular-nums; }
        code { font-size: .85em; background: #f1f3f5; padding: 0 .25em; border-radius: 3px; }

        """
}

extension String {
    /// The string with line breaks replaced by spaces (for one-line contexts such as `<title>`).
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
