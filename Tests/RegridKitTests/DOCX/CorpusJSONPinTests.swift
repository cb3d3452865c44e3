import Foundation
import Testing
@testable import RegridKit

/// Output byte-identity across the reader's speed work (issue 12): the JSON that `regrid convert
/// FILE` writes (layouts applied) for every DOCX of `../shared/corpus/docx` and
/// `../shared/corpus/malformed`, pinned by its SHA-256.
///
/// How the expected values were obtained: main at edca8fd (before the styles part moved to the SAX
/// parser and the batch's style cache) was built in release mode from `git archive` into a
/// scratch folder, and for each file `regrid convert FILE | sha256sum` was taken; "error" marks
/// a file it refused (non-zero exit). The test computes the same through the library, once
/// without and twice with a shared ``StyleCache`` (the second time every styles part comes from it).
@Suite struct CorpusJSONPinTests {
    static let expected: [(file: String, sha256: String)] = [
        ("docx/Open-XML-SDK__oxsdk__SDT__SdtCell__sdtCell.docx", "ec29943c5a3893be6faab13df9f151b952079c076c946165f036e08588da9e68"),
        ("docx/Open-XML-SDK__oxsdk__SDT__Sdt__sdtRow.docx", "f93d59c468bcc1c04cf1722f646d9720859ab20b13946b62593e3b76706815f8"),
        ("docx/Open-XML-SDK__oxsdk__complexDocx__complex_tables.docx", "cec0bc1d8a37e39c88e77463dde938b11c96be568826ec93ba8dd134fd7b81e5"),
        ("docx/Open-XML-SDK__oxsdk__table__2003_Consumer_Confidence_Report.docx", "ac6a191dcaff2bc7ed0cc6a8c2ef91c970327e63a3c21ca3cd6fc6490a1a00cb"),
        ("docx/Open-XML-SDK__oxsdk__table__2007.docx", "34476dd5a417144ee5b57ea3a32803517dc906671091246ed9d0ba7bb7acecd7"),
        ("docx/Open-XML-SDK__oxsdk__table__table-complex.docx", "42013cda5e94ef68e36d893e5b8c42183285abe912c9ac8c0bb45ca10e54531e"),
        ("docx/Open-XML-SDK__test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Complex01.docx", "889290dda0960231f64c1c9b35b77acbaa576fedb4484509c328dbb39e236ec5"),
        ("docx/Open-XML-SDK__test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Strict01.docx", "898e988bab474d77216755f794f2b89fc054593ee1e69f4ec66fec16489b8a95"),
        ("docx/PHPWord__samples__resources__Sample_07_TemplateCloneRow.docx", "794d7159e860584505d3049c66da210b704d628cd256f222f15503228733cffd"),
        ("docx/chatchat__核电厂定期安全审查指南_第1部分：通用要求（征求意见稿）.docx", "9a56ee2267afb31fa271d449dfaa4f0b870f4721e28ebbf10afb11fa2ff05e4d"),
        ("docx/chatchat__行标编制说明（核电厂定期安全审查_第1部分：通用要求）.docx", "ce47c712fd7b5efbcdc4e2717e260a34396d3450ae80ef4eb1853eb2fa98a352"),
        ("docx/docling__tests__data__docx__sources__word_tables.docx", "3c5d61a45ee6d1977ebd7fbb4f7243e9bde77b41be87474a84e21fa426a6bf75"),
        ("docx/docx-rs__fixtures__grid_after__grid_after.docx", "175441896b5fdefebddbb7e8980d0cc3d5092792a47d1f3015f45c269da7b9e8"),
        ("docx/docx-rs__fixtures__table_merged_libre_office__table_merged.docx", "c2c4d4febad8857c0a1a310b965ffbe6f01fc250dda6b7b84adacac747147e25"),
        ("docx/docx2python__tests__resources__240-DOP-1013A_Lay_Down_Tubulars.docx", "304a60f00ce3d809d3ab75c5c9fde14d1d0e2f47aa4724c34a57899e50776e07"),
        ("docx/docx2python__tests__resources__Weekly_Schedule.docx", "d98b573e47ccb9ff688fda8dd32448d11e5a40e539e6d9f44d801b0b30040863"),
        ("docx/docx2python__tests__resources__checked_boxes.docx", "fa14097b86f39e144b70004739bafd9fd3f989a5d18cfd2c16173e96d6b83cb0"),
        ("docx/docx2python__tests__resources__libreoffice_conversion.docx", "95f2004bfdc695a4b4a4b6da650b60fe50a505792197665cdb8990537e6f253b"),
        ("docx/docx2python__tests__resources__merged_cells.docx", "a6b440d32da2e6437e280d2e0c25efa856a93b7e758a4f0dc130dc8b2d8276c3"),
        ("docx/pandoc__test__docx__table_gridbefore.docx", "5f7e2502970db5703e93f5807a9a1df787802e49e211bc860d735a5cdcb15a7c"),
        ("docx/pandoc__test__docx__table_header_rowspan.docx", "1bd75b93bb2f5d82c4aa0ca45540b7a3711c3ed038a702c407e9d648b71fc70f"),
        ("docx/poi-tl__poi-tl__src__test__resources__issue__636.docx", "8f3eeb4b136b03a1717cb712b777e80f2e343873b74c5128e492f79f292ff7d1"),
        ("docx/poi-tl__poi-tl__src__test__resources__template__render_hackloop.docx", "522338b9a0a844945ce29a62b9e0473eaf7c8a6b6ad32f41ba04523e83fb8fcd"),
        ("docx/poi-tl__poi-tl__src__test__resources__template__render_multiple_column.docx", "a77fc3e5a1b2c4192e662248fd44ada578ca3d5927141f2051a979ccda0381e2"),
        ("docx/poi-tl__poi-tl__src__test__resources__template__sdt_cell.docx", "d1a37096a9b3b12dd615c3628e3062d61a3e4f1379c3686e2d30cd342ff18112"),
        ("docx/poi__test-data__document__bug57031.docx", "2319f20ded1caa724937801198d1fd535f3456b3745d1d70997e53eacc3e212b"),
        ("docx/poi__test-data__integration__stress019.docx", "e66b5d9e9b33faf01e3a40de82c5630a10d0ecfaa2fbd67850319c6d01c93543"),
        ("docx/python-docx-template__tests__templates__horizontal_merge_tpl.docx", "c0168c73ed81c362ef00e19d3045b92201a7d7e6e9fc1e777da28fbda0ff3d3d"),
        ("docx/python-docx__features__steps__test_files__tbl-props.docx", "cfb52da2a9293edd36cf6879ddad3fc98f66d532b25b04d9c3b5f7ca4a40e23a"),
        ("docx/tika__tika-grpc__src__test__resources__test-files__017097.docx", "67bad6b759030de951fdbf4bf0d1d297ea76c9fa0824ca59d7781ca7428493d2"),
        ("docx/tika__tika-grpc__src__test__resources__test-files__018367.docx", "b38e98a47ae11f69df5ff307b254ff90e61743dd3b8a9bfb3e55c9f82623ac2e"),
        ("docx/tika__tika-tests__testWORD_tableInRunInsideParagraph.docx", "6f28b7a31b2a038544cbf0ad432f1e5d8e6258d75286688f62195ab8082c0890"),
        ("docx/unstructured__example-docs__grid_offset_error.docx", "ecbb6252a67e45fd3fef42926c0fee64e00bd203e8bcaf8c1989bbfb58be9380"),
        ("docx/unstructured__example-docs__tables-with-incomplete-rows.docx", "d48d8acef4de60046fb0916405279809c12f433ca09aabda9f0b535c539d2385"),
        ("malformed/Open-XML-SDK__oxsdk__protected__document_with_password.docx", "error"),
        ("malformed/PHPWord__tests__PhpWordTests___files__templates__corrupted_main_document_part.docx", "error"),
        ("malformed/PHPWord__tests__PhpWordTests___files__templates__header-footer-with-custom-macro.docx", "30aa80c3341cccd9f261bb936d8e9a4b6efeaa2f38fa72fe678500940f2e72a3"),
        ("malformed/docx2python__tests__resources__renamed_document_xml.docx", "6e3c7a2f293b5cfb990338a1d7e4546f01a119f5df5ae6dc5d3fe42afc425786"),
        ("malformed/docx2python__tests__resources__strict.docx", "ac5a6d92477bd323210e0e5432c4e75a2e87d812317f66c0f4788b7cf4d409a3"),
        ("malformed/pandoc__test__docx__alternate_document_path.docx", "a2362ea5a8591c89bc4320dfbf630ea9b9ce14ce0a0f9285845a27bfae0488d4"),
        ("malformed/poi__test-data__document__ExternalEntityInText.docx", "error"),
        ("malformed/poi__test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-4959857092198400.docx", "error"),
        ("malformed/poi__test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-5564805011079168.docx", "error"),
        ("malformed/poi__test-data__document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx", "6fdd6c23d08d04bc41eabc14028849196f3bcd151712ac9848bb39122ca1b8ab"),
        ("malformed/poi__test-data__document__crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx", "error"),
        ("malformed/poi__test-data__document__truncated62886.docx", "error"),
        ("malformed/poi__test-data__integration__stress025.docx", "error"),
        ("malformed/poi__test-data__poifs__protected_agile.docx", "error"),
        ("malformed/tika__tika-tests__testWORD_truncated.docx", "error"),
        ("malformed/unstructured__scripts__performance__docs__handbook-1p.docx", "error"),
    ]

    static func json(_ url: URL, cache: StyleCache?, resolver: LayoutResolver) throws -> String {
        let read = try Regrid.read(bytes: Array(try Data(contentsOf: url)), name: url.lastPathComponent, styleCache: cache)
        let files = try WriterRegistry.write(resolver.resolve(read), as: .json, options: WriteOptions())
        return SHA256.hex(files[0].bytes)
    }

    @Test func corpusJSONIsByteIdenticalToMain() throws {
        guard SharedCorpus.directory("corpus/docx") != nil, let root = SharedCorpus.root else {
            print("CorpusJSONPinTests: ../shared/corpus absent (set REGRID_SHARED); skipped")
            return
        }
        let resolver = try LayoutResolver.standard()
        let cache = StyleCache()
        for pass in ["no cache", "cache filled", "cache hit"] {
            for (file, want) in Self.expected {
                let url = root.appendingPathComponent("corpus").appendingPathComponent(file)
                let got = try? Self.json(url, cache: pass == "no cache" ? nil : cache, resolver: resolver)
                #expect((got ?? "error") == want, "\(file), \(pass)")
            }
        }
        #expect(cache.count >= 25)
    }
}
