import Foundation
import RegridKit

/// Everything a batch run needs to know.
public struct BatchOptions: Sendable {
    /// Files, folders and zip archives of documents.
    public var inputs: [String]
    /// Where outputs and the catalog go.
    public var outputDirectory: String
    /// The formats each document is written in (at least one).
    public var formats: [BatchFormat]
    /// How many documents are converted at once.
    public var jobs: Int
    /// This run's share of the documents.
    public var shard: Shard
    /// Convert documents again even when the catalog has them done with the same content and options.
    public var force: Bool
    public var readOptions: ReadOptions
    /// Known layouts applied to every document (``LayoutResolver/standard(extra:)`` for the built-in
    /// ones); their figures and checks go into the catalog. Nil: no layout analysis.
    public var layouts: LayoutResolver?
    /// CSV shape, merged-cell filling and byte order mark of CSV outputs (as `regrid convert`).
    public var csv: CSVWriter.Options
    /// How the names of entries in zip archives of documents are decoded when the archive does
    /// not mark them as UTF-8.
    public var zipNameEncoding: ZipNameEncoding
    /// HTML outputs carry the notes on what was inferred rather than read (as `regrid convert`
    /// without `--hide-inferred`).
    public var showsInferred: Bool

    public init(inputs: [String], outputDirectory: String, formats: [BatchFormat] = [.json],
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard = .all,
                force: Bool = false, readOptions: ReadOptions = ReadOptions(), layouts: LayoutResolver? = nil,
                csv: CSVWriter.Options = CSVWriter.Options(), zipNameEncoding: ZipNameEncoding = .automatic,
                showsInferred: Bool = true) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.jobs = max(1, jobs)
        self.shard = shard
        self.force = force
        self.readOptions = readOptions
        self.layouts = layouts
        self.csv = csv
        self.zipNameEncoding = zipNameEncoding
        self.showsInferred = showsInferred
    }

    /// `DIR/catalog.sqlite`, or `DIR/catalog-I-of-N.sqlite` for a shard, so that every shard can
    /// share one output folder and `regrid catalog merge` joins their catalogs afterwards.
    public var catalogPath: String {
        let name = shard.count == 1 ? "catalog.sqlite" : "catalog-\(shard.index)-of-\(shard.count).sqlite"
        return URL(fileURLWithPath: outputDirectory).appendingPathComponent(name).path
    }

    /// A hash of everything that shapes a document's outputs and catalog row: the Regrid version,
    /// the formats, the read options, the CSV options (when CSV is written), whether HTML shows
    /// what was inferred (when HTML is written) and the layout
    /// templates. A document done under another hash is converted again.
    public var optionsHash: String {
        let formatNames = formats.map(\.rawValue).sorted().joined(separator: ",")
        // Field by field: `String(describing:)` of the options walks them through Mirror (~9 M
        // instructions); OptionsHashTests fails when ReadOptions or ReaderLimits gains a field.
        let l = readOptions.limits
        var text = "regrid \(Regrid.version)\nformats \(formatNames)\nread options \(l.maxEntryBytes) \(l.maxPackageBytes) "
            + "\(l.maxCompressionRatio) \(l.maxXMLDepth) \(l.maxTableNesting) \(l.maxColumns) \(l.maxTableRows) "
            + "\(l.maxCells) \(l.maxTextBytes) \(l.maxGridSlots) \(l.maxPDFPages) \(l.maxPDFCharacters) "
            + "encoding \(readOptions.encoding?.name ?? "detected")\n"
        if formats.contains(.csv) && csv != CSVWriter.Options() {
            text += "csv \(csv.shape.rawValue) fill-merged \(csv.fillMerged) bom \(csv.byteOrderMark)\n"
        }
        if formats.contains(.html) && !showsInferred {
            text += "html hide-inferred\n"
        }
        var bytes = Array(text.utf8)
        if let templates = readOptions.layoutTemplates {
            // The CLI recovers the resolver's own templates from text: fingerprinted once, below.
            if let layouts, templates == layouts.templates {
                bytes += Array("text layouts: the layouts\n".utf8)
            } else {
                bytes += Array("text layouts \(templates.count)\n".utf8)
                bytes += LayoutFingerprint.of(templates)
            }
        }
        if let layouts {
            bytes += Array("layouts \(layouts.minimumConfidence)\n".utf8)
            bytes += LayoutFingerprint.of(layouts.templates)
        }
        return String(SHA256.hex(bytes).prefix(16))
    }
}
