/// The parts of the File Information Block ([MS-DOC] 2.5.1) at the start of the `WordDocument`
/// stream that the reader needs: where the text, its pieces and its paragraph properties are.
struct WordFIB {
    /// `0Table` or `1Table`: the stream holding the piece table and property indexes.
    var tableStream: String
    /// Characters of the main document (the body); footnotes, headers and the rest follow it.
    var mainTextLength: Int
    /// The piece table (`Clx`) in the table stream.
    var clx: (offset: Int, length: Int)
    /// The paragraph-property index (`PlcBtePapx`) in the table stream.
    var paragraphIndex: (offset: Int, length: Int)
    /// The character-property index (`PlcBteChpx`) in the table stream.
    var characterIndex: (offset: Int, length: Int)

    /// - Throws: ``RegridError/encrypted`` for an encrypted or obfuscated document;
    ///   ``RegridError/invalidInput(_:)`` for a FIB that is not a Word 97 or later one.
    init(_ stream: ByteReader) throws(RegridError) {
        guard let ident = stream.u16(0), ident == 0xA5EC, let nFib = stream.u16(2), let flags = stream.u16(0x0A) else {
            throw CompoundFile.damaged("the WordDocument stream has no Word file information block")
        }
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 { throw .encrypted }
        // Word 6/95 (nFib < 0xC1, e.g. 0x65–0x68) stores text and tables differently.
        guard nFib >= 0xC1 || nFib == 0 else {
            throw .unsupportedFormat("a Word 6.0/95 document (file format \(nFib)); save it as DOCX first")
        }
        tableStream = flags & 0x0200 != 0 ? "1Table" : "0Table"
        guard let ccpText = stream.i32(0x4C), ccpText >= 0,
              let fcClx = stream.u32(0x1A2), let lcbClx = stream.u32(0x1A6),
              let fcPapx = stream.u32(0x102), let lcbPapx = stream.u32(0x106),
              let fcChpx = stream.u32(0xFA), let lcbChpx = stream.u32(0xFE) else {
            throw CompoundFile.damaged("the file information block is cut short")
        }
        mainTextLength = Int(ccpText)
        clx = (Int(fcClx), Int(lcbClx))
        paragraphIndex = (Int(fcPapx), Int(lcbPapx))
        characterIndex = (Int(fcChpx), Int(lcbChpx))
    }
}
