/// The generated reports whose flattened text is committed under
/// `Tests/RegridKitTests/Fixtures/cn-gov-disclosure/` (made with `regrid-samples --fixtures DIR`
/// and `tika_emulate.py`; see that folder's README). Tests regenerate each report's truth from
/// these options, so the options must not change without regenerating the files.
public enum DisclosureFixtureSet {
    public static let flat: [(name: String, options: DisclosureReportGenerator.Options)] = [
        ("flat-2019-a", .init(layout: "2019", seed: 101, violations: [.balance, .rowTotal])),
        ("flat-2019-b", .init(layout: "2019", seed: 102, year: 2022, violations: [.outcomeSum, .reviewTotal], unknownTable: true)),
        ("flat-2019-c", .init(layout: "2019", seed: 103, variants: false)),
        ("flat-2021-a", .init(layout: "2021", seed: 201, violations: [.balance, .outcomeSum, .reviewTotal])),
        ("flat-2021-b", .init(layout: "2021", seed: 202, violations: [.rowTotal], unknownTable: true)),
        ("flat-2021-c", .init(layout: "2021", seed: 203)),
    ]

    /// The generated reports whose PDF text (LibreOffice PDF, then Tika, `pdftotext` and
    /// `pdftotext -layout`) is committed under `Tests/RegridKitTests/Fixtures/pdf-text/` (made by
    /// `scripts/pdf-text-fixtures.sh`): the flat set, and two reports that write every zero as `0`.
    public static let pdf: [(name: String, options: DisclosureReportGenerator.Options)] = flat + [
        ("pdf-2019-d", .init(layout: "2019", seed: 104, variants: false, violations: [.rowTotal, .outcomeSum])),
        ("pdf-2021-d", .init(layout: "2021", seed: 204, variants: false, violations: [.balance, .reviewTotal])),
    ]
}
