/// The files a new channel starts from. The channel works as generated — it writes each
/// edition's Markdown to a folder — so a maintainer changes a working channel rather than
/// completing a stub.
enum Templates {
    static func target(module: String) -> String {
        """
                .target(name: "\(module)", dependencies: ["BeaconCore", "BeaconChannelAPI"], exclude: ["README.md"]),
        """
    }

    static func testTarget(module: String) -> String {
        """
                .testTarget(name: "\(module)Tests", dependencies: ["\(module)", "BeaconCore", "BeaconChannelAPI", "BeaconChannelTesting"]),
        """
    }

    static func channel(name: String, type: String, module: String) -> String {
        """
        public import BeaconChannelAPI
        public import BeaconCore
        public import Foundation

        /// The \(type) channel. FILL IN: what it delivers, to whom and where.
        public final class \(name)Channel: Channel {
            public static let name = ChannelName("\(type)")
            public var name: ChannelName { Self.name }
            /// FILL IN: `.eachSubscriber` to write to each person (their address is in
            /// `delivery.subscriber`), `.eachEdition` for one shared edition per audience (or
            /// sector) and language, `.eachNetwork` for one bilingual edition per network.
            public let reach = ChannelReach.eachEdition

            private let folder: URL

            public init(folder: URL) {
                self.folder = folder
            }

            public var destination: String { ConfigurationLoader.displayName(folder) }

            /// Called once per `beacon send` run and digest, from one thread. Ask `log.mayHandOver`
            /// before each hand-over (false when the run is stopping or the ledger cannot record),
            /// and record one outcome per delivery before the next: `.delivered` with where it
            /// went, `.deferred` for a failure that may pass (a busy server: it is worth trying
            /// again), `.failed` for one that will not (a refused address). Throw `ChannelFailure`
            /// only when nothing can be delivered at all.
            public func deliver(
                _ deliveries: some Sequence<Delivery>, log: any DeliveryLog
            ) throws(ChannelFailure) {
                for delivery in deliveries {
                    guard log.mayHandOver else { break }
                    // FILL IN: render and deliver. Formats: .text, .html, .markdown, .print.
                    // A channel that talks to a server does it through BeaconCurl (Plugins/README.md).
                    let body = delivery.renderer.render(delivery.issue, as: .markdown)
                    let file = folder.appendingPathComponent(delivery.digest.id.rawValue)
                        .appendingPathComponent(delivery.recipient.label)
                        .appendingPathComponent("\\(delivery.issue.issueDate).md")
                    do {
                        try AtomicFile.write(Data(body.utf8), to: file, access: .published)
                        log.record(delivery, .delivered("written to \\(ConfigurationLoader.displayName(file))"))
                    } catch {
                        log.record(delivery, .deferred("cannot write \\(file.path): \\(error.localizedDescription)"))
                    }
                }
            }
        }

        extension \(name)Channel: ChannelModule {
            /// The `\(type):` section of beacon.yml. FILL IN: its keys. Each can be overridden by
            /// `BEACON_` + section and key in capitals; secrets are read from `environment` only
            /// and listed in `secretVariables` so `beacon check` does not call them unknown.
            public static var settings: SettingsSectionSpec? { SettingsSectionSpec(name: "\(type)", keys: ["folder"]) }

            /// `state` keeps what the channel needs next run (FILL IN if it needs anything, such as
            /// what it last published); Beacon keeps it in the delivery ledger.
            public static func make(
                _ configuration: Configuration, environment: [String: String], state: any ChannelState
            ) -> (channel: (any Channel)?, problems: [Diagnostic]) {
                let reader = SettingsSectionReader(configuration.settings.section("\(type)"))
                let folder = reader.path("folder") ?? configuration.settings.dataFolder.appendingPathComponent("\(type)")
                let problems = reader.problems
                return (problems.contains { $0.severity == .error } ? nil : \(name)Channel(folder: folder), problems)
            }
        }

        """
    }

    static func test(name: String, type: String, module: String) -> String {
        """
        import BeaconChannelAPI
        import BeaconChannelTesting
        import BeaconCore
        @testable import \(module)
        import Foundation
        import Testing

        @Suite("The \(type) channel")
        struct \(name)ChannelTests {
            /// The example digests, delivered through this channel into a temporary data folder
            /// (removed when `example` goes). FILL IN: start the channel's real peer here (a server
            /// on loopback, a parser) and read what the channel delivered the way its real reader would.
            @Test("Every edition of an example digest is delivered")
            func delivers() throws {
                let example = try ExampleRegister(sections: [\(name)Channel.settings].compactMap { $0 }, channel: \(name)Channel.name)
                let (made, problems) = \(name)Channel.make(example.configuration, environment: example.environment, state: MemoryChannelState())
                let channel = try #require(made, "\\(problems)")
                let digest = try #require(example.configuration.digests.first)
                let date = CivilDate(year: 2026, month: 12, day: 1)!
                let deliveries = Array(example.deliveries(of: digest, over: channel, on: date))
                let log = try channel.deliverRecording(deliveries)
                #expect(!deliveries.isEmpty)
                #expect(log.outcomes.count == deliveries.count)
                #expect(log.allDelivered, "\\(log.outcomes)")
            }
        }

        """
    }

    static func readme(name: String, type: String, module: String) -> String {
        """
        # \(module): the `\(type)` channel

        FILL IN: one paragraph on what this channel delivers, to whom, and where.

        - Name it in a digest definition: `channels: [\(type)]`.
        - Settings: the `\(type):` section of `Config/beacon.yml` (see `\(name)Channel.settings`).
        - Tests: `swift test --filter \(module)Tests`.

        The guide for channel maintainers is `Plugins/README.md`.

        """
    }
}
