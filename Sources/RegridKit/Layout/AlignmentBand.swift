/// The diagonals of ``LayoutMatcher``'s alignment table that an alignment can reach: cell
/// (i, j), template cell i against source cell j, lies on diagonal j - i. An alignment starts on
/// diagonal 0 and ends on `sourceCells - templateCells`; each step off the diagonals between those
/// takes one more skip of a source cell and of a template cell, so an alignment that costs little
/// stays near them. The matcher works its table out only within a band, then checks with
/// ``holding(cost:templateCells:sourceCells:templateSkip:cheapestSourceSkip:)`` that the band it
/// used holds every alignment as cheap as the best one it found.
struct AlignmentBand: Equatable {
    /// The lowest and highest diagonal (j - i) in the band.
    var lowest: Int
    var highest: Int

    /// The band first tried: the diagonals from start to end and `margin` on either side.
    static func initial(templateCells n: Int, sourceCells m: Int, margin: Int = 8) -> AlignmentBand {
        let margin = min(margin, n + m)
        return AlignmentBand(lowest: max(-n, min(0, m - n) - margin), highest: min(m, max(0, m - n) + margin))
    }

    /// The band that holds every alignment costing at most `cost`, when skipping a template
    /// cell costs `templateSkip` and skipping a source cell at least `cheapestSourceSkip` (both
    /// positive; matching a pair costs 0 or more). On diagonal d above both ends an alignment has
    /// skipped at least d source cells and d - (m - n) template cells; below both, at least -d
    /// template cells and (m - n) - d source cells.
    static func holding(cost: Int, templateCells n: Int, sourceCells m: Int,
                        templateSkip: Int, cheapestSourceSkip: Int) -> AlignmentBand {
        let shift = m - n
        let perDiagonal = templateSkip + cheapestSourceSkip
        // Integer division truncates toward zero; one diagonal more on each side covers rounding.
        let above = (cost + templateSkip * shift) / perDiagonal + 1
        let below = (cheapestSourceSkip * shift - cost) / perDiagonal - 1
        return AlignmentBand(lowest: max(-n, min(0, shift, below)), highest: min(m, max(0, shift, above)))
    }

    /// True when every diagonal of `other` is in this band.
    func contains(_ other: AlignmentBand) -> Bool {
        lowest <= other.lowest && other.highest <= highest
    }

    /// This band and `other`, at least twice as wide as this one (so that a band is widened a
    /// few times at most), within the table's diagonals.
    func widened(to other: AlignmentBand, templateCells n: Int, sourceCells m: Int) -> AlignmentBand {
        let grow = highest - lowest + 1
        return AlignmentBand(lowest: max(-n, min(other.lowest, lowest - grow / 2)),
                             highest: min(m, max(other.highest, highest + grow / 2)))
    }
}
