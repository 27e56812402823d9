import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconSend
import Foundation

/// How a send tells the operator what it does: a line per issue opened, the progress count,
/// the summary per channel and what `--dry-run` would do.
enum Narration {
    static func tell(_ event: SendRun.Event, in timeZone: TimeZone, progress: Progress) {
        switch event {
        case .stoppedRunReported(let run, let report?):
            print("An earlier run (process \(run.process), started \(ScheduleCommand.format(run.startedAt, in: timeZone))) stopped before it finished; what it recorded is in \(ConfigurationLoader.displayName(report)).")
        case .stoppedRunReported(_, nil):
            break
        case .opened(let issue, let isNew, let sendWhenEmpty):
            print(describe(issue, isNew: isNew, sendWhenEmpty: sendWhenEmpty))
        case .finishingEarlier(let count):
            print("Finishing \(count) \(count == 1 ? "delivery" : "deliveries") left by an earlier run or due for retry.")
        case .delivering(let count):
            progress.expect(count)
        case .deliveryDone:
            progress.step()
        }
    }

    private static func describe(_ issue: Issue, isNew: Bool, sendWhenEmpty: Bool) -> String {
        let what = "\(issue.digest) issue of \(issue.date) (news from \(issue.window.start) to \(issue.window.end.adding(days: -1)))"
        if !isNew { return "\(what): already opened; finishing what is outstanding." }
        if !issue.hasNews, !sendWhenEmpty { return "\(what): nothing new; recorded, not sent." }
        return "\(what): opened."
    }

    /// One line per channel, with the first problems spelt out.
    static func summary(of report: RunReport) -> String {
        let channels = Set(report.counts.map(\.channel)).sorted()
        guard !channels.isEmpty else { return "Nothing to send.\n" }
        var lines: [String] = []
        for channel in channels {
            let mine = report.counts.filter { $0.channel == channel }
            let total = { (state: DeliveryState) in mine.filter { $0.state == state }.reduce(0) { $0 + $1.count } }
            let skipped = mine.filter { $0.state == .skipped }.map { "\($0.count) \($0.reason ?? "no reason recorded")" }
            let skippedText = skipped.isEmpty ? "" : "; not sent: " + skipped.joined(separator: ", ")
            lines.append("\(channel): \(total(.sent)) sent, \(total(.deferred)) deferred, \(total(.failed)) failed\(skippedText)")
            let named = report.problems[channel] ?? []
            for outcome in named {
                let who = outcome.address.isEmpty ? outcome.recipient.rawValue : "\(outcome.recipient) <\(outcome.address)>"
                lines.append("  \(outcome.state.rawValue) \(outcome.digest) for \(who): \(outcome.reply)")
            }
            let more = total(.failed) + total(.deferred) - named.count
            if more > 0 { lines.append("  … and \(more) more in the report") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `send --dry-run` would do.
    static func lines(of preview: SendPreview) -> [String] {
        var lines = preview.issues.isEmpty ? ["No digest is due."] : []
        for issue in preview.issues {
            switch issue {
            case .alreadyOpen(let digest, let date):
                lines.append("\(digest) issue of \(date): already opened; a send would finish what is outstanding.")
            case .nothingNew(let digest, let date, let since):
                lines.append("\(digest) issue of \(date): nothing new since \(since); would be recorded, not sent.")
            case .wouldOpen(let digest, let date, let since, let deliveries):
                let reach = deliveries.map { "\($0.count) over \($0.channel) to \($0.destination)" }
                lines.append("\(digest) issue of \(date) (news from \(since)): would open with deliveries \(reach.joined(separator: "; ")).")
            }
        }
        if let outstanding = preview.outstanding { lines.append("Outstanding from earlier runs or due for retry: \(outstanding).") }
        return lines
    }
}
