/// Bounds that keep a reader safe on hostile input. Every limit is checked before the work it
/// guards (declared sizes) and again while the work runs (actual bytes, depth, counts).
public struct ReaderLimits: Equatable, Sendable {
    /// Largest uncompressed size of one zip entry that is read, in bytes.
    public var maxEntryBytes: Int
    /// Largest sum of uncompressed bytes read from one package.
    public var maxPackageBytes: Int
    /// Largest compression ratio of an entry larger than 1 MiB before it is refused as a bomb.
    public var maxCompressionRatio: Int
    /// Deepest XML element nesting accepted.
    public var maxXMLDepth: Int
    /// Deepest table nesting (a table in a cell in a table …).
    public var maxTableNesting: Int
    /// Most grid columns of one table.
    public var maxColumns: Int
    /// Most rows of one table.
    public var maxTableRows: Int
    /// Most cells of one table.
    public var maxCells: Int
    /// Largest text input in bytes.
    public var maxTextBytes: Int
    /// Most slots (rows × columns) of one table's grid where spans cost no input bytes (HTML
    /// `rowspan`/`colspan`): bounds the memory a few bytes of markup can ask for.
    public var maxGridSlots: Int
    /// Most pages of one PDF (the page count is checked before any page is read).
    public var maxPDFPages: Int
    /// Most characters of one PDF, all pages together (checked page by page, so a PDF that
    /// passes it is refused after reading at most one page too many).
    public var maxPDFCharacters: Int

    public init(maxEntryBytes: Int = 1 << 30, maxPackageBytes: Int = 2 << 30, maxCompressionRatio: Int = 1000,
                maxXMLDepth: Int = 256, maxTableNesting: Int = 16, maxColumns: Int = 16_384,
                maxTableRows: Int = 2_000_000, maxCells: Int = 20_000_000, maxTextBytes: Int = 1 << 30,
                maxGridSlots: Int = 4_000_000, maxPDFPages: Int = 10_000, maxPDFCharacters: Int = 20_000_000) {
        self.maxEntryBytes = maxEntryBytes
        self.maxPackageBytes = maxPackageBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxXMLDepth = maxXMLDepth
        self.maxTableNesting = maxTableNesting
        self.maxColumns = maxColumns
        self.maxTableRows = maxTableRows
        self.maxCells = maxCells
        self.maxTextBytes = maxTextBytes
        self.maxGridSlots = maxGridSlots
        self.maxPDFPages = maxPDFPages
        self.maxPDFCharacters = maxPDFCharacters
    }

    /// The defaults: generous for real documents, tight enough for bombs.
    public static let `default` = ReaderLimits()
}
