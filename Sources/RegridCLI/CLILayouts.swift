import ArgumentParser
import Foundation
import RegridKit

/// The `--layout FILE` option shared by the commands that apply known layouts.
struct LayoutOptions: ParsableArguments {
    @Option(name: .customLong("layout"), help: ArgumentHelp(
        "A layout template file (JSON) to use besides the built-in ones; repeatable.", valueName: "FILE"))
    var files: [String] = []

    /// The built-in resolver plus the user's templates; a bad file is reported as `regrid: FILE: …`.
    func resolver() throws(RegridError) -> LayoutResolver {
        var extra: [LayoutTemplate] = []
        for file in files {
            extra += try LayoutLibrary.load(file: URL(fileURLWithPath: file), origin: file)
        }
        return try LayoutResolver.standard(extra: extra)
    }
}

enum CLILayouts {
    /// Loads the resolver or exits with the message and `code`.
    static func resolver(_ options: LayoutOptions, exitCode: Int32 = 1) throws -> LayoutResolver {
        do {
            return try options.resolver()
        } catch {
            FileHandle.standardError.write(Data("regrid: \(error.description)\n".utf8))
            throw ExitCode(exitCode)
        }
    }
}
