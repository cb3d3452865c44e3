import Testing
@testable import RegridKit

/// Paragraph text and headings.
@Suite("DOCX text and headings")
struct DOCXTextTests {
    typealias X = TestDOCX

    @Test func runTextTabsBreaksHyphensAndSymbols() throws {
        let document = try TestDOCX(body: """
            <w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t>\
            <w:sym w:font="Symbol" w:char="03B1"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/></w:r></w:p>
            """).read()
        #expect(document.outline == ["p a\tb\nc\nd-eα"])
    }

    @Test func emptyParagraphsAreNotBlocksAndTextIsTrimmed() throws {
        let document = try TestDOCX(body: X.p("  first  ") + "<w:p/>" + X.p("\u{3000} ") + X.p("second") + "<w:sectPr/>").read()
        #expect(document.outline == ["p first", "p second"])
    }

    @Test func headingsFromStyleNamesOutlineLevelsAndChains() throws {
        let styles = [
            X.style("Normal", name: "Normal"),
            X.style("H2", name: "heading 2"),
            X.style("T", name: "Title"),
            X.style("cn1", name: "标题 1"),
            X.style("cn3", name: "标题3"),
            X.style("Custom", name: "My Heading", basedOn: "H2"),
            X.style("Outline", name: "Chapter", outline: 3),
            X.style("Body9", name: "heading 1", outline: 9),
            X.style("Loop1", name: "loop a", basedOn: "Loop2"),
            X.style("Loop2", name: "loop b", basedOn: "Loop1"),
            X.style("H1Char", name: "heading 1", type: "character"),
        ].joined()
        let body = X.p("two", style: "H2") + X.p("title", style: "T") + X.p("cn one", style: "cn1")
            + X.p("cn three", style: "cn3") + X.p("inherited", style: "Custom") + X.p("outline", style: "Outline")
            + X.p("nine", style: "Body9") + X.p("loop", style: "Loop1") + X.p("char", style: "H1Char")
            + X.p("undefined id", style: "Heading4") + X.p("plain")
            + "<w:p><w:pPr><w:pStyle w:val=\"H2\"/><w:outlineLvl w:val=\"9\"/></w:pPr><w:r><w:t>direct body</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>direct one</w:t></w:r></w:p>"
        let document = try TestDOCX(body: body, styles: styles).read()
        #expect(document.outline == [
            "h2 two", "h1 title", "h1 cn one", "h3 cn three", "h2 inherited", "h4 outline", "p nine", "p loop",
            "p char", "h4 undefined id", "p plain", "p direct body", "h1 direct one",
        ])
    }

    /// Runs of paragraphs in one style, and styles coming back after others (the level of the
    /// last style looked up is kept): every paragraph gets its own style's level.
    @Test func headingLevelsHoldAcrossRunsAndReturnsOfStyles() throws {
        let styles = X.style("H2", name: "heading 2") + X.style("T", name: "Title") + X.style("N", name: "Normal")
        let sequence: [(String?, String)] = [("H2", "h2"), ("H2", "h2"), (nil, "p"), (nil, "p"), ("T", "h1"), ("H2", "h2"),
                                             ("N", "p"), (nil, "p"), ("T", "h1"), ("T", "h1"), ("N", "p"), ("H2", "h2")]
        var body = ""
        for (i, (style, _)) in sequence.enumerated() {
            body += style.map { X.p("t\(i)", style: $0) } ?? X.p("t\(i)")
            if i == 6 { body += "<w:p><w:pPr><w:pStyle w:val=\"N\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>direct</w:t></w:r></w:p>" }
        }
        var expected = sequence.enumerated().map { "\($0.element.1) t\($0.offset)" }
        expected.insert("h2 direct", at: 7)
        #expect(try TestDOCX(body: body, styles: styles).read().outline == expected)
    }

    @Test func defaultParagraphStyleApplies() throws {
        let styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Big\"><w:name w:val=\"heading 3\"/></w:style>"
        #expect(try TestDOCX(body: X.p("x"), styles: styles).read().outline == ["h3 x"])
    }

    @Test func hyperlinksAndFieldsGiveTheirVisibleText() throws {
        let body = """
            <w:p><w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink>\
            <w:r><w:t xml:space="preserve"> </w:t></w:r>\
            <w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> </w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NESTED</w:instrText><w:t>hidden</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>+inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> after</w:t></w:r></w:p>
            """
        #expect(try TestDOCX(body: body).read().outline == ["p link 7 shown+inner after"])
    }

    @Test func fieldsLeftOpenInACellDoNotHideTheRestOfTheDocument() throws {
        let cell = "<w:tc><w:p><w:r><w:t>in</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>instr</w:t></w:r></w:p></w:tc>"
        let document = try TestDOCX(body: X.tbl(columns: 1, "<w:tr>\(cell)</w:tr>") + X.p("visible")).read()
        #expect(document.outline == ["table t1", "p visible"])
        #expect(document.tables[0].cells[0].text == "in")
        #expect(document.diagnostics.map(\.code).contains("field-unbalanced"))
    }

    @Test func textBoxesFollowTheirAnchorOnce() throws {
        let box = "<w:txbxContent>\(X.p("box line"))</w:txbxContent>"
        let body = """
            <w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>\(box)</wps:txbx></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:t xml:space="preserve"> text</w:t></w:r></w:p>\(X.p("next"))
            """
        let document = try TestDOCX(body: body).read()
        #expect(document.outline == ["p anchor text", "p box line", "p next"])
        #expect(document.diagnostics.map(\.code).contains("text-box-inlined"))
    }

    @Test func blockLevelWrappersAndDeletions() throws {
        let body = "<w:sdt><w:sdtPr/><w:sdtContent>\(X.p("in control"))</w:sdtContent></w:sdt>"
            + "<w:customXml w:element=\"x\">\(X.p("custom"))</w:customXml>"
            + "<w:p><w:del w:id=\"1\"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>"
            + "<mc:AlternateContent><mc:Choice Requires=\"w14\">\(X.p("choice"))</mc:Choice></mc:AlternateContent>"
        let document = try TestDOCX(body: body).read()
        #expect(document.outline == ["p in control", "p custom"])
        let codes = document.diagnostics.map(\.code)
        #expect(codes.contains("tracked-deletion-dropped"))
        #expect(codes.contains("alternate-content-no-fallback"))
    }
}

