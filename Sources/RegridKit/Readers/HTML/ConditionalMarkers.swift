/// Word's "Save as Web Page" wraps list numbers and spacer rows in *downlevel-revealed*
/// conditional comments: `<![if !supportLists]>…<![endif]>`. Browsers other than old Internet
/// Explorer ignore the two markers and show what is between; libxml2 would keep the markers as
/// text. They are removed here, before parsing (what is between is kept).
enum ConditionalMarkers {
    /// `utf8` without `<![if …]>` and `<![endif]>` markers (case-insensitive); unchanged, and not
    /// copied, when there are none.
    static func strip(_ utf8: [UInt8]) -> [UInt8] {
        guard ByteSearch.contains(0x5B, in: utf8) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        let n = utf8.count
        while i < n {
            if utf8[i] == 0x3C, i + 3 < n, utf8[i + 1] == 0x21, utf8[i + 2] == 0x5B, let end = markerEnd(utf8, from: i + 3) {
                i = end
                continue
            }
            out.append(utf8[i])
            i += 1
        }
        return out
    }

    /// The index after `if …]>` or `endif]>` starting at `start` (at most 200 bytes on), or nil.
    private static func markerEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        let isIf = start + 2 < bytes.count && lower(bytes[start]) == 0x69 && lower(bytes[start + 1]) == 0x66
            && (bytes[start + 2] == 0x20 || bytes[start + 2] == 0x21)
        let endif = Array("endif]>".utf8)
        if !isIf {
            guard start + endif.count <= bytes.count else { return nil }
            for k in 0..<endif.count where lower(bytes[start + k]) != endif[k] { return nil }
            return start + endif.count
        }
        var j = start + 2
        let limit = min(bytes.count - 1, start + 200)
        while j < limit {
            if bytes[j] == 0x5D && bytes[j + 1] == 0x3E { return j + 2 }
            if bytes[j] == 0x3C || bytes[j] == 0x3E { return nil }
            j += 1
        }
        return nil
    }
}
