/// Complex fields (`w:fldChar` begin … separate … end): the instruction part between begin and
/// separate is hidden, the result between separate and end is shown. Fields nest, and may span
/// runs and paragraphs, so the state lives for the whole story being read.
struct FieldState {
    /// One entry per open field: true once its `separate` was seen.
    private var open: [Bool] = []
    /// Deepest field nesting tracked; deeper `begin`s are ignored (and counted).
    static let maxDepth = 64
    /// Field characters that did not fit (an `end` or `separate` with no open field, too-deep nesting).
    private(set) var unbalanced = 0

    /// True when text read now is visible (not inside a field instruction).
    var isVisible: Bool { !open.contains(false) }
    /// True when no field is open.
    var isClosed: Bool { open.isEmpty }

    /// Applies a `w:fldChar` of type `begin`, `separate` or `end`.
    mutating func apply(_ type: String) {
        switch type {
        case "begin":
            if open.count < FieldState.maxDepth { open.append(false) } else { unbalanced += 1 }
        case "separate":
            if open.isEmpty { unbalanced += 1 } else { open[open.count - 1] = true }
        case "end":
            if open.isEmpty { unbalanced += 1 } else { open.removeLast() }
        default:
            break
        }
    }

    /// Closes every open field (at a boundary no field may cross, such as a table cell); returns how many were open.
    mutating func reset() -> Int {
        let n = open.count
        open.removeAll()
        return n
    }
}
