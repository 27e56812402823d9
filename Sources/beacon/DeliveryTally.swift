import BeaconCore
import Foundation

/// Counts what each channel did, keeps every outcome for the report, and words the summary.
/// Channels record from several threads at once.
final class DeliveryTally: @unchecked Sendable {
    private struct Row {
        let digest: DigestID
        let issueDate: CivilDate
        let recipient: Recipient
        let channel: ChannelName
        let outcome: DeliveryOutcome
    }

    private let lock = NSLock()
    private var rows: [Row] = []
    private var unavailableReaders: [ChannelName: Int] = [:]
    static let failuresSpeltOut = 5

    func record(_ delivery: Delivery, over channel: ChannelName, _ outcome: DeliveryOutcome) {
        let row = Row(digest: delivery.digest.id, issueDate: delivery.issue.issueDate, recipient: delivery.recipient, channel: channel, outcome: outcome)
        lock.withLock { rows.append(row) }
    }

    func unavailable(_ channel: ChannelName, readers: Int) {
        lock.withLock { unavailableReaders[channel, default: 0] += readers }
    }

    var hasProblems: Bool {
        lock.withLock { rows.contains { if case .delivered = $0.outcome { false } else { true } } }
    }

    func summary(channelFailures: [String]) -> String {
        lock.withLock {
            var lines: [String] = []
            let channels = Set(rows.map(\.channel)).sorted()
            if channels.isEmpty, unavailableReaders.isEmpty { lines.append("Nothing to send: no reader has anything new.") }
            for channel in channels {
                let mine = rows.filter { $0.channel == channel }
                let sent = mine.filter { if case .delivered = $0.outcome { true } else { false } }.count
                let deferred = mine.filter { if case .deferred = $0.outcome { true } else { false } }
                let failed = mine.filter { if case .failed = $0.outcome { true } else { false } }
                lines.append("\(channel): \(sent) sent, \(deferred.count) deferred, \(failed.count) failed")
                for row in (failed + deferred).prefix(Self.failuresSpeltOut) {
                    lines.append("  \(Self.word(row.outcome)) \(row.digest) for \(row.recipient.label): \(Self.detail(row.outcome))")
                }
                let more = failed.count + deferred.count - Self.failuresSpeltOut
                if more > 0 { lines.append("  … and \(more) more in the report") }
            }
            for (channel, readers) in unavailableReaders.sorted(by: { $0.key < $1.key }) {
                lines.append("\(channel): not available in this build; \(readers) \(readers == 1 ? "reader" : "readers") not reached over it")
            }
            lines += channelFailures.map { "Stopped: \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// A CSV of every delivery: what the fund team checks when a reader says nothing arrived.
    func writeReport(to folder: URL, issueDate: CivilDate) throws -> URL {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let url = folder.appendingPathComponent("send-\(issueDate)-\(stamp).csv")
        let text = lock.withLock {
            (["digest,issue_date,recipient,email,channel,outcome,detail"] + rows.map { row in
                [row.digest.rawValue, row.issueDate.description, Self.recipientID(row.recipient), row.recipient.email,
                 row.channel.rawValue, Self.word(row.outcome), Self.detail(row.outcome)].map(Self.csvField).joined(separator: ",")
            }).joined(separator: "\r\n") + "\r\n"
        }
        try AtomicFile.write(Data(text.utf8), to: url)
        return url
    }

    private static func recipientID(_ recipient: Recipient) -> String {
        switch recipient {
        case .subscriber(let subscriber): subscriber.id.rawValue
        case .edition(let edition): edition.key
        case .mailingList(let edition, _): "list:\(edition.audience.id)"
        }
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
