/// Every label form (normalized label, variant, note-less form) of the templates that share one
/// ``LabelNormalizer``, numbered once. A table's texts are looked up here once per table, and the
/// matchers then compare numbers: hashing Chinese text normalizes it first, which costs more than
/// the whole comparison once per table and template.
final class LabelVocabulary: Sendable {
    let normalizer: LabelNormalizer
    /// The id of each form.
    let ids: [String: Int]

    /// The vocabulary of `forms` (duplicates share an id).
    init(normalizer: LabelNormalizer, forms: [String]) {
        self.normalizer = normalizer
        var ids: [String: Int] = [:]
        for form in forms where ids[form] == nil { ids[form] = ids.count }
        self.ids = ids
    }

    var count: Int { ids.count }
}
