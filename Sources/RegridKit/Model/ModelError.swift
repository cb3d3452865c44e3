/// A broken invariant of the canonical model.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A table whose cells do not tile its grid exactly once, or are out of order.
    case invalidTable(id: String, reason: String)

    /// The broken rule, naming the table.
    public var description: String {
        switch self {
        case .invalidTable(let id, let reason): return "table \(id): \(reason)"
        }
    }
}
