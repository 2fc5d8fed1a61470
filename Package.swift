// swift-tools-version: 6.1
import PackageDescription

/// NeuralBrain: one module per stage of the data flow.
///
/// Core (domain types) → Ingest → Store → Forecasting (pure models, scoring) → Providers (+ lock)
/// → Normalize → Render → Publish → Pipeline (composition) → Commands (CLI) → `neuralbrain`.
/// Environment is the seam every side effect goes through (clock, HTTP, files, processes).
let package = Package(
  name: "NeuralBrain",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "neuralbrain", targets: ["neuralbrain"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  ],
  targets: [
    // Domain: pure value types, no I/O, no dependencies (but SHA-256 on the CPU's SHA extensions).
    .target(name: "NeuralBrainCore", dependencies: ["CSHA256"]),
    // SHA-256's compression function on x86-64's SHA extensions; elsewhere Core's own Swift.
    .target(name: "CSHA256"),

    // The side-effect seam: clock, HTTP, file system, child processes, randomness. Live values
    // here; test values in NeuralBrainTestSupport.
    .target(
      name: "NeuralBrainEnvironment",
      dependencies: [
        "NeuralBrainCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),

    // Configuration: a TOML reader that names unknown keys. Pure.
    .target(name: "NeuralBrainConfig", dependencies: ["NeuralBrainCore"]),
    // 1. Ingest: data-source adapters (files and the disease.sh API).
    .target(
      name: "NeuralBrainIngest",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainConfig", "NeuralBrainEnvironment",
      ]),
    // 2. Store: SQLite through GRDB (system libsqlite3).
    .target(
      name: "NeuralBrainStore",
      dependencies: [
        "NeuralBrainCore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // 3a. Forecasting: the embedded statistical models and the scorers. Pure functions.
    .target(name: "NeuralBrainForecasting", dependencies: ["NeuralBrainCore"]),
    // 3b. Providers: hosted-AI clients, the `local` provider, failover policy.
    .target(
      name: "NeuralBrainProviders",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainConfig", "NeuralBrainEnvironment", "NeuralBrainForecasting",
      ]),
    // 4. Normalize: provider output → the one ForecastData schema. Pure functions.
    .target(name: "NeuralBrainNormalize", dependencies: ["NeuralBrainCore"]),
    // 5a. Templates: the Mustache engine the pages are rendered with. Pure.
    .target(name: "NeuralBrainTemplates"),
    // 5b. Render: the pages from the templates, SVG charts, JSON and CSV.
    .target(name: "NeuralBrainRender", dependencies: ["NeuralBrainCore", "NeuralBrainTemplates"]),
    // libxml2, wrapped once; only NeuralBrainMarkup touches its pointers.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    .target(name: "NeuralBrainMarkup", dependencies: ["CLibXML2"]),
    // zlib, for the precompressed `.gz` siblings of text files.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // libdeflate, for the `.gz` siblings of whole files: twice zlib's speed for the same size.
    .systemLibrary(
      name: "CLibDeflate",
      pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
    ),
    // 6. Publish: release directory, validation, atomic switch, dated archive, precompression.
    .target(
      name: "NeuralBrainPublish",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainEnvironment", "NeuralBrainMarkup", "CZlib", "CLibDeflate",
      ]),
    // Composition: the only module that imports several stages.
    .target(
      name: "NeuralBrainPipeline",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainConfig", "NeuralBrainIngest", "NeuralBrainStore", "NeuralBrainForecasting",
        "NeuralBrainProviders", "NeuralBrainNormalize", "NeuralBrainRender", "NeuralBrainPublish",
        "NeuralBrainEnvironment",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]),
    // CLI: commands in a library so tests can run them. Thin: parse, call one Pipeline use case, print.
    .target(
      name: "NeuralBrainCommands",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainPipeline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .executableTarget(name: "neuralbrain", dependencies: ["NeuralBrainCommands"]),
    // Release-mode measurements for docs/performance.md (never asserted in tests).
    .executableTarget(
      name: "neuralbrain-bench",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainEnvironment", "NeuralBrainIngest", "NeuralBrainForecasting",
      ],
      path: "Benchmarks/neuralbrain-bench"),

    // Test support: temporary directories, loopback HTTP server, XPath helpers.
    .target(
      name: "NeuralBrainTestSupport",
      dependencies: [
        "NeuralBrainCore", "NeuralBrainEnvironment", "NeuralBrainMarkup",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),

    .testTarget(name: "NeuralBrainCoreTests", dependencies: ["NeuralBrainCore", "NeuralBrainConfig"]),
    .testTarget(
      name: "NeuralBrainIngestTests",
      dependencies: [
        "NeuralBrainIngest", "NeuralBrainEnvironment", "NeuralBrainTestSupport",
      ], exclude: ["Fixtures"]),
    .testTarget(
      name: "NeuralBrainStoreTests",
      dependencies: ["NeuralBrainStore", "NeuralBrainTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "NeuralBrainForecastingTests",
      dependencies: [
        "NeuralBrainForecasting", "NeuralBrainIngest", "NeuralBrainTestSupport",
      ]),
    .testTarget(
      name: "NeuralBrainProvidersTests",
      dependencies: [
        "NeuralBrainProviders", "NeuralBrainEnvironment", "NeuralBrainTestSupport",
      ]),
    .testTarget(
      name: "NeuralBrainTemplatesTests",
      dependencies: ["NeuralBrainTemplates", .product(name: "Mustache", package: "swift-mustache")]),
    .testTarget(name: "NeuralBrainNormalizeTests", dependencies: ["NeuralBrainNormalize", "NeuralBrainTestSupport"]),
    .testTarget(
      name: "NeuralBrainRenderTests",
      dependencies: [
        "NeuralBrainRender", "NeuralBrainTemplates", "NeuralBrainMarkup", "NeuralBrainPipeline",
        "NeuralBrainEnvironment", "NeuralBrainTestSupport",
      ], exclude: ["Golden"]),
    .testTarget(
      name: "NeuralBrainPublishTests",
      dependencies: ["NeuralBrainPublish", "NeuralBrainEnvironment", "NeuralBrainTestSupport", "CZlib"]),
    .testTarget(
      name: "NeuralBrainPipelineTests",
      dependencies: [
        "NeuralBrainPipeline", "NeuralBrainEnvironment", "NeuralBrainStore", "NeuralBrainTestSupport",
        .product(name: "Logging", package: "swift-log"),
      ]),
    .testTarget(
      name: "NeuralBrainEndToEndTests",
      dependencies: [
        "NeuralBrainCommands", "NeuralBrainPipeline", "NeuralBrainStore", "NeuralBrainTestSupport",
      ], exclude: ["Golden", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
