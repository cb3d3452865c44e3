/// The tables of the 政府信息公开工作年度报告 formats as a Word author types them, written out
/// from `spec/cn-gov-disclosure.md` by hand (deliberately not read from Regrid's layout files,
/// so that tests compare two independent descriptions).
enum DisclosureForms {
    struct ProactiveBlock {
        var title: String
        var header: [String]
        var rows: [String]
    }

    static func proactive(_ layout: String) -> [ProactiveBlock] {
        if layout == "2019" {
            return [
                ProactiveBlock(title: "第二十条第（一）项", header: ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], rows: ["规章", "规范性文件"]),
                ProactiveBlock(title: "第二十条第（五）项", header: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], rows: ["行政许可", "其他对外管理服务事项"]),
                ProactiveBlock(title: "第二十条第（六）项", header: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], rows: ["行政处罚", "行政强制"]),
                ProactiveBlock(title: "第二十条第（八）项", header: ["信息内容", "上一年项目数量", "本年增/减"], rows: ["行政事业性收费"]),
                ProactiveBlock(title: "第二十条第（九）项", header: ["信息内容", "采购项目数量", "采购总金额"], rows: ["政府集中采购"]),
            ]
        }
        return [
            ProactiveBlock(title: "第二十条第（一）项", header: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], rows: ["规章", "行政规范性文件"]),
            ProactiveBlock(title: "第二十条第（五）项", header: ["信息内容", "本年处理决定数量"], rows: ["行政许可"]),
            ProactiveBlock(title: "第二十条第（六）项", header: ["信息内容", "本年处理决定数量"], rows: ["行政处罚", "行政强制"]),
            ProactiveBlock(title: "第二十条第（八）项", header: ["信息内容", "本年收费金额（单位：万元）"], rows: ["行政事业性收费"]),
        ]
    }

    /// A row of table 三: its canonical path and how its label cells sit.
    struct ApplicationRow {
        enum Shape { case top, single, groupFirst(String, Int), groupItem }
        var path: [String]
        var shape: Shape
    }

    static let outcomes = "三、本年度办理结果"

    static func applicationRows(_ layout: String) -> [ApplicationRow] {
        var rows: [ApplicationRow] = [
            ApplicationRow(path: ["一、本年新收政府信息公开申请数量"], shape: .top),
            ApplicationRow(path: ["二、上年结转政府信息公开申请数量"], shape: .top),
        ]
        func single(_ s: String) { rows.append(ApplicationRow(path: [outcomes, s], shape: .single)) }
        func group(_ g: String, _ items: [String]) {
            for (i, item) in items.enumerated() {
                rows.append(ApplicationRow(path: [outcomes, g, item], shape: i == 0 ? .groupFirst(g, items.count) : .groupItem))
            }
        }
        single("（一）予以公开")
        single("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        group("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"])
        group("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"])
        group("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                            "5.要求行政机关确认或重新出具已获取信息"])
        if layout == "2019" {
            single("（六）其他处理")
        } else {
            group("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"])
        }
        single("（七）总计")
        rows.append(ApplicationRow(path: ["四、结转下年度继续办理"], shape: .top))
        return rows
    }

    static let applicantColumns: [[String]] = [
        ["申请人情况", "自然人"],
        ["申请人情况", "法人或其他组织", "商业企业"],
        ["申请人情况", "法人或其他组织", "科研机构"],
        ["申请人情况", "法人或其他组织", "社会公益组织"],
        ["申请人情况", "法人或其他组织", "法律服务机构"],
        ["申请人情况", "法人或其他组织", "其他"],
        ["申请人情况", "总计"],
    ]

    static let balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    static let reviewResults = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    static let reviewBlocks: [[String]] = [["行政复议"], ["行政诉讼", "未经复议直接起诉"], ["行政诉讼", "复议后起诉"]]
}
