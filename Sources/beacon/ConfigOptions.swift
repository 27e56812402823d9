import ArgumentParser
import BeaconCore
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
            return try ConfigurationLoader.load(settingsFile: settingsFile)
        } catch {
            Report.problems(error.diagnostics)
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
