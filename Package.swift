// swift-tools-version:6.0
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
        .target(
            name: "RegridKit",
            dependencies: ["CLibXML2", "CLibZip"],
            resources: [.copy("Layout/Templates")]
        ),
        .executableTarget(
            name: "RegridCLI",
            dependencies: [
                "RegridKit",
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
    ]
)
