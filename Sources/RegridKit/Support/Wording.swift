/// Small pieces of English for messages people read.
public enum Wording {
    /// `count` with its noun, singular for one: `1 document`, `0 documents`, `3 tables`.
    /// - Parameters:
    ///   - singular: the noun for one.
    ///   - plural: the noun for other counts; `singular + "s"` when nil.
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
