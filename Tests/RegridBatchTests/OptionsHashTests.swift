import Foundation
import RegridBatch
import RegridKit
import Testing

/// The options hash decides whether a document done before is converted again: every option that
/// shapes outputs or the catalog row must change it, the others must not.
@Suite("Options hash")
struct OptionsHashTests {
    static func options(layouts: LayoutResolver? = nil) -> BatchOptions {
        BatchOptions(inputs: ["in"], outputDirectory: "out", formats: [.json], jobs: 2, layouts: layouts)
    }

    /// A field added to BatchOptions fails here until it is sorted into one of the two lists (and,
    /// when it shapes outputs, into `optionsHash` and a test below).
    @Test func everyFieldIsAccountedFor() {
        let hashed: Set<String> = ["formats", "readOptions", "layouts", "csv", "showsInferred"]
        // zipNameEncoding decides the source paths, the catalog's key, not what a document gives.
        let notHashed: Set<String> = ["inputs", "outputDirectory", "jobs", "shard", "force", "zipNameEncoding"]
        let fields = Set(Mirror(reflecting: Self.options()).children.compactMap(\.label))
        #expect(fields == hashed.union(notHashed), "BatchOptions fields changed: sort the new one into optionsHash and this test")
    }

    @Test func optionsThatDoNotShapeOutputsLeaveItAlone() throws {
        let base = Self.options()
        var changed = base
        changed.inputs = ["elsewhere", "more.zip"]
        changed.outputDirectory = "other"
        changed.jobs = 7
        changed.shard = try Shard(index: 1, count: 3)
        changed.force = true
        #expect(changed.optionsHash == base.optionsHash)
        #expect(base.optionsHash.count == 16)
    }

    @Test func formatsAndEveryReaderLimitChangeIt() throws {
        let base = Self.options()
        var formats = base
        formats.formats = [.json, .csv]
        #expect(formats.optionsHash != base.optionsHash)
        var reordered = formats
        reordered.formats = [.csv, .json]
        #expect(reordered.optionsHash == formats.optionsHash)

        let limits: [WritableKeyPath<ReaderLimits, Int>] = [
            \.maxEntryBytes, \.maxPackageBytes, \.maxCompressionRatio, \.maxXMLDepth, \.maxTableNesting,
            \.maxColumns, \.maxTableRows, \.maxCells, \.maxTextBytes, \.maxGridSlots, \.maxPDFPages, \.maxPDFCharacters,
        ]
        #expect(Mirror(reflecting: ReaderLimits.default).children.count == limits.count, "a new limit: add it here")
        #expect(Mirror(reflecting: ReadOptions()).children.count == 3, "a new read option: add it to optionsHash and here")
        var seen: Set<String> = [base.optionsHash]
        for name in ["gbk", "big5"] {
            var changed = base
            changed.readOptions.encoding = TextEncoding(name: name)
            #expect(seen.insert(changed.optionsHash).inserted, "encoding \(name) does not change the hash")
        }
        for path in limits {
            var changed = base
            changed.readOptions.limits[keyPath: path] += 1
            #expect(seen.insert(changed.optionsHash).inserted, "\(path) does not change the hash")
        }
        // The templates the plain-text reader recovers: none, and one of the built-in ones.
        for templates in [[], Array(try LayoutLibrary.builtIn().prefix(1))] {
            var changed = base
            changed.readOptions.layoutTemplates = templates
            #expect(seen.insert(changed.optionsHash).inserted, "layoutTemplates \(templates.count) does not change the hash")
        }
        // With layouts, recovering the resolver's own templates from text (what the CLI does) is
        // told apart from recovering none, the built-in default, or others.
        let standard = try LayoutResolver.standard()
        var withLayouts = Self.options(layouts: standard)
        var hashes: Set<String> = [withLayouts.optionsHash]
        for templates in [standard.templates, [], Array(standard.templates.dropLast())] {
            withLayouts.readOptions.layoutTemplates = templates
            #expect(hashes.insert(withLayouts.optionsHash).inserted, "text layouts \(templates.count) beside the layouts")
        }
    }

