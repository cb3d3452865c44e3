/// One whitespace-separated word of plain text, with where it stands.
struct TextWord: Sendable {
    var text: String
    /// 0-based line of the text.
    var line: Int { Int(line32) }
    /// 0-based page (pages are separated by form feeds, as `pdftotext` writes them).
    var page: Int { Int(page32) }
    /// Offset of the word's first character in its line, in Unicode scalars (`pdftotext -layout`
    /// lays text out on a character grid, so offsets stand for horizontal positions).
    var start: Int { Int(start32) }
    /// Offset just after the word's last character.
    var end: Int { Int(end32) }
    // Stored in 32 bits (a word costs 40 bytes, not 56): offsets past 2³¹ are clamped, which
    // only moves positions within lines no PDF text has.
    var line32: Int32
    var page32: Int32
    var start32: Int32
    var end32: Int32
    /// True when the word reads as a figure (a number, a dash), not as label text.
    var isFigure: Bool

    init(text: String, line: Int, page: Int, start: Int, end: Int, isFigure: Bool) {
        self.text = text
        self.line32 = Int32(clamping: line)
        self.page32 = Int32(clamping: page)
        self.start32 = Int32(clamping: start)
        self.end32 = Int32(clamping: end)
        self.isFigure = isFigure
    }
}

/// Plain text cut into lines and words in one pass: nothing but whitespace separates words,
/// since text that lost its TABs has nothing else.
struct TextWords: Sendable {
    /// The lines, each as its text (without the line end) and its page.
    private(set) var lines: [(text: Substring, page: Int)] = []
    /// Every word in reading order.
    private(set) var words: [TextWord] = []
    /// The first word of each line (`words.count` for lines after the last word).
    private(set) var firstWord: [Int] = []

    init(_ text: String) {
        var page = 0
        var lineStart = text.startIndex
        var column = 0
        var wordStart: String.Index? = nil
        var wordColumn = 0
        var index = text.startIndex
        let scalars = text.unicodeScalars
        func endWord(at end: String.Index) {
            guard let start = wordStart else { return }
            let word = String(text.unicodeScalars[start..<end])
            words.append(TextWord(text: word, line: lines.count, page: page, start: wordColumn, end: column,
                                  isFigure: Self.isFigure(word)))
            wordStart = nil
        }
        func endLine(at end: String.Index) {
            endWord(at: end)
            lines.append((text[lineStart..<end], page))
        }
        firstWord.append(0)
        while index < scalars.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            switch s {
            case "\n", "\r":
                endLine(at: index)
                if s == "\r", next < scalars.endIndex, scalars[next] == "\n" { index = scalars.index(after: next) } else { index = next }
                lineStart = index
                column = 0
                firstWord.append(words.count)
                continue
            case "\u{0C}":
                endWord(at: index)
                page += 1
                index = next
                continue
            default:
                if s.isWhitespaceFast {
                    endWord(at: index)
                } else if wordStart == nil {
                    wordStart = index
                    wordColumn = column
                }
            }
            column += 1
            index = next
        }
        if lineStart < text.endIndex || wordStart != nil { endLine(at: text.endIndex) } else { firstWord.removeLast() }
        settleWordsInContext()
    }

    /// What only a word's neighbours on its line tell: a unit written apart from its number
    /// (`24 项`, as PDF text spaces CJK from digits) joins the number, and `无` is a figure
    /// (none) only beside figures and not after an item number — alone, or after `4.`, it is a
    /// fragment of a label broken over lines.
    private mutating func settleWordsInContext() {
        var kept: [TextWord] = []
        kept.reserveCapacity(words.count)
        var firstKept = [Int](repeating: 0, count: firstWord.count)
        var line = 0
        for (index, word) in words.enumerated() {
            while line < firstWord.count && firstWord[line] <= index { firstKept[line] = kept.count; line += 1 }
            if let previous = kept.last, previous.line == word.line, previous.isFigure, previous.text.unicodeScalars.last?.properties.numericType != nil,
               FigureText.units.contains(word.text) {
                kept[kept.count - 1].text += word.text
                kept[kept.count - 1].end32 = word.end32
                continue
            }
            kept.append(word)
        }
        while line < firstWord.count { firstKept[line] = kept.count; line += 1 }
        for i in kept.indices where kept[i].text == "无" {
            // `4. 无` opens a label (`4.无正当理由…`), whatever follows it.
            if i > 0, kept[i - 1].line == kept[i].line, let last = kept[i - 1].text.unicodeScalars.last,
               last == "." || last == "、" || last == "．" {
                kept[i].isFigure = false
                continue
            }
            let before = i > 0 && kept[i - 1].line == kept[i].line && kept[i - 1].isFigure && kept[i - 1].text != "无"
            let after = i + 1 < kept.count && kept[i + 1].line == kept[i].line && kept[i + 1].isFigure && kept[i + 1].text != "无"
            kept[i].isFigure = before || after
        }
        words = kept
        firstWord = firstKept
    }

    /// The lines of `text` as ``lines`` cuts them (line ends LF, CR, CRLF; a form feed starts a
    /// page), without cutting words: for text where no known layout is searched.
    static func lines(_ text: String) -> [(text: Substring, page: Int)] {
        var lines: [(text: Substring, page: Int)] = []
        var page = 0
        var lineStart = text.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            if s == "\n" || s == "\r" {
                lines.append((text[lineStart..<index], page))
                index = s == "\r" && next < scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
                lineStart = index
                continue
            }
            if s == "\u{0C}" { page += 1 }
            index = next
        }
        if lineStart < text.endIndex { lines.append((text[lineStart..<text.endIndex], page)) }
        return lines
    }

    /// The words of line `line`.
    func words(ofLine line: Int) -> Range<Int> {
        let end = line + 1 < firstWord.count ? firstWord[line + 1] : words.count
        return firstWord[line]..<end
    }

    /// A word is a figure when ``FigureText`` reads it as a number or a dash, except an item
    /// number such as `1.` or `2、`, which starts a label.
    static func isFigure(_ word: String) -> Bool {
        // Most words are label text: a figure starts with a digit, a sign, a dash or 无.
        guard let first = word.unicodeScalars.first,
              ("0"..."9").contains(first) || (0xFF10...0xFF19).contains(first.value) || first == "-" || first == "+"
                || first == "无" || (0x2010...0x2015).contains(first.value) || first == "－" || first == "−" else { return false }
        guard let last = word.unicodeScalars.last, last != ".", last != "、", last != "．" else { return false }
        guard let reading = FigureText.read(word) else { return false }
        return reading.form != .blank && reading.note == nil
    }
}
