import RegridKit

/// Seeded inputs for `make bench` (`Benchmarks/run.sh`): report-like DOCX with prose and 3–4
/// merged-cell tables, one long merged-cell table, and flattened text made from them.
/// The same arguments always give the same bytes.
public enum BenchmarkCorpus {
    /// Common Chinese characters the prose is drawn from (seeded, so the text does not repeat
    /// and compresses like real prose rather than like a repeated phrase).
    private static let prose = Array(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质各共布"
        .filter { $0 != "\n" })

    /// The `index`-th benchmark report: a 政府信息公开工作年度报告 (2019 or 2021 layout, three
    /// tables, every other one with a fourth), followed by seeded prose so that the `.docx`
    /// is 20–100 KB.
    public static func report(_ index: Int) -> WordML {
        let seed = UInt64(10_000 + index)
        let options = DisclosureReportGenerator.Options(
            layout: index % 2 == 0 ? "2019" : "2021", seed: seed,
            agency: agencies[index % agencies.count], unknownTable: index % 2 == 1)
        var word = DisclosureReportGenerator(options).generate().word
        var rng = SeededRandom(seed: seed &* 7919)
        // About 1.1 compressed bytes per character: 15k–80k characters give 20–100 KB files.
        let characters = rng.int(15_000...80_000)
        var written = 0
        var section = 0
        while written < characters {
            if written / 6_000 >= section {
                section += 1
                word.paragraph("（\(numerals[section % numerals.count])）工作情况说明")
            }
            let length = rng.int(60...260)
            var text = ""
            for i in 0..<length {
                text.append(rng.pick(prose))
                if i % 23 == 22 { text.append(rng.chance(0.3) ? "。" : "，") }
                if i % 41 == 40 { text += String(rng.int(1...9_999)) }
            }
            word.paragraph(text + "。")
            written += length
        }
        return word
    }

    /// One table of `rows` data rows under two header rows, 8 grid columns: a region label
    /// merged down over 10 rows, a category merged down over 5, an item spanning two columns,
    /// four figures, and every 7th row a note spanning the four figure columns.
    public static func longTable(rows: Int) -> WordML {
        var rng = SeededRandom(seed: UInt64(rows))
        var table: [[WordML.TableCell]] = [
            [.init("地区", vMerge: .restart), .init("类别", vMerge: .restart), .init("项目", span: 2, vMerge: .restart),
             .init("本年度", span: 2), .init("上年度", span: 2)],
            [.continued(), .continued(), .continued(span: 2),
             .init("件数"), .init("金额（万元）"), .init("件数"), .init("金额（万元）")],
        ]
        for r in 0..<rows {
            var row: [WordML.TableCell] = []
            row.append(r % 10 == 0 ? .init("第\(r / 10 + 1)片区", vMerge: .restart) : .continued())
            row.append(r % 5 == 0 ? .init(categories[(r / 5) % categories.count], vMerge: .restart) : .continued())
            row.append(.init("项目\(r + 1)", span: 2))
            if r % 7 == 6 {
                row.append(.init("备注：本行数据待核实", span: 4))
            } else {
                row.append(.init(String(rng.int(0...500))))
                row.append(.init("\(rng.int(0...9_999)).\(rng.int(0...9))"))
                row.append(.init(String(rng.int(0...500))))
                row.append(.init("\(rng.int(0...9_999)).\(rng.int(0...9))"))
            }
            table.append(row)
        }
        var word = WordML()
        word.paragraph("附表：\(rows)行合并单元格统计表")
        word.table(columns: 8, rows: table)
        return word
    }

    private static let agencies = ["西宁市城中区人民政府", "平潭综合实验区管理委员会", "丰收乡人民政府", "某市生态环境局", "某县教育局"]
    private static let categories = ["主动公开", "依申请公开", "行政复议", "行政诉讼", "咨询答复"]
    private static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}
