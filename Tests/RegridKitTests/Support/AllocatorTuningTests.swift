#if os(Linux)
import Glibc
import Testing
import RegridKit

/// `AllocatorTuning` on glibc: the settings are accepted, and a document-sized block comes from
/// the heap, where a freed one waits for the next document (run alone without the settings,
/// glibc maps it).
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
        // (Whether a larger block is mapped depends on the free memory the other tests of this
        // process left in the heap: glibc serves a request from a free chunk before mapping.)
    }
}
#endif
