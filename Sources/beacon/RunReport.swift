import BeaconCore
import BeaconLedger
import Foundation

/// What a run did, read back from the ledger, so the summary printed at its end and the CSV
/// report say exactly what the ledger and `beacon history` say.
struct RunReport {
    let run: LedgerRun
    let counts: [OutcomeCount]
    /// The first few failed and deferred deliveries of each channel, named in the summary.
    let problems: [ChannelName: [RecordedOutcome]]
    static let problemsSpeltOut = 5

    init(_ run: LedgerRun, ledger: Ledger) throws(LedgerError) {
        self.run = run
        counts = try ledger.outcomeCounts(of: run)
        var problems: [ChannelName: [RecordedOutcome]] = [:]
        try ledger.forEachOutcome(of: run, in: [.failed, .deferred]) { outcome in
            if problems[outcome.channel, default: []].count < Self.problemsSpeltOut { problems[outcome.channel, default: []].append(outcome) }
        }
        self.problems = problems
    }

    /// Whether the run recorded anything at all.
    var hasOutcomes: Bool { !counts.isEmpty }

    /// Some delivery failed or waits for a retry.
    var hasProblems: Bool { counts.contains { $0.state == .failed || $0.state == .deferred } }

    /// One line per channel, with the first problems spelt out; for standard output.
    var summary: String {
        let channels = Set(counts.map(\.channel)).sorted()
        guard !channels.isEmpty else { return "Nothing to send.\n" }
        var lines: [String] = []
        for channel in channels {
            let mine = counts.filter { $0.channel == channel }
            let total = { (state: DeliveryState) in mine.filter { $0.state == state }.reduce(0) { $0 + $1.count } }
            let skipped = mine.filter { $0.state == .skipped }.map { "\($0.count) \($0.reason ?? "no reason recorded")" }
            let skippedText = skipped.isEmpty ? "" : "; not sent: " + skipped.joined(separator: ", ")
            lines.append("\(channel): \(total(.sent)) sent, \(total(.deferred)) deferred, \(total(.failed)) failed\(skippedText)")
            let named = problems[channel] ?? []
            for outcome in named {
                let who = outcome.address.isEmpty ? outcome.recipient : "\(outcome.recipient) <\(outcome.address)>"
                lines.append("  \(outcome.state.rawValue) \(outcome.digest) for \(who): \(outcome.reply)")
            }
            let more = total(.failed) + total(.deferred) - named.count
            if more > 0 { lines.append("  … and \(more) more in the report") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV of every outcome the run recorded: what the fund team checks when a reader says
    /// nothing arrived. It holds names and addresses, so only its owner can read it.
    static func write(_ run: LedgerRun, ledger: Ledger, to folder: URL, named name: String) throws -> URL {
        var text = "digest,issue_date,recipient,email,channel,outcome,detail\r\n"
        try ledger.forEachOutcome(of: run) { outcome in
            text += [outcome.digest.rawValue, outcome.issueDate.description, outcome.recipient, outcome.address,
                     outcome.channel.rawValue, outcome.state.rawValue, outcome.reply].map(csvField).joined(separator: ",")
            text += "\r\n"
        }
        let url = folder.appendingPathComponent(name)
        try AtomicFile.write(Data(text.utf8), to: url, access: .personal)
        return url
    }

    /// `send-2026-12-01-20261201T090512.345Z.csv`: the date of the issues asked for, then the
    /// moment, to the millisecond, so two runs in one second keep both reports.
    static func fileName(issueDate: CivilDate, at moment: Date, stoppedEarly: Bool = false) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = formatter.string(from: moment).replacingOccurrences(of: ":", with: "")
        return "send-\(issueDate)-\(stamp)\(stoppedEarly ? "-stopped" : "").csv"
    }

    /// Quoted where it needs to be; a value a spreadsheet would run as a formula (an address
    /// can start with `=`, a server's reply with anything) is led by an apostrophe, which
    /// spreadsheets show as text and do not display.
    static func csvField(_ text: String) -> String {
        let text = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        return text.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
