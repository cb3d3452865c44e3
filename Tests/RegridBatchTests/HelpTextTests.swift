import Testing

/// Every command's help, as a new user first reads it on an 80-column terminal: no line runs past
/// the edge and no paragraph is broken early by a hard line break in the source (the next word
/// would have fitted on the line).
@Suite("Help text", .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct HelpTextTests {
    static let commands: [[String]] = [[], ["convert"], ["extract"], ["check"], ["batch"], ["catalog"],
                                       ["catalog", "merge"], ["catalog", "export"]]

    @Test(arguments: commands)
    func helpWrapsCleanlyAt80Columns(_ command: [String]) throws {
        let run = try RegridExecutable.run(command + ["--help"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 3)
        for line in lines {
            #expect(line.count <= 80, "\(command): a line over 80 columns: \(line)")
        }
        // Prose lines (not indented: not option rows) followed by more prose of the same paragraph;
        // ArgumentParser fills lines up to 79 columns.
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" "),
                  let last = line.last, !".:".contains(last) else { continue }
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + word.count > 79, "\(command): broken early before \"\(word)\": \(line)")
        }
    }
}
