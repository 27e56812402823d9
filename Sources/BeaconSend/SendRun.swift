public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation

/// One sending run, as `send`, `send --due` and each wake of `run` do it, read from top to
/// bottom:
/// 1. write the reports of runs that were killed before they could;
/// 2. record that this run has started;
/// 3. open the issues asked for, each with all its deliveries, in one transaction;
/// 4. hand everything outstanding to its channel, recording each outcome before the next
///    message on the same connection;
/// 5. read the summary and the CSV report back from the ledger, and record the run finished.
/// Call with the run lock held.
public struct SendRun {
    let configuration: Configuration
    let ledger: any DeliveryLedger
    let channels: [ChannelName: any Channel]
    let renderer: DigestRenderer
    let retryPolicy: RetryPolicy
    let stop: StopSignal
    let now: @Sendable () -> Date
    /// What the ledger calls this run: `send`, `send --due` or `run`.
    let command: String

    public init(
        configuration: Configuration, ledger: any DeliveryLedger, channels: [ChannelName: any Channel], renderer: DigestRenderer,
        retryPolicy: RetryPolicy, stop: StopSignal, now: @escaping @Sendable () -> Date, command: String
    ) {
        self.configuration = configuration
        self.ledger = ledger
        self.channels = channels
        self.renderer = renderer
        self.retryPolicy = retryPolicy
        self.stop = stop
        self.now = now
        self.command = command
    }

    /// What happened in the run, as it happens, for the executable to tell the operator.
    public enum Event: Sendable {
        /// A run killed part-way never wrote its report; this one wrote it (when it had recorded anything).
        case stoppedRunReported(LedgerRun, report: URL?)
        case opened(Issue, isNew: Bool, sendWhenEmpty: Bool)
        /// Deliveries of earlier issues: left by a stopped run, or retries now due.
        case finishingEarlier(Int)
        /// Deliveries about to be handed over or skipped, for a progress count.
        case delivering(Int)
        /// One more delivery recorded or skipped.
        case deliveryDone
    }

    public struct Result: Sendable {
        public let report: RunReport
        /// Where the CSV report went, when the run recorded anything.
        public let reportFile: URL?
        public let channelStops: [ChannelStop]
    }

    /// Opens each of `requests` (or finds it already open), then sends what is outstanding: of
    /// those issues only, or with `everythingDue`, every pending delivery and due retry.
    /// `reportDate` names the report file.
    public func run(
        _ requests: [IssueRequest], everythingDue: Bool, reportDate: CivilDate, events: @escaping @Sendable (Event) -> Void = { _ in }
    ) throws(LedgerError) -> Result {
        try reportStoppedRuns(events)
        let run = try ledger.startRun(command: command, at: now())
        let configuration = try ReaderRoster.configuration(
            self.configuration, ledger: ledger, on: CivilDate.today(in: self.configuration.settings.timeZone, now: now()))
        let plan = SendPlan(configuration: configuration, renderer: renderer, ledger: ledger, reaches: channels.mapValues { $0.reach })
        let opener = IssueOpener(plan: plan)
        var opened: Set<Int64> = []
        for request in requests {
            let (issue, isNew) = try opener.open(request, run: run, now: now())
            opened.insert(issue.id)
            events(.opened(issue, isNew: isNew, sendWhenEmpty: request.definition.sendWhenEmpty))
        }
        let groups = try ledger.outstandingGroups(dueBy: now(), in: everythingDue ? nil : opened)
        let earlier = groups.filter { !opened.contains($0.issue) }.reduce(0) { $0 + $1.count }
        if earlier > 0 { events(.finishingEarlier(earlier)) }
        events(.delivering(groups.reduce(0) { $0 + $1.count }))
        let recorder = OutcomeRecorder(ledger: ledger, run: run, policy: retryPolicy, stop: stop, now: now)
        let dispatcher = DeliveryDispatcher(plan: plan, channels: channels, recorder: recorder, stop: stop, run: run, now: now)
        let stops = try dispatcher.deliver(groups) { events(.deliveryDone) }
        let report = try RunReport(run, ledger: ledger)
        let file = report.hasOutcomes ? try writeReport(of: run, named: RunReport.fileName(issueDate: reportDate, at: now())) : nil
        try ledger.finish(run, report: file.map(ConfigurationLoader.displayName), stoppedEarly: false, at: now())
        return Result(report: report, reportFile: file, channelStops: stops)
    }

    private func reportStoppedRuns(_ events: (Event) -> Void) throws(LedgerError) {
        for stopped in try ledger.unfinishedRuns() {
            let date = CivilDate.today(in: configuration.settings.timeZone, now: stopped.startedAt)
            let file = try RunReport(stopped, ledger: ledger).hasOutcomes
                ? try writeReport(of: stopped, named: RunReport.fileName(issueDate: date, at: stopped.startedAt, stoppedEarly: true))
                : nil
            // It cannot still be going (the run lock is held), so what it held is free again.
            try ledger.releaseClaims(of: stopped)
            try ledger.finish(stopped, report: file.map(ConfigurationLoader.displayName), stoppedEarly: true, at: now())
            events(.stoppedRunReported(stopped, report: file))
        }
    }

    private func writeReport(of run: LedgerRun, named name: String) throws(LedgerError) -> URL {
        let folder = configuration.settings.dataFolder.appendingPathComponent("reports")
        do {
            return try RunReport.write(run, ledger: ledger, to: folder, named: name)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .database("cannot write the report in \(ConfigurationLoader.displayName(folder)): \(error.localizedDescription)")
        }
    }
}
