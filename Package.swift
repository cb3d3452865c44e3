// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Whether poppler-glib (libpoppler-glib-dev) is installed: its pkg-config file in one of the
/// search folders. `REGRID_WITHOUT_PDF=1` leaves the PDF reader out even when it is.
/// Without it, a `.pdf` input gets an error that says how to get the PDF reader.
let withPoppler: Bool = {
    let environment = ProcessInfo.processInfo.environment
    if let off = environment["REGRID_WITHOUT_PDF"], !off.isEmpty, off != "0" { return false }
    var folders = (environment["PKG_CONFIG_PATH"] ?? "").split(separator: ":").map(String.init)
    folders += (environment["PKG_CONFIG_LIBDIR"] ?? "").split(separator: ":").map(String.init)
    folders += ["/usr/lib/pkgconfig", "/usr/share/pkgconfig", "/usr/local/lib/pkgconfig", "/usr/local/share/pkgconfig",
                "/opt/homebrew/lib/pkgconfig"]
    for lib in ["/usr/lib", "/usr/local/lib"] {
        let triples = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
        folders += triples.map { "\(lib)/\($0)/pkgconfig" }
    }
    return folders.contains { FileManager.default.fileExists(atPath: "\($0)/poppler-glib.pc") }
}()

/// The system-library target of poppler-glib, when it is installed.
let popplerTargets: [Target] = withPoppler ? [
    .systemLibrary(
        name: "CPoppler",
        pkgConfig: "poppler-glib",
        providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]
    ),
] : []

let package = Package(
    name: "Regrid",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RegridKit", targets: ["RegridKit"]),
        .executable(name: "regrid", targets: ["RegridCLI"]),
        .executable(name: "regrid-samples", targets: ["RegridSamples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "RegridKit",
            dependencies: ["CLibXML2", "CLibZip", "CLibCrypto"] + (withPoppler ? ["CPoppler"] : []),
            // The layout templates are compiled into the library (no resource bundle beside the
            // binary): the EmbedTemplates plugin turns Layout/Templates/**/*.json into Swift.
            exclude: ["Layout/Templates"],
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .target(
            name: "RegridBatch",
            dependencies: ["RegridKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "RegridCLI",
            dependencies: [
                "RegridKit",
                "RegridBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "RegridFixtures",
            dependencies: ["RegridKit"]
        ),
        .executableTarget(
            name: "RegridSamples",
            dependencies: ["RegridKit", "RegridFixtures"]
        ),
        .testTarget(
            name: "RegridKitTests",
            dependencies: ["RegridKit", "RegridFixtures"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RegridBatchTests",
            dependencies: ["RegridBatch", "RegridKit", "RegridFixtures", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ] + popplerTargets
)
