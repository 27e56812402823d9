import ArgumentParser
import BeaconCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show each digest definition: audiences, frequency, schedule, channels and budget.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let (configuration, _) = try options.load()
        for digest in configuration.digests {
            let readers = configuration.subscribers(of: digest).filter(\.isReachable).count
            print("""
                \(digest.id) — \(digest.title.english)\(digest.title.welsh.map { " / \($0)" } ?? "")
                  audiences: \(digest.audiences.map(\.rawValue).joined(separator: ", ")) (\(readers) reachable \(readers == 1 ? "subscriber" : "subscribers"))
                  frequency: \(digest.frequency.rawValue); schedule: \(digest.schedule)
                  channels: \(digest.channels.map(\.rawValue).joined(separator: ", "))
                  budget: \(digest.budget.items) items, \(digest.budget.words) words; sections: \(digest.sections.map(\.rawValue).joined(separator: ", "))
                """)
        }
    }
}
