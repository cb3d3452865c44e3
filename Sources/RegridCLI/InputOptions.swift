import ArgumentParser
import RegridKit

/// How text inputs are decoded, shared by `convert`, `extract`, `check` and `batch`.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("encoding"),
            help: ArgumentHelp("The encoding of text and HTML inputs (gbk, big5, shift_jis, utf-16le, …; any IANA name). Default: detected (byte-order mark, the page's charset, UTF-8, Big5, GB18030).", valueName: "name"))
    var encoding: TextEncoding?

    /// The read options: `limits`' (or the defaults) with this encoding, and `layouts` (the
    /// resolver's templates, built-in plus `--layout FILE`) recovered from text without table
    /// structure too.
    func readOptions(_ limits: LimitOptions? = nil, layouts: [LayoutTemplate]?) -> ReadOptions {
        var options = limits?.readOptions ?? ReadOptions()
        options.encoding = encoding
        options.layoutTemplates = layouts
        return options
    }
}

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
