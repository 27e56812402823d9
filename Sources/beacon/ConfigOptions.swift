import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

/// The options every command shares, and loading the configuration they point at.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The settings file.", discussion: "Defaults to $BEACON_CONFIG, then Config/beacon.yml.", valueName: "path"))
    var config: String?

    var settingsFile: URL {
        let path = config ?? ProcessInfo.processInfo.environment["BEACON_CONFIG"] ?? "Config/beacon.yml"
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    /// The validated configuration and its warnings; on any error, prints them all and exits 1.
    func load() throws -> (configuration: Configuration, warnings: [Diagnostic]) {
        do {
            return try ConfigurationLoader.load(settingsFile: settingsFile, sections: Channels.settingsSections + [RetryPolicy.spec])
        } catch {
            Report.problems(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

/// Loads everything `send` and `preview` need: configuration, renderer and channels, or
/// reports every problem and exits 1.
struct Loaded {
    let configuration: Configuration
    let warnings: [Diagnostic]
    let renderer: DigestRenderer
    let channels: [ChannelName: any Channel]
    let retryPolicy: RetryPolicy
    /// The delivery ledger, where channels also keep their state: created by commands that
    /// send or record (`recording`); for the others, the existing one if there is one.
    let ledger: (any DeliveryLedger)?

    /// Commands that send check every page of the ledger first (`sending`), so a damaged one is
    /// refused before anything goes out or is written.
    init(_ options: ConfigOptions, recording: Bool = false, sending: Bool = false) throws {
        let (configuration, warnings) = try options.load()
        let ledger = try ledgerCall {
            try LedgerStore.open(configuration.settings, purpose: sending ? .sending : recording ? .recording : .reading)
        }
        let (channels, channelProblems) = Channels.make(configuration) { name in ledger?.state(of: name) ?? MemoryChannelState() }
        let (retryPolicy, retryProblems) = RetryPolicy.read(from: configuration.settings)
        var problems = ConfigurationReview.unknownChannels(configuration, available: Channels.available) + channelProblems + retryProblems
        var renderer: DigestRenderer?
        do {
            renderer = try DigestRenderer(configuration: configuration)
        } catch {
            problems += error.diagnostics
        }
        guard let renderer, !problems.contains(where: { $0.severity == .error }) else {
            Report.problems(problems + warnings)
            throw ExitCode(1)
        }
        self.configuration = configuration
        self.warnings = warnings + problems
        self.renderer = renderer
        self.channels = channels
        self.retryPolicy = retryPolicy
        self.ledger = ledger
    }
}

/// Today in the settings' time zone, or the `--as-of` date.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The issue date (default: today in the settings' time zone).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func date(in settings: Settings) throws -> CivilDate {
        guard let asOf else { return CivilDate.today(in: settings.timeZone) }
        guard let date = CivilDate(parsing: asOf) else {
            throw ValidationError("--as-of \(asOf) is not a date; write YYYY-MM-DD")
        }
        return date
    }
}

extension Configuration {
    /// The digest a command line names, or a usage error listing the digests there are.
    func digest(named id: String) throws -> DigestDefinition {
        guard let digest = digest(DigestID(id)) else {
            throw ValidationError("no digest is called \"\(id)\"; the digests are: \(digests.map(\.id.rawValue).joined(separator: ", "))")
        }
        return digest
    }
}
