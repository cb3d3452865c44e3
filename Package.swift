// swift-tools-version:6.1
import PackageDescription

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
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        // glibc's mallopt (AllocatorTuning); part of libc, nothing to link.
        .systemLibrary(name: "CMalloc"),
        // poppler-glib, loaded the first time a PDF is read (dlopen), not linked: see its header.
        .target(
            name: "CPopplerRuntime",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(
            name: "RegridKit",
            dependencies: ["CLibXML2", "CLibZip", "CLibDeflate", "CLibCrypto", "CMalloc", "CPopplerRuntime"],
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
    ]
)
