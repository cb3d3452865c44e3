import Testing
@testable import RegridKit

@Suite("Whitespace trimming")
struct WhitespaceTrimTests {
    @Test func fastWhitespaceTestAgreesWithTheUnicodePropertyForEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhitespaceFast != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func trimsUnicodeWhitespaceAtBothEndsOnly() {
        #expect("\u{3000} 申请 人\u{A0}\t\n".trimmingWhitespace() == "申请 人")
        #expect("\u{2028}\u{85}".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
        #expect("总计".trimmingWhitespace() == "总计")
        #expect("a\u{301} ".trimmingWhitespace() == "a\u{301}")
        #expect("\u{200B}x\u{200B}".trimmingWhitespace() == "\u{200B}x\u{200B}")   // zero-width space is not White_Space
    }
}
