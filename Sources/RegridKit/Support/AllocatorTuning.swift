#if os(Linux)
import CMalloc
#endif

/// How the process's memory allocator treats the memory a finished document frees.
///
/// glibc's defaults suit programs that allocate once: it hands a block of 128 KB or more back
/// to the kernel as soon as it is freed, and trims the heap's free top beyond 128 KB. A batch
/// allocates a document's bytes, XML and outputs (100 KB – a few MB each), frees them, and
/// allocates the same sizes again for the next document, so each one paid for fresh pages: about
/// 110 page faults per report in `regrid batch`, ~4 % of its CPU (`perf`, 100 reports).
/// ``keepFreedMemoryForReuse()`` keeps such blocks in the heap for the next document instead.
///
/// A process setting, not a library one: the `regrid` executable applies it once at start,
/// before any thread runs; a program embedding RegridKit decides for itself.
public enum AllocatorTuning {
    /// Blocks up to this size come from the heap and stay there when freed (glibc's
    /// `M_MMAP_THRESHOLD`); larger ones (a 100 000-row table's XML) are still mapped and unmapped.
    public static let heapBlockLimit = 4 << 20
    /// Free memory at the heap's top is given back to the kernel only beyond this (`M_TRIM_THRESHOLD`).
    public static let retainedFreeMemory = 32 << 20

    /// Applies ``heapBlockLimit`` and ``retainedFreeMemory`` (glibc only; elsewhere nothing).
    /// - Returns: true when the allocator accepted both settings.
    @discardableResult
    public static func keepFreedMemoryForReuse() -> Bool {
        #if os(Linux)
        return mallopt(M_MMAP_THRESHOLD, Int32(heapBlockLimit)) == 1
            && mallopt(M_TRIM_THRESHOLD, Int32(retainedFreeMemory)) == 1
        #else
        return false
        #endif
    }
}
