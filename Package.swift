// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Beacon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "beacon", targets: ["beacon"]),
        .library(name: "BeaconCore", targets: ["BeaconCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // The register, audiences, targeting, assembly and rendering. Knows no channel.
        .target(
            name: "BeaconCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        ),
        // What every channel implements and may use: Channel, Delivery, channel state, the
        // abilities some channels have, atomic files. Channels depend on this and the core only.
        .target(name: "BeaconChannelAPI", dependencies: ["BeaconCore"]),
        // What has been sent, as a protocol and its records: issues, deliveries, runs and their
        // outcomes, suppressions, channels' state. Knows no channel by name.
        .target(name: "BeaconLedger", dependencies: ["BeaconCore", "BeaconChannelAPI"]),
        // The embedded ledger: SQLite in the data folder, checked before it is trusted.
        .target(
            name: "BeaconSQLiteLedger",
            dependencies: ["BeaconCore", "BeaconChannelAPI", "BeaconLedger", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // A send from plan to record: due issues, opening them, handing deliveries to channels,
        // recording every outcome, stopping cleanly, and the run's report.
        .target(name: "BeaconSend", dependencies: ["BeaconCore", "BeaconChannelAPI", "BeaconLedger"]),
        // For channel maintainers' tests: an outcome recorder and the example register.
        .target(name: "BeaconChannelTesting", dependencies: ["BeaconCore", "BeaconChannelAPI", "BeaconSend"]),
        // Readers' signed links (unsubscribe, preferences, web copies, sign-up confirmations) and
        // the keys that sign them, shared by the email channel and the web service.
        .target(
            name: "BeaconReaderLinks",
            dependencies: ["BeaconCore", "BeaconChannelAPI", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Typed C wrappers over the system libcurl's variadic calls; only BeaconCurl uses them.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // libcurl in Swift for every channel that talks to a server: one set-up per process,
        // reusable handles with typed options, uploads and what the server answered.
        .target(name: "BeaconCurl", dependencies: ["CCurl"]),
        // What comes back after sending: bounces, complaints and automatic replies read into
        // facts (with the delivery's VERP reference) from IMAP, a Maildir or Postfix's pipe.
        .target(name: "BeaconBounces", dependencies: ["BeaconCurl", "BeaconChannelAPI"]),
        // The email channel: MIME messages, SMTP through libcurl, and the file outbox.
        .target(
            name: "BeaconEmail",
            dependencies: [
                "BeaconCore", "BeaconChannelAPI", "BeaconCurl", "BeaconReaderLinks",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The RSS channel: a feed per audience, sector or network and language, with an OPML list.
        .target(name: "BeaconRSS", dependencies: ["BeaconCore", "BeaconChannelAPI"]),
        // The network bulletin channel: printable pages, a shared-folder copy and webhooks.
        .target(name: "BeaconBulletin", dependencies: ["BeaconCore", "BeaconChannelAPI", "BeaconCurl"]),
        .target(name: "BeaconJSONFeed", dependencies: ["BeaconCore", "BeaconChannelAPI"], exclude: ["README.md"]),
        // new-channel: the plugin adds channel targets above this line.
        // `beacon serve`: the reader-facing web service (unsubscribe, preferences, sign-up, web
        // copies, archive, hosted feeds), on Hummingbird.
        .target(
            name: "BeaconWeb",
            dependencies: [
                "BeaconCore", "BeaconChannelAPI", "BeaconLedger", "BeaconSend", "BeaconReaderLinks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Assets")]
        ),
        // The one place that wires the core, the ledger and every channel to the command line.
        .executableTarget(
            name: "beacon",
            dependencies: [
                "BeaconCore",
                "BeaconChannelAPI",
                "BeaconLedger",
                "BeaconSQLiteLedger",
                "BeaconSend",
                "BeaconWeb",
                "BeaconReaderLinks",
                "BeaconEmail",
                "BeaconRSS",
                "BeaconBulletin",
                "BeaconJSONFeed",
                // new-channel: the plugin adds channel modules above this line.
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Synthetic registers of any size, in Config/ format, for the scale benchmark.
        .executableTarget(
            name: "beacon-datagen",
            dependencies: ["BeaconCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The stages of a send before SMTP, timed on every core; Tests/Benchmarks/national-scale.sh runs it.
        .executableTarget(
            name: "beacon-bench",
            dependencies: [
                "BeaconCore", "BeaconChannelAPI", "BeaconSend", "BeaconEmail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BeaconCoreTests", dependencies: ["BeaconCore", "BeaconTestSupport"]),
        .testTarget(name: "BeaconChannelAPITests", dependencies: ["BeaconChannelAPI", "BeaconCore", "BeaconTestSupport"]),
        .testTarget(name: "BeaconLedgerTests", dependencies: ["BeaconCore", "BeaconChannelAPI", "BeaconLedger", "BeaconSQLiteLedger", "BeaconSend", "BeaconTestSupport"]),
        // What every test target shares: the real servers tests talk to (aiosmtpd), Debian's
        // Python for the readers in each target's Peers/ folder, and temporary folders that
        // are removed. Each Peers/ folder holds a target's own readers and servers.
        .target(name: "BeaconTestSupport", path: "Tests/TestSupport", exclude: ["smtp_server.py"]),
        .testTarget(
            name: "BeaconWebTests",
            dependencies: [
                "BeaconWeb", "BeaconCore", "BeaconChannelAPI", "BeaconLedger", "BeaconSQLiteLedger", "BeaconReaderLinks",
                "BeaconSend", "BeaconEmail", "BeaconRSS", "BeaconJSONFeed", "BeaconBulletin",
                "BeaconChannelTesting", "BeaconTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["Peers"]
        ),
        .testTarget(name: "BeaconReaderLinksTests", dependencies: ["BeaconReaderLinks", "BeaconCore", "BeaconChannelAPI"]),
        .testTarget(name: "BeaconCurlTests", dependencies: ["BeaconCurl", "BeaconTestSupport"], exclude: ["Peers"]),
        .testTarget(
            name: "BeaconBouncesTests", dependencies: ["BeaconBounces", "BeaconCurl", "BeaconTestSupport"], resources: [.copy("Corpus")]
        ),
        .testTarget(name: "BeaconEmailTests", dependencies: ["BeaconEmail", "BeaconChannelTesting", "BeaconTestSupport"], exclude: ["Peers"]),
        .testTarget(name: "BeaconRSSTests", dependencies: ["BeaconRSS", "BeaconChannelTesting", "BeaconTestSupport"], exclude: ["Peers"]),
        .testTarget(name: "BeaconBulletinTests", dependencies: ["BeaconBulletin", "BeaconChannelTesting", "BeaconTestSupport"], exclude: ["Peers"]),
        .testTarget(name: "BeaconCLITests", dependencies: ["beacon", "BeaconTestSupport"], exclude: ["Peers"]),
        .testTarget(name: "BeaconJSONFeedTests", dependencies: ["BeaconJSONFeed", "BeaconChannelTesting", "BeaconTestSupport"], exclude: ["Peers"]),
        // new-channel: the plugin adds channel test targets above this line.
        // Hostile register text through every format, checked by the same real readers.
        .testTarget(
            name: "BeaconPropertyTests",
            dependencies: [
                "BeaconCore", "BeaconChannelAPI", "BeaconChannelTesting", "BeaconEmail", "BeaconRSS", "BeaconJSONFeed", "BeaconBulletin", "BeaconTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Peers"]
        ),

        // For channel maintainers: `swift package --allow-writing-to-package-directory new-channel --name Teams`.
        .plugin(
            name: "NewChannel",
            capability: .command(
                intent: .custom(verb: "new-channel", description: "Scaffold a new delivery channel module, its tests, and its registration."),
                permissions: [.writeToPackageDirectory(reason: "Creates Sources/Beacon<Name>, Tests/Beacon<Name>Tests, and adds them to Package.swift and Sources/beacon/Channels.swift.")]
            )
        ),
    ]
)

// Every module imports others internally unless it says `public import`, so what a module
// shows of another is a deliberate choice.
for target in package.targets where target.type != .plugin && target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("InternalImportsByDefault")]
}
