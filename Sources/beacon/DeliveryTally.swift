import BeaconCore
import Foundation

/// Counts what each channel did, keeps every outcome for the report, and words the summary.
/// Channels record from several threads at once.
final class DeliveryTally: @unchecked Sendable {
    /// What the report and summary need of a delivery, not the recipient itself: a national
    /// send keeps 100,000 of these, and whole recipients made it tens of megabytes.
    private struct Row {
        let digest: DigestID
        let issueDate: CivilDate
        let recipient: String
        let email: String
        /// Only for a copy not delivered, which the summary names.
        let label: String?
        let channel: ChannelName
        let outcome: DeliveryOutcome
    }

    private let lock = NSLock()
    private var rows: [Row] = []
    private var skips: [ChannelName: [String: Int]] = [:]
    static let failuresSpeltOut = 5

    func record(_ delivery: Delivery, over channel: ChannelName, _ outcome: DeliveryOutcome) {
        let delivered = if case .delivered = outcome { true } else { false }
        let row = Row(
            digest: delivery.digest.id, issueDate: delivery.issue.issueDate, recipient: delivery.recipient.key, email: delivery.recipient.email,
            label: delivered ? nil : delivery.recipient.label, channel: channel, outcome: outcome)
        lock.withLock { rows.append(row) }
    }

    /// A copy not sent on purpose: nothing new for that reader, unsubscribed, not due theirs.
    func skipped(_ channel: ChannelName, because reason: String) {
        lock.withLock { skips[channel, default: [:]][reason, default: 0] += 1 }
    }

    /// Whether anything was delivered, deferred, failed or skipped.
    var hasDeliveries: Bool {
        lock.withLock { !rows.isEmpty || !skips.isEmpty }
    }

    var hasProblems: Bool {
        lock.withLock { rows.contains { if case .delivered = $0.outcome { false } else { true } } }
    }

    func summary(channelFailures: [String]) -> String {
        lock.withLock {
            var lines: [String] = []
            let channels = Set(rows.map(\.channel)).union(skips.keys).sorted()
            if channels.isEmpty { lines.append("Nothing to send.") }
            for channel in channels {
                let mine = rows.filter { $0.channel == channel }
                let sent = mine.filter { if case .delivered = $0.outcome { true } else { false } }.count
                let deferred = mine.filter { if case .deferred = $0.outcome { true } else { false } }
                let failed = mine.filter { if case .failed = $0.outcome { true } else { false } }
                let skipped = (skips[channel] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                let skippedText = skipped.isEmpty ? "" : "; not sent: " + skipped.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                lines.append("\(channel): \(sent) sent, \(deferred.count) deferred, \(failed.count) failed\(skippedText)")
                for row in (failed + deferred).prefix(Self.failuresSpeltOut) {
                    lines.append("  \(Self.word(row.outcome)) \(row.digest) for \(row.label ?? row.recipient): \(Self.detail(row.outcome))")
                }
                let more = failed.count + deferred.count - Self.failuresSpeltOut
                if more > 0 { lines.append("  … and \(more) more in the report") }
            }
            lines += channelFailures.map { "Stopped: \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// A CSV of every delivery: what the fund team checks when a reader says nothing arrived.
    func writeReport(to folder: URL, issueDate: CivilDate) throws -> URL {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // To the millisecond, so two runs in one second keep both reports.
        let stamp = formatter.string(from: Date()).replacingOccurrences(of: ":", with: "")
        let url = folder.appendingPathComponent("send-\(issueDate)-\(stamp).csv")
        let text = lock.withLock {
            var text = "digest,issue_date,recipient,email,channel,outcome,detail\r\n"
            for row in rows {
                text += [row.digest.rawValue, row.issueDate.description, row.recipient, row.email,
                         row.channel.rawValue, Self.word(row.outcome), Self.detail(row.outcome)].map(Self.csvField).joined(separator: ",")
                text += "\r\n"
            }
            return text
        }
        try AtomicFile.write(Data(text.utf8), to: url)
        return url
    }

    private static func word(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .delivered: "sent"
        case .deferred: "deferred"
        case .failed: "failed"
        }
    }

    private static func detail(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .delivered(let detail), .deferred(let detail), .failed(let detail): detail
        }
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
