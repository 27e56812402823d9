import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate settings, register, audiences, subscribers and digest definitions.",
        discussion: """
            Lists every error as file:row:field: message and exits 1 if there is any. Otherwise \
            prints a summary, then warnings to act on: missing Welsh translations, stale contacts, \
            subscribers no digest reaches, channels this build cannot deliver to.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let loaded = try Loaded(options)
        let configuration = loaded.configuration
        let date = try asOf.date(in: configuration.settings)
        let warnings = loaded.warnings + ConfigurationReview.warnings(configuration, asOf: date)
        let suppressions = try ledgerCall { try loaded.ledger?.suppressions() } ?? []
        let summary = Summary(configuration, file: ConfigurationLoader.displayName(options.settingsFile), asOf: date, suppressions: suppressions)
        print(summary.lines.joined(separator: "\n"))
        if warnings.isEmpty {
            print("No warnings.")
        } else {
            print("\(warnings.count) \(warnings.count == 1 ? "warning" : "warnings") (on standard error).")
            Report.warnings(warnings)
        }
    }
}

/// What `check` tells the operator they have.
private struct Summary {
    let lines: [String]

    init(_ configuration: Configuration, file: String, asOf date: CivilDate, suppressions: [Suppression]) {
        let register = configuration.register
        let evaluated = register.projects.filter { $0.evaluation.kind == .independent }.count
        let invested = register.projects.reduce(Pence.zero) { $0 + $1.investment }
        let saved = register.projects.reduce(Pence.zero) { $0 + ($1.achievedSavings ?? .zero) }
        let overdue = register.actions.filter { $0.isOverdue(on: date) }.count
        var lines = [
            "\(file) and everything it names are valid.",
            "  Funds: \(register.funds.count); themes: \(register.themes.count)",
            "  Projects: \(register.projects.count) (\(evaluated) independently evaluated; \(invested.formatted) invested; \(saved.formatted) saved so far)",
            "  Progress updates: \(register.updates.count); lessons: \(register.lessons.count); notices: \(register.notices.count)",
            "  Network actions: \(register.actions.count) (\(register.actions.filter { $0.status == .open }.count) open, \(overdue) overdue on \(date))",
            "  Subscribers: \(configuration.subscribers.count) (\(configuration.subscribers.filter(\.isReachable).count) reachable)",
        ]
        for audience in configuration.audiences {
            let members = configuration.subscribers.filter { $0.audience == audience.id }
            lines.append("    \(audience.id) (\(audience.kind.rawValue)): \(members.count)")
        }
        lines.append("  Digests: \(configuration.digests.count) — \(configuration.digests.map(\.id.rawValue).joined(separator: ", "))")
        let active = suppressions.filter { $0.liftedAt == nil }
        let addresses = Set(active.map(\.address)), readers = Set(active.compactMap(\.reader))
        let suppressed = configuration.subscribers.filter { addresses.contains($0.email.lowercased()) || readers.contains(RecipientKey($0.id.rawValue)) }.count
        lines.append("  Unsubscribed in the ledger: \(suppressed) of the listed subscribers (they get nothing more of what they left, whatever the subscriber files say)")
        self.lines = lines
    }
}
