// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "nbrunner",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nbrunner", targets: ["nbrunner"]),
        .library(name: "NotebookRunner", targets: ["NotebookRunner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    ],
    targets: [
        // libyaml from Debian's libyaml-dev: parameter files are checked before any kernel starts.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // libseccomp from Debian's libseccomp-dev: the sandbox filter (Sandbox/SandboxPolicy.swift).
        .systemLibrary(name: "CSeccomp", pkgConfig: "libseccomp", providers: [.apt(["libseccomp-dev"])]),
        // C for what Swift cannot call: variadic prctl, async-signal-safe signal handlers,
        // libseccomp's function-like macros.
        .target(name: "CShim", dependencies: ["CSeccomp"]),
        .target(
            name: "NotebookRunner",
            dependencies: [
                "CYAML",
                "CSeccomp",
                "CShim",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "nbrunner",
            dependencies: [
                "NotebookRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Measurements for scripts/benchmark.py (not shipped).
        .executableTarget(
            name: "nbrunner-bench",
            dependencies: ["NotebookRunner"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NotebookRunnerTests",
            dependencies: ["NotebookRunner"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "NotebookRunner",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
    ]
)
