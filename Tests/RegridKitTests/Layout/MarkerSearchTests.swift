import Foundation
import Testing
@testable import RegridKit

/// The marker search answers as Foundation's `contains` does, whichever way it searches.
@Suite struct MarkerSearchTests {
    @Test(arguments: [
        ("一、本年新收政府信息公开申请数量12本年制发件数3", "本年制发件数", true),
        ("一、本年新收政府信息公开申请数量12本年制发件数3", "本年废止件数", false),
        ("本年收费金额(单位:万元)0", "本年收费金额(单位:万元)", true),
        ("第二十条第(九)项—政府集中采购", "政府集中采购", true),
        ("abc", "abcd", false),
        ("", "本年制发件数", false),
        // Not plain: searched under canonical equivalence, as before.
        ("cafe\u{301}本年制发件数", "café", true),
        ("café本年", "cafe\u{301}", true),
        ("cafe\u{301}", "cafe", false),
        ("\u{F900}本年", "\u{8C48}", true),
    ])
    func answersAsFoundationContains(_ text: String, _ marker: String, _ expected: Bool) {
        #expect(MarkerSearch(text: text).contains(marker) == expected)
        #expect(MarkerSearch(text: text).contains(marker) == text.contains(marker))
    }

    @Test func anEmptyMarkerIsAnsweredByFoundation() {
        #expect(MarkerSearch(text: "本年制发件数").contains("") == "本年制发件数".contains(""))
    }
}
