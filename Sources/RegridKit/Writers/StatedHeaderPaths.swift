/// Header paths stated for data cells by something that knows the table (a known layout), handed
/// to the tidy CSV writer so that it need not infer them from the grid. A table made of several
/// sections, each with its own sub-header row (table 二 of the annual reports: 第二十条第（一）项 with
/// 本年新制作数量…, then 第二十条第（五）项 with 本年处理决定数量…), has no single header block a
/// grid rule could find; its layout names every figure's row and column path.
///
/// ```swift
/// var stated = StatedHeaderPaths()
/// stated.state(table: "t2", row: 6, column: 1, rowPath: ["第二十条第（五）项", "行政许可"],
///              columnPath: ["第二十条第（五）项", "本年处理决定数量"])
/// let csv = CSVWriter(options: .init(shape: .tidy), statedHeaders: stated).text(table)
/// ```
public struct StatedHeaderPaths: Equatable, Sendable {
    /// One cell's paths, outermost header first.
    public struct Paths: Equatable, Sendable {
        public var row: [String]
        public var column: [String]
        public init(row: [String], column: [String]) {
            self.row = row
            self.column = column
        }
    }

    /// A cell's top-left slot.
    public struct Slot: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    private var byTable: [String: [Slot: Paths]] = [:]

    public init() {}

    /// States the paths of the cell whose top-left slot is (`row`, `column`) in table `table`.
    public mutating func state(table: String, row: Int, column: Int, rowPath: [String], columnPath: [String]) {
        byTable[table, default: [:]][Slot(row: row, column: column)] = Paths(row: rowPath, column: columnPath)
    }

    /// The stated cells of one table, nil when nothing is stated for it (its headers are inferred).
    public func paths(for table: String) -> [Slot: Paths]? {
        guard let paths = byTable[table], !paths.isEmpty else { return nil }
        return paths
    }

    /// True when no table has stated paths.
    public var isEmpty: Bool { byTable.values.allSatisfy(\.isEmpty) }
}
