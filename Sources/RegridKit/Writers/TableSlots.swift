extension Table {
    /// ``slotMap()`` when the cells tile the grid completely (no overlap, no hole), else nil.
    /// Writers walk the grid through it, so a table that breaks the invariant never crashes them.
    func completeSlotMap() -> [[Int]]? {
        guard let map = slotMap(), !map.contains(where: { $0.contains(-1) }) else { return nil }
        return map
    }
}
