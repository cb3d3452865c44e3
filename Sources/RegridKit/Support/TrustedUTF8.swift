extension String {
    /// A string of `utf8` copied without checking that it is well-formed UTF-8 (checking costs
    /// ~11 instructions a byte on Chinese text). Only for bytes known to be valid, each caller
    /// saying why: ill-formed bytes here would break `String`'s invariants.
    init(trustedUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        self = String(copying: unsafe UTF8Span(unchecked: utf8.span))
    }
}
