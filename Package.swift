// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lumbar",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lumbar", targets: ["lumbar"]),
        .library(name: "LumbarCore", targets: ["LumbarCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "LumbarCore"),
        .target(name: "LumbarText", dependencies: ["LumbarCore"]),
        .target(name: "LumbarUI", dependencies: ["LumbarCore", "LumbarText"]),
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "CLumbarSystem", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "LumbarTerminal", dependencies: ["CNCursesW", "CLumbarSystem", "LumbarUI"]),
        .executableTarget(
            name: "lumbar",
            dependencies: [
                "LumbarCore", "LumbarText", "LumbarUI", "LumbarTerminal", "CLumbarSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: seeded randomness, temporary directories, golden files, journal builders.
        .target(name: "LumbarTestSupport", dependencies: ["LumbarCore"], path: "Tests/LumbarTestSupport"),
        .testTarget(name: "LumbarCoreTests", dependencies: ["LumbarCore", "LumbarText", "LumbarTestSupport"]),
        .testTarget(name: "LumbarTextTests", dependencies: ["LumbarText", "LumbarCore", "LumbarTestSupport"], exclude: ["Report/Golden"]),
        .testTarget(name: "LumbarUITests", dependencies: ["LumbarUI", "LumbarText", "LumbarCore", "LumbarTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LumbarTerminalTests", dependencies: ["LumbarTerminal", "CNCursesW", "CLumbarSystem", "LumbarUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lumbar", "LumbarCore", "LumbarText", "LumbarUI", "LumbarTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
