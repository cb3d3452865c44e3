import ArgumentParser
import RegridKit

/// The safety limits a user may tighten (or loosen) on the command line; the defaults are
/// ``ReaderLimits/default``.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-entry-mb"),
            help: "Largest uncompressed zip entry read, in MiB (declared and actually inflated).")
    var maxEntryMB: Int?

    @Option(name: .customLong("max-package-mb"),
            help: "Largest total of uncompressed bytes read from one package, in MiB.")
    var maxPackageMB: Int?

    @Option(name: .customLong("max-ratio"),
            help: "Largest compression ratio of a zip entry over 1 MiB before it is refused as a zip bomb.")
    var maxCompressionRatio: Int?

    @Option(name: .customLong("max-text-mb"), help: "Largest flattened-text input, in MiB.")
    var maxTextMB: Int?

    @Option(name: .customLong("max-pdf-pages"),
            help: "Most pages a PDF may have; a PDF with more is refused before any page is read.")
    var maxPDFPages: Int?

    @Option(name: .customLong("max-pdf-characters"),
            help: "Most characters read from all pages of one PDF together.")
    var maxPDFCharacters: Int?

    func validate() throws {
        for (flag, value, most) in [("--max-entry-mb", maxEntryMB, 1 << 20), ("--max-package-mb", maxPackageMB, 1 << 20),
                                    ("--max-ratio", maxCompressionRatio, 1 << 20), ("--max-text-mb", maxTextMB, 1 << 20),
                                    ("--max-pdf-pages", maxPDFPages, 1 << 40), ("--max-pdf-characters", maxPDFCharacters, 1 << 40)] {
            if let value, value < 1 || value > most {
                throw ValidationError("\(flag) must be between 1 and \(most)")
            }
        }
    }

    /// The read options these flags describe.
    var readOptions: ReadOptions {
        var limits = ReaderLimits.default
        if let maxEntryMB { limits.maxEntryBytes = maxEntryMB << 20 }
        if let maxPackageMB { limits.maxPackageBytes = maxPackageMB << 20 }
        if let maxCompressionRatio { limits.maxCompressionRatio = maxCompressionRatio }
        if let maxTextMB { limits.maxTextBytes = maxTextMB << 20 }
        if let maxPDFPages { limits.maxPDFPages = maxPDFPages }
        if let maxPDFCharacters { limits.maxPDFCharacters = maxPDFCharacters }
        return ReadOptions(limits: limits)
    }
}
