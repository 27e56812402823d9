import ArgumentParser
import BeaconCore
import BeaconReaderLinks
import BeaconWeb
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer readers on the web: one-click unsubscribe, preferences, sign-up, web copies, the archive and the feeds.",
        discussion: """
            Runs beside `send` and `run` and shares their ledger. Listens on 127.0.0.1 by \
            default: put a reverse proxy that holds the TLS certificate in front of it (see \
            Deploy/), and set public_base_url to the address readers use. SIGTERM or SIGINT \
            stops it after the requests in progress.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let loaded = try Loaded(options, recording: true)
        guard let ledger = loaded.ledger else { throw ExitCode(1) }
        let settings = loaded.configuration.settings
        let (source, problems) = LinkKeys.Source.read(environment: ProcessInfo.processInfo.environment, dataFolder: settings.dataFolder)
        guard let source else {
            Report.problems(problems)
            throw ExitCode(1)
        }
        let context = WebContext(
            configuration: loaded.configuration, ledger: ledger, channels: loaded.channels, renderer: loaded.renderer,
            linkKeys: try source.keys())
        let logger = Logger(label: "beacon.serve")
        let service = WebService(context: context, metrics: ServiceMetrics.bootstrap())
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service.application(host: host, port: port))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
