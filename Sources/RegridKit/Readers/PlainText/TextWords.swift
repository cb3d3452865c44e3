/// One whitespace-separated word of plain text, with where it stands.
struct TextWord: Sendable {
    var text: String
    /// 0-based line of the text.
    var line: Int
    /// 0-based page (pages are separated by form feeds, as `pdftotext` writes them).
    var page: Int
    /// Offset of the word's first character in its line, in Unicode scalars (`pdftotext -layout`
    /// lays text out on a character grid, so offsets stand for horizontal positions).
    var start: Int
    /// Offset just after the word's last character.
    var end: Int
    /// True when the word reads as a figure (a number, a dash), not as label text.
    var isFigure: Bool

    /// Twice the word's horizontal centre (kept integral).
    var center2: Int { start + end }
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
    }

    /// The words of line `line`.
    func words(ofLine line: Int) -> Range<Int> {
        let end = line + 1 < firstWord.count ? firstWord[line + 1] : words.count
        return firstWord[line]..<end
    }

    /// A word is a figure when ``FigureText`` reads it as a number or a dash, except an item
    /// number such as `1.` or `2、`, which starts a label.
    static func isFigure(_ word: String) -> Bool {
        guard let last = word.unicodeScalars.last, last != ".", last != "、", last != "．" else { return false }
        guard let reading = FigureText.read(word) else { return false }
        return reading.form != .blank && reading.note == nil
    }
}
