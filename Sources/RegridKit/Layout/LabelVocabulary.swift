/// Every label form (normalized label, variant, note-less form) of the templates that share one
/// ``LabelNormalizer``, numbered once. A table's texts are looked up here once per table, and the
/// matchers then compare numbers. The lookup goes by the texts' bytes where that agrees with
/// string equality (``LabelTable``): hashing Chinese text as a `String` normalizes it first,
/// which cost more than the rest of the lookup.
final class LabelVocabulary: Sendable {
    let normalizer: LabelNormalizer
    private let table: LabelTable

    /// The vocabulary of `forms` (forms equal as strings share an id, numbered in order).
    init(normalizer: LabelNormalizer, forms: [String]) {
        self.normalizer = normalizer
        self.table = LabelTable(forms)
    }

    /// The id of the form equal to `text` (as a string), or nil when `text` is no form.
    func id(_ text: String) -> Int? { table.id(of: text) }

    var count: Int { table.count }
}
