// swift-tools-version:6.0
// Tools version 6.0 puts every target in the Swift 6 language mode (complete strict concurrency).
import PackageDescription

let package = Package(
    name: "ridealong",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ridealong", targets: ["ridealong"]),
        .library(name: "ScenarioKit", targets: ["ScenarioKit"]),
        .library(name: "TerminalKit", targets: ["TerminalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "TextWidth"),
        .target(name: "ScenarioKit", dependencies: ["TextWidth"]),
        .target(name: "RecordKit", dependencies: [
            "ScenarioKit", "RidealongApp",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "TerminalKit", dependencies: ["TextWidth"]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalKit"]),
        .target(name: "RidealongApp", dependencies: ["ScenarioKit", "TerminalKit"]),
        .executableTarget(
            name: "ridealong",
            dependencies: [
                "ScenarioKit", "RecordKit", "TerminalKit", "CursesTerminal", "RidealongApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ridealong-fuzz", dependencies: ["ScenarioKit", "RidealongApp"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(name: "ridealong-bench", dependencies: ["ScenarioKit", "RidealongApp", "TerminalKit", "RecordKit"]),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit"], exclude: ["Transcripts", "Malformed"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "RidealongAppTests", dependencies: ["RidealongApp", "TerminalKit", "ScenarioKit"],
                    exclude: ["Fixtures", "__Snapshots__"]),
        .testTarget(name: "RecordKitTests", dependencies: ["RecordKit", "RidealongApp", "ScenarioKit"]),
        .testTarget(name: "RidealongCommandTests", dependencies: [
            "ridealong", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)
