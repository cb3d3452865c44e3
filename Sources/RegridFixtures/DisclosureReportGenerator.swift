import RegridKit

/// Builds report-like DOCX files in the two 政府信息公开工作年度报告 layouts, with seeded random
/// figures, the wording variants seen in real reports, optional planted rule violations and an
/// optional unknown extra table; and the truth about each report (``ReportTruth``).
public struct DisclosureReportGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable {
        /// `2019` or `2021`.
        public var layout: String
        public var seed: UInt64
        /// The reporting year written in the title (a 2019-layout report may say 2022).
        public var year: Int
        public var agency: String
        /// Use the wording variants (brackets, numbering, line breaks, notes, blanks and dashes for 0, units).
        public var variants: Bool
        /// Violations to plant; their targets are drawn from `seed`.
        public var violations: [PlantedViolation.Kind]
        /// Add a table that no known layout describes after table 四.
        public var unknownTable: Bool

        public init(layout: String, seed: UInt64, year: Int? = nil, agency: String = "西宁市城中区人民政府",
                    variants: Bool = true, violations: [PlantedViolation.Kind] = [], unknownTable: Bool = false) {
            self.layout = layout
            self.seed = seed
            self.year = year ?? (layout == "2019" ? 2020 : 2023)
            self.agency = agency
            self.variants = variants
            self.violations = violations
            self.unknownTable = unknownTable
        }
    }

    /// A generated report: the Word body, its package bytes and its truth.
    public struct Report: Sendable {
        public var word: WordML
        public var truth: ReportTruth
        /// The `.docx` bytes.
        public func docx() throws(RegridError) -> [UInt8] { try word.docx() }
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Builds the report.
    public func generate() -> Report {
        var rng = SeededRandom(seed: options.seed)
        let style = Style(variants: options.variants, layout: options.layout, rng: &rng)
        var figures: [ExpectedFigure] = []
        var violations: [PlantedViolation] = []
        var word = WordML()

        if rng.chance(0.5) {
            word.paragraph(options.agency)
            word.paragraph("\(options.year)年政府信息公开工作年度报告")
        } else {
            word.paragraph("\(options.agency)\(options.year)年政府信息公开工作年度报告")
        }
        word.paragraph("")
        word.paragraph("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，编制本年度报告。本报告所列统计数据的期限自\(options.year)年1月1日起至\(options.year)年12月31日止。")
        word.paragraph("一、总体情况")
        word.paragraph("\(options.year)年，我单位认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。")
        word.paragraph("二、主动公开政府信息情况")
        word.table(columns: 4, rows: proactiveTable(style, &rng, &figures))
        word.paragraph("三、收到和处理政府信息公开申请情况")
        word.table(columns: 10, rows: applicationsTable(style, &rng, &figures, &violations))
        word.paragraph("四、政府信息公开行政复议、行政诉讼情况")
        word.table(columns: 15, rows: reviewTable(style, &rng, &figures, &violations))
        if options.unknownTable {
            word.paragraph("附：政府网站信息发布情况")
            word.table(columns: 3, rows: [
                [.init("栏目", vMerge: .restart), .init("信息发布", span: 2)],
                [.continued(), .init("条数"), .init("占比")],
                [.init("政务动态"), .init("\(rng.int(50...300))"), .init("\(rng.int(10...60))%")],
                [.init("通知公告"), .init("\(rng.int(5...90))"), .init("\(rng.int(5...40))%")],
            ])
        }
        word.paragraph("五、存在的主要问题及改进情况")
        word.paragraph("一是公开内容的深度和广度仍需提升；二是政策解读形式较为单一。下一步将进一步规范公开流程。")
        word.paragraph("六、其他需要报告的事项")
        word.paragraph(options.layout == "2019" ? "无。" : "本年度未收取信息处理费。")

        let truth = ReportTruth(layout: options.layout, agency: options.agency, year: options.year, figures: figures,
                                violations: violations, hasUnknownTable: options.unknownTable)
        return Report(word: word, truth: truth)
    }

    // MARK: - Table 二

    private func proactiveTable(_ style: Style, _ rng: inout SeededRandom, _ figures: inout [ExpectedFigure]) -> [[WordML.TableCell]] {
        var rows: [[WordML.TableCell]] = []
        for block in DisclosureForms.proactive(options.layout) {
            rows.append([.init(style.title(block.title), span: 4)])
            let values = block.header.count - 1
            // Two value columns over a width of three: Word authors split it either way.
            let spans = values == 3 ? [1, 1, 1] : values == 1 ? [3] : (style.wideFirst ? [2, 1] : [1, 2])
            var header: [WordML.TableCell] = [.init(block.header[0])]
            for (h, span) in zip(block.header.dropFirst(), spans) { header.append(.init(style.header(h), span: span)) }
            rows.append(header)
            for row in block.rows {
                var cells: [WordML.TableCell] = [.init(style.rowLabel(row))]
                for (h, span) in zip(block.header.dropFirst(), spans) {
                    let (value, text) = proactiveValue(column: h, style, &rng)
                    cells.append(.init(text, span: span))
                    figures.append(ExpectedFigure(table: "proactive", row: [block.title, row], column: [block.title, h],
                                                  value: value, text: text))
                }
                rows.append(cells)
            }
        }
        return rows
    }

    private func proactiveValue(column: String, _ style: Style, _ rng: inout SeededRandom) -> (Double, String) {
        switch column {
        case "本年增/减":
            let v = rng.int(-20...20)
            return (Double(v), v == 0 ? style.zero(&rng) : String(v))
        case "采购项目数量":
            let v = rng.int(0...40)
            return (Double(v), style.variants ? "\(v)项" : String(v))
        case "采购总金额":
            if style.variants && rng.chance(0.5) {
                let v = rng.int(0...900_000)
                return (Double(v), "\(v)元")
            }
            let cents = rng.int(0...99_999)
            let v = Double(cents) / 100
            let text = cents % 100 == 0 ? String(cents / 100) : "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            return (v, style.variants ? text + "万元" : text)
        case "本年收费金额（单位：万元）":
            let tenths = rng.int(0...5_000)
            let text = tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
            return (Double(tenths) / 10, tenths == 0 ? style.zero(&rng) : text)
        default:
            let v = rng.chance(0.3) ? 0 : rng.int(1...300)
            return (Double(v), v == 0 ? style.zero(&rng) : String(v))
        }
    }

    // MARK: - Table 三

    private func applicationsTable(_ style: Style, _ rng: inout SeededRandom, _ figures: inout [ExpectedFigure],
                                   _ violations: inout [PlantedViolation]) -> [[WordML.TableCell]] {
        let rowDefs = DisclosureForms.applicationRows(options.layout)
        let columns = DisclosureForms.applicantColumns
        let totalColumn = columns.count - 1
        let one = 0, two = 1, four = rowDefs.count - 1, seven = rowDefs.count - 2
        let leafOutcomes = Array(2..<seven)
        // A consistent grid first.
        var grid = Array(repeating: Array(repeating: 0, count: columns.count), count: rowDefs.count)
        for r in leafOutcomes {
            for c in 0..<totalColumn where !rng.chance(0.6) {
                grid[r][c] = c == 0 ? rng.int(1...30) : rng.int(1...5)
            }
        }
        for c in 0..<totalColumn {
            grid[seven][c] = leafOutcomes.reduce(0) { $0 + grid[$1][c] }
            grid[four][c] = rng.chance(0.5) ? 0 : rng.int(1...6)
            grid[two][c] = rng.int(0...min(3, grid[seven][c] + grid[four][c]))
            grid[one][c] = grid[seven][c] + grid[four][c] - grid[two][c]
        }
        for r in 0..<rowDefs.count { grid[r][totalColumn] = grid[r][0..<totalColumn].reduce(0, +) }

        // Then the planted violations.
        let rowPath = { (r: Int) in rowDefs[r].path }
        for kind in options.violations where kind != .reviewTotal {
            let k = rng.int(1...5)
            switch kind {
            case .balance:
                let c = rng.int(0...(totalColumn - 1))
                grid[one][c] += k
                violations.append(PlantedViolation(kind: kind, description: "一 raised by \(k) in column \(columns[c].last ?? "")", failures: [
                    ExpectedFailure(rule: "T3_balance_per_column", row: nil, column: columns[c]),
                    ExpectedFailure(rule: "T3_row_total_is_sum_of_applicants", row: rowPath(one), column: columns[totalColumn]),
                ]))
            case .rowTotal:
                let r = rng.pick(leafOutcomes)
                grid[r][totalColumn] += k
                violations.append(PlantedViolation(kind: kind, description: "总计 of row \(rowPath(r).last ?? "") raised by \(k)", failures: [
                    ExpectedFailure(rule: "T3_row_total_is_sum_of_applicants", row: rowPath(r), column: columns[totalColumn]),
                    ExpectedFailure(rule: "T3_total_is_sum_of_outcomes", row: rowPath(seven), column: columns[totalColumn]),
                ]))
            case .outcomeSum:
                let r = rng.pick(leafOutcomes)
                let c = rng.int(0...(totalColumn - 1))
                grid[r][c] += k
                grid[r][totalColumn] += k
                violations.append(PlantedViolation(kind: kind, description: "row \(rowPath(r).last ?? "") column \(columns[c].last ?? "") and its 总计 raised by \(k)", failures: [
                    ExpectedFailure(rule: "T3_total_is_sum_of_outcomes", row: rowPath(seven), column: columns[c]),
                    ExpectedFailure(rule: "T3_total_is_sum_of_outcomes", row: rowPath(seven), column: columns[totalColumn]),
                ]))
            case .reviewTotal:
                break
            }
        }

        // The Word table: 3 header rows, then one row per canonical row.
        var rows: [[WordML.TableCell]] = [
            [.init(style.punctuation(DisclosureForms.balanceNote), span: 3, vMerge: .restart), .init("申请人情况", span: 7)],
            [.continued(span: 3), .init("自然人", vMerge: .restart), .init("法人或其他组织", span: 5), .init("总计", vMerge: .restart)],
            [.continued(span: 3), .continued()] + columns[1..<totalColumn].map { .init(style.header($0.last ?? "")) } + [.continued()],
        ]
        var outcomesStarted = false
        for (r, def) in rowDefs.enumerated() {
            var cells: [WordML.TableCell] = []
            switch def.shape {
            case .top:
                cells.append(.init(style.rowLabel(def.path[0]), span: 3))
            case .single:
                cells.append(outcomesStarted ? .continued() : .init(style.rowLabel(def.path[0]), vMerge: .restart))
                cells.append(.init(style.rowLabel(def.path[1]), span: 2))
                outcomesStarted = true
            case .groupFirst(let group, _):
                cells.append(outcomesStarted ? .continued() : .init(style.rowLabel(def.path[0]), vMerge: .restart))
                cells.append(.init(style.rowLabel(group), vMerge: .restart))
                cells.append(.init(style.rowLabel(def.path[2])))
                outcomesStarted = true
            case .groupItem:
                cells.append(.continued())
                cells.append(.continued())
                cells.append(.init(style.rowLabel(def.path[2])))
            }
            for (c, column) in columns.enumerated() {
                let v = grid[r][c]
                let text = v == 0 ? style.zero(&rng) : String(v)
                cells.append(.init(text))
                figures.append(ExpectedFigure(table: "applications", row: def.path, column: column, value: Double(v), text: text))
            }
            rows.append(cells)
        }
        return rows
    }

    // MARK: - Table 四

    private func reviewTable(_ style: Style, _ rng: inout SeededRandom, _ figures: inout [ExpectedFigure],
                             _ violations: inout [PlantedViolation]) -> [[WordML.TableCell]] {
        let results = DisclosureForms.reviewResults
        var values: [[Int]] = DisclosureForms.reviewBlocks.map { _ in
            let parts = (0..<4).map { _ in rng.chance(0.5) ? 0 : rng.int(1...9) }
            return parts + [parts.reduce(0, +)]
        }
        for kind in options.violations where kind == .reviewTotal {
            let b = rng.int(0...(values.count - 1))
            let k = rng.int(1...5)
            values[b][4] += k
            let block = DisclosureForms.reviewBlocks[b]
            violations.append(PlantedViolation(kind: kind, description: "总计 of \(block.joined(separator: "›")) raised by \(k)", failures: [
                ExpectedFailure(rule: "T4_totals", row: nil, column: block + ["总计"]),
            ]))
        }
        var data: [WordML.TableCell] = []
        for (b, block) in DisclosureForms.reviewBlocks.enumerated() {
            for (i, result) in results.enumerated() {
                let v = values[b][i]
                let text = v == 0 ? style.zero(&rng) : String(v)
                data.append(.init(text))
                figures.append(ExpectedFigure(table: "review_litigation", row: [], column: block + [result], value: Double(v), text: text))
            }
        }
        return [
            [.init("行政复议", span: 5), .init("行政诉讼", span: 10)],
            results.map { .init($0, vMerge: .restart) } + [.init("未经复议直接起诉", span: 5), .init("复议后起诉", span: 5)],
            results.map { _ in .continued() } + (results + results).map { .init($0) },
            data,
        ]
    }
}
