import ArgumentParser
import BeaconCore
import BeaconLedger
import Foundation

/// One sending run, as `send`, `send --due` and each wake of `run` do it: write the reports of
/// runs that were killed, open the issues asked for (each with all its deliveries, in one
/// transaction), deliver everything outstanding, record every outcome in the ledger, and
/// read the summary and report back from it. Call with the run lock held.
struct SendingRun {
    let loaded: Loaded
    let ledger: Ledger
    let stop: StopSignal
    let now: @Sendable () -> Date
    /// What the ledger calls this run: `send`, `send --due` or `run`.
    let command: String

    struct Result {
        let report: RunReport
        /// Where the CSV report went, when the run recorded anything.
        let reportFile: URL?
        let channelFailures: [String]
    }

    /// Opens each of `issues` (or finds it already open), then sends what is outstanding: of
    /// those issues only, or with `everythingDue`, every pending or due retry in the ledger.
    func run(_ issues: [IssueRequest], everythingDue: Bool, reportDate: CivilDate) throws -> Result {
        let configuration = loaded.configuration
        try reportStoppedRuns()
        let run = try ledgerCall { try ledger.startRun(command: command, at: now()) }
        let planner = DeliveryPlanner(configuration: configuration, renderer: loaded.renderer)
        let opener = IssueOpener(
            configuration: configuration, ledger: ledger, planner: planner, reaches: loaded.channels.mapValues { $0.reach })
        var opened: Set<Int64> = []
        for (definition, date, scheduledAt) in issues {
            let (issue, isNew) = try ledgerCall { try opener.open(definition, on: date, scheduledAt: scheduledAt, run: run, now: now()) }
            opened.insert(issue.id)
            print(Self.describe(issue, isNew: isNew, sendWhenEmpty: definition.sendWhenEmpty))
        }
        let outstanding = try ledgerCall { try ledger.outstanding(dueBy: now(), in: everythingDue ? nil : opened) }
        let earlier = outstanding.filter { !opened.contains($0.issueID) }.count
        if earlier > 0 { print("Finishing \(earlier) \(earlier == 1 ? "delivery" : "deliveries") left by an earlier run or due for retry.") }
        let progress = Progress(label: "Sending", total: outstanding.count)
        let deliveries = OutstandingDeliveries(
            configuration: configuration, ledger: ledger, planner: planner, channels: loaded.channels,
            recorder: OutcomeRecorder(ledger: ledger, run: run, policy: loaded.retryPolicy, stop: stop, now: now), stop: stop)
        let failures = try ledgerCall { try deliveries.deliver(outstanding) { progress.step() } }
        progress.finish()
        return try ledgerCall {
            let report = try RunReport(run, ledger: ledger)
            let file = report.hasOutcomes ? try writeReport(of: run, named: RunReport.fileName(issueDate: reportDate, at: now())) : nil
            try ledger.finish(run, report: file.map(ConfigurationLoader.displayName), at: now())
            return Result(report: report, reportFile: file, channelFailures: failures)
        }
    }

    /// A run killed part-way (kill -9, a power cut) never wrote its report: write it now from
    /// what it recorded, so every delivery is in some report.
    private func reportStoppedRuns() throws {
        for stopped in try ledgerCall({ try ledger.unfinishedRuns() }) {
            let date = CivilDate.today(in: loaded.configuration.settings.timeZone, now: stopped.startedAt)
            let file = try ledgerCall { () throws -> URL? in
                guard try RunReport(stopped, ledger: ledger).hasOutcomes else { return nil }
                return try writeReport(of: stopped, named: RunReport.fileName(issueDate: date, at: stopped.startedAt, stoppedEarly: true))
            }
            try ledgerCall { try ledger.finish(stopped, report: file.map(ConfigurationLoader.displayName), stoppedEarly: true, at: now()) }
            if let file {
                print("An earlier run (process \(stopped.process), started \(ScheduleCommand.format(stopped.startedAt, in: loaded.configuration.settings.timeZone))) stopped before it finished; what it recorded is in \(ConfigurationLoader.displayName(file)).")
            }
        }
    }

    private func writeReport(of run: LedgerRun, named name: String) throws(LedgerError) -> URL {
        let folder = loaded.configuration.settings.dataFolder.appendingPathComponent("reports")
        do {
            return try RunReport.write(run, ledger: ledger, to: folder, named: name)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .database("cannot write the report in \(ConfigurationLoader.displayName(folder)): \(error.localizedDescription)")
        }
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
