#if os(Linux)
import Glibc
import Testing
import RegridKit

/// `AllocatorTuning` on glibc: the settings are accepted, and a document-sized block comes from
/// the heap (where a freed one waits for the next document) while a larger one is still mapped.
@Suite struct AllocatorTuningTests {
    /// glibc keeps each chunk's size just before the block it returns; bit 1 (`IS_MMAPPED`)
    /// marks a chunk mapped on its own, which `free` unmaps at once.
    static func isMapped(_ block: UnsafeMutableRawPointer) -> Bool {
        (block - MemoryLayout<Int>.size).load(as: Int.self) & 2 != 0
    }

    @Test func documentSizedBlocksComeFromTheHeap() throws {
        #expect(AllocatorTuning.keepFreedMemoryForReuse())
        // glibc's default maps every block from 128 KB up (its limit rises only after such a block is freed).
        let documentSized = try #require(malloc(AllocatorTuning.heapBlockLimit - (1 << 20)))
        defer { free(documentSized) }
        #expect(!Self.isMapped(documentSized))
        let huge = try #require(malloc(AllocatorTuning.heapBlockLimit * 2))
        defer { free(huge) }
        #expect(Self.isMapped(huge))
    }
}
#endif
