public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation

/// What a run did, read back from the ledger, so the summary printed at its end and the CSV
/// report say exactly what the ledger and `beacon history` say.
public struct RunReport: Sendable {
    public let run: LedgerRun
    public let counts: [OutcomeCount]
    /// The first few failed and deferred deliveries of each channel, to name in a summary.
    public let problems: [ChannelName: [RecordedOutcome]]
    static let problemsSpeltOut = 5

    init(_ run: LedgerRun, ledger: any DeliveryLedger) throws(LedgerError) {
        self.run = run
        counts = try ledger.outcomeCounts(of: run)
        var problems: [ChannelName: [RecordedOutcome]] = [:]
        try ledger.forEachOutcome(of: run, in: [.failed, .deferred], limit: nil) { outcome in
            if problems[outcome.channel, default: []].count < Self.problemsSpeltOut { problems[outcome.channel, default: []].append(outcome) }
        }
        self.problems = problems
    }

    /// Whether the run recorded anything at all.
    public var hasOutcomes: Bool { !counts.isEmpty }

    /// Some delivery failed or waits for a retry.
    public var hasProblems: Bool { counts.contains { $0.state == .failed || $0.state == .deferred } }

    /// A CSV of every outcome the run recorded: what the fund team checks when a reader says
    /// nothing arrived. It holds names and addresses, so only its owner can read it.
    static func write(_ run: LedgerRun, ledger: any DeliveryLedger, to folder: URL, named name: String) throws -> URL {
        var text = "digest,issue_date,recipient,email,channel,outcome,detail\r\n"
        try ledger.forEachOutcome(of: run, in: nil, limit: nil) { outcome in
            text += [outcome.digest.rawValue, outcome.issueDate.description, outcome.recipient.rawValue, outcome.address,
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