/// Legacy checkbox form fields (`w:fldChar/w:ffData/w:checkBox`) read as ☒ / ☐.
@Suite("DOCX checkboxes")
struct DOCXCheckBoxTests {
    static func box(_ props: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"c\"/><w:checkBox><w:sizeAuto/>\(props)</w:checkBox></w:ffData></w:fldChar></w:r>"
            + "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    @Test func checkedStateOverridesTheDefault() throws {
        let body = "<w:p>" + Self.box("<w:default w:val=\"0\"/>") + "<w:r><w:t xml:space=\"preserve\"> no </w:t></w:r>"
            + Self.box("<w:default w:val=\"0\"/><w:checked/>") + "<w:r><w:t xml:space=\"preserve\"> yes </w:t></w:r>"
            + Self.box("<w:default w:val=\"1\"/>") + "<w:r><w:t xml:space=\"preserve\"> default on </w:t></w:r>"
            + Self.box("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>") + "<w:r><w:t xml:space=\"preserve\"> unticked</w:t></w:r></w:p>"
        let document = try TestDOCX(body: body).read()
        #expect(document.outline == ["p ☐ no ☒ yes ☒ default on ☐ unticked"])
    }

    @Test func aTextFormFieldAddsNothing() throws {
        let body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r>"
            + "<w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r><w:t>typed</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        #expect(try TestDOCX(body: body).read().outline == ["p typed"])
    }
}
