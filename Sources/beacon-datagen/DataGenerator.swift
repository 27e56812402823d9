import ArgumentParser
import BeaconCore
import Foundation

@main
struct DataGenerator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon-datagen",
        abstract: "Write a synthetic register and subscriber list of a chosen size in Beacon's Config/ format, for benchmarks.",
        discussion: """
            FOLDER gets Config/ (settings, register CSV files, audiences, subscribers and three \
            digest definitions) ready for `beacon --config FOLDER/Config/beacon.yml`. Projects \
            belong to real Welsh public bodies; every person is made up. The same seed always \
            gives the same files.
            """)

    @Option(help: "How many projects.")
    var projects = 10_000

    @Option(help: "How many subscribers, across portfolio holders, directors and the two networks.")
    var subscribers = 100_000

    @Option(help: "Updates cover the year before this date; issues are dated on it.")
    var asOf = "2026-12-01"

    @Option(help: "The random seed.")
    var seed: UInt64 = 2026

    @Argument(help: "The folder to write Config/ into; it must not have a Config/ yet.")
    var folder: String

    func run() throws {
        guard let date = CivilDate(parsing: asOf) else { throw ValidationError("--as-of \(asOf) is not a date; write YYYY-MM-DD") }
        let config = URL(fileURLWithPath: folder).appendingPathComponent("Config")
        guard !FileManager.default.fileExists(atPath: config.path) else {
            throw ValidationError("\(config.path) exists already; give an empty folder")
        }
        var register = SyntheticRegister(asOf: date, random: SeededRandom(seed: seed))
        try register.write(projects: projects, subscribers: subscribers, into: config)
        print("Wrote \(projects) projects and \(subscribers) subscribers to \(config.path)")
    }
}
