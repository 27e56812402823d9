import ArgumentParser
import BeaconCore
import BeaconLedger
import Foundation

/// One sending run, as `send`, `send --due` and each wake of `run` do it: open the issues
/// asked for (each with all its deliveries, in one transaction), then deliver everything
/// outstanding, record every outcome in the ledger, and word a summary.
struct SendingRun {
    let loaded: Loaded
    let ledger: Ledger
    let stop: StopSignal
    let now: @Sendable () -> Date

    struct Result {
        let tally: DeliveryTally
        let channelFailures: [String]
    }

    /// Opens each of `issues` (or finds it already open), then sends what is outstanding: of
    /// those issues only, or with `everythingDue`, every pending or due retry in the ledger.
    func run(_ issues: [IssueRequest], everythingDue: Bool) throws -> Result {
        let configuration = loaded.configuration
        let planner = DeliveryPlanner(configuration: configuration, renderer: loaded.renderer)
        let opener = IssueOpener(
            configuration: configuration, ledger: ledger, planner: planner, reaches: loaded.channels.mapValues { $0.reach })
        var opened: Set<Int64> = []
        for (definition, date, scheduledAt) in issues {
            let (issue, isNew) = try ledgerCall { try opener.open(definition, on: date, scheduledAt: scheduledAt, now: now()) }
            opened.insert(issue.id)
            print(Self.describe(issue, isNew: isNew, sendWhenEmpty: definition.sendWhenEmpty))
        }
        let outstanding = try ledgerCall { try ledger.outstanding(dueBy: now(), in: everythingDue ? nil : opened) }
        let earlier = outstanding.filter { !opened.contains($0.issueID) }.count
        if earlier > 0 { print("Finishing \(earlier) \(earlier == 1 ? "delivery" : "deliveries") left by an earlier run or due for retry.") }
        let tally = DeliveryTally()
        let progress = Progress(label: "Sending", total: outstanding.count)
        let deliveries = OutstandingDeliveries(
            configuration: configuration, ledger: ledger, planner: planner, channels: loaded.channels,
            recorder: OutcomeRecorder(ledger: ledger, policy: loaded.retryPolicy, stop: stop, now: now), stop: stop)
        let failures = try ledgerCall {
            try deliveries.deliver(outstanding, observe: { channel, delivery, outcome in
                tally.record(delivery, over: channel, outcome)
                progress.step()
            }, skipped: { channel, _, reason in
                tally.skipped(channel, because: reason)
                progress.step()
            })
        }
        progress.finish()
        return Result(tally: tally, channelFailures: failures)
    }

    private static func describe(_ issue: Issue, isNew: Bool, sendWhenEmpty: Bool) -> String {
        let what = "\(issue.digest) issue of \(issue.date) (news from \(issue.window.start) to \(issue.window.end.adding(days: -1)))"
        if !isNew { return "\(what): already opened; finishing what is outstanding." }
        if !issue.hasNews, !sendWhenEmpty { return "\(what): nothing new; recorded, not sent." }
        return "\(what): opened."
    }

}

/// An issue to open: the digest, its date, and the scheduled time that called for it.
typealias IssueRequest = (definition: DigestDefinition, date: CivilDate, scheduledAt: Date?)

/// Runs a ledger operation; if it fails, says why and exits 1.
func ledgerCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LedgerError {
        Report.standardError(error.description)
        throw ExitCode(1)
    }
}
