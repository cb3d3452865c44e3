/// One character of a PDF page where poppler placed it: what the layout step works from.
struct PDFGlyph: Sendable, Equatable {
    /// The character (one Unicode scalar; poppler gives one box per scalar).
    var scalar: Unicode.Scalar
    /// Left edge, in points from the page's left edge.
    var xMin: Double
    /// Right edge.
    var xMax: Double
    /// Top edge, in points from the page's top edge (y grows downwards).
    var yMin: Double
    /// Bottom edge.
    var yMax: Double

    /// The glyph box's height: the font size poppler's box stands for.
    var height: Double { yMax - yMin }
    /// The baseline, approximated by the box's bottom edge (glyphs of one font share it).
    var base: Double { yMax }
}