    /// CSV and HTML options shape the outputs only of their own format.
    @Test func outputOptionsChangeItWhenTheirFormatIsWritten() {
        var base = Self.options()
        var csv = base
        csv.csv = CSVWriter.Options(shape: .tidy)
        var hidden = base
        hidden.showsInferred = false
        #expect(csv.optionsHash == base.optionsHash && hidden.optionsHash == base.optionsHash)
        base.formats = [.json, .csv, .html]
        csv.formats = base.formats
        hidden.formats = base.formats
        #expect(Set([base.optionsHash, csv.optionsHash, hidden.optionsHash]).count == 3)
    }

    @Test func everyPartOfTheLayoutsChangesIt() throws {
        let standard = try LayoutResolver.standard()
        let base = Self.options(layouts: standard)
        #expect(base.optionsHash != Self.options().optionsHash)
        #expect(base.optionsHash == Self.options(layouts: try LayoutResolver.standard()).optionsHash)

        var variants: [(String, (inout LayoutResolver) -> Void)] = [
            ("confidence", { $0.minimumConfidence = 0.8 }),
            ("one template fewer", { $0.templates.removeLast() }),
            ("order", { $0.templates.reverse() }),
        ]
        let templateEdits: [(String, (inout LayoutTemplate) -> Void)] = [
            ("id", { $0.id += "x" }), ("family", { $0.family += "x" }), ("version", { $0.version += "x" }),
            ("table", { $0.table += "x" }), ("title", { $0.title = ($0.title ?? "") + "x" }),
            ("source", { $0.source = ($0.source ?? "") + "x" }), ("rows", { $0.rows += 1 }),
            ("columns", { $0.columns += 1 }), ("headerRows", { $0.headerRows += 1 }),
            ("headerColumns", { $0.headerColumns += 1 }),
            ("normalization", { $0.normalization = [.width] }), ("markers", { $0.markers = ($0.markers ?? []) + ["x"] }),
            ("cell label", { $0.cells[0].label = ($0.cells[0].label ?? "") + "x" }),
            ("cell variants", { $0.cells[0].variants = ($0.cells[0].variants ?? []) + ["x"] }),
            ("cell anyText", { $0.cells[0].anyText = !($0.cells[0].anyText ?? false) }),
            ("cell span", { $0.cells[0].rowSpan += 1 }), ("cell colSpan", { $0.cells[0].colSpan += 1 }),
            ("cell row", { $0.cells[0].row += 1 }), ("cell column", { $0.cells[0].column += 1 }),
            ("figure", { $0.cells[$0.cells.count - 1].figure = FigurePaths(row: ["r"], column: ["c"]) }),
            ("figure row", { t in
                let last = t.cells.lastIndex { $0.figure != nil } ?? 0
                t.cells[last].figure?.row.append("x")
            }),
            ("figure column", { t in
                let last = t.cells.lastIndex { $0.figure != nil } ?? 0
                t.cells[last].figure?.column.append("x")
            }),
        ]
        #expect(Mirror(reflecting: standard.templates[0]).children.count == 13, "a new template field: add an edit here")
        #expect(Mirror(reflecting: standard.templates[0].cells[0]).children.count == 8, "a new cell field: add an edit here")
        #expect(Mirror(reflecting: FigurePaths(row: [], column: [])).children.count == 2, "a new figure field: add an edit here")
        for (name, edit) in templateEdits {
            variants.append((name, { resolver in
                var template = resolver.templates[0]
                edit(&template)
                resolver.templates[0] = template
            }))
        }
        var seen: Set<String> = [base.optionsHash]
        for (name, change) in variants {
            var resolver = standard
            change(&resolver)
            #expect(seen.insert(Self.options(layouts: resolver).optionsHash).inserted, "\(name) does not change the hash")
        }
    }
}
