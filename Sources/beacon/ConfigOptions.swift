import ArgumentParser
import BeaconCore
import BeaconLedger
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

    init(_ options: ConfigOptions) throws {
        let (configuration, warnings) = try options.load()
        let (channels, channelProblems) = Channels.make(configuration)
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
    }

    /// The delivery ledger in the data folder, or exit 1 saying why it cannot be opened.
    func ledger() throws -> Ledger {
        do {
            return try Ledger(folder: configuration.settings.dataFolder)
        } catch {
            Report.standardError(error.description)
            throw ExitCode(1)
        }
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
