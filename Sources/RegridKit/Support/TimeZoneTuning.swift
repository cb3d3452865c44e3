#if canImport(Glibc)
import Glibc
#endif

/// How often the C library looks at the local time zone.
///
/// libzip turns every entry's DOS date into a `time_t` with `mktime` when it opens an archive, and
/// glibc's `mktime` checks `/etc/localtime` with a `stat` call every time when `TZ` is unset: 34 calls
/// per package in a batch (listing and reading each open it), about 2 % of its CPU.
/// ``readLocalTimeZoneOnce()`` names that same file in `TZ`, so glibc reads it once.
///
/// A process setting, not a library one: the `regrid` executable applies it once at start, before
/// any thread runs; a program embedding RegridKit decides for itself.
public enum TimeZoneTuning {
    /// Sets `TZ` to `:/etc/localtime` — the zone glibc uses when `TZ` is unset — unless `TZ` is set
    /// already (glibc only; elsewhere nothing).
    /// - Returns: true when `TZ` was set by this call.
    @discardableResult
    public static func readLocalTimeZoneOnce() -> Bool {
        #if canImport(Glibc)
        guard getenv("TZ") == nil else { return false }
        return setenv("TZ", ":/etc/localtime", 0) == 0
        #else
        return false
        #endif
    }
}
