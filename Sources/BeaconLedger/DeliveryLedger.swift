public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// What Beacon has sent: every issue, every recipient's delivery and its state, every run and
/// what it recorded, the addresses that asked for nothing more, and channels' own state.
/// `BeaconSend` works through this protocol only; SQLite (`BeaconSQLiteLedger`) is the embedded
/// store. Every call is safe from any thread, and every write is on disk when it returns.
public protocol DeliveryLedger: AnyObject, Sendable {
    /// Where it is kept, for messages: a file, or a database without its password.
    var location: String { get }

    // MARK: Issues
    func issue(of digest: DigestID, on date: CivilDate) throws(LedgerError) -> Issue?
    func latestIssue(of digest: DigestID) throws(LedgerError) -> Issue?
    /// Newest first; every digest's when `digest` is nil.
    func issues(of digest: DigestID?, limit: Int) throws(LedgerError) -> [Issue]
    func issue(id: Int64) throws(LedgerError) -> Issue?
    /// Writes the issue and every delivery in one transaction, before anything is sent. Older
    /// copies still outstanding for the same readers are superseded by the new ones (which
    /// start where the older began). What is skipped, here or by superseding, is `run`'s outcome.
    func createIssue(_ issue: NewIssue, run: LedgerRun, at now: Date) throws(LedgerError) -> Issue
    /// For every recipient `digest` has reached, the date of the last issue that did.
    func lastReceived(_ digest: DigestID) throws(LedgerError) -> [RecipientKey: CivilDate]

    // MARK: Deliveries
    /// Pending deliveries and deferred ones due by `now`, oldest issue first; of `issues` only, if given.
    func outstanding(dueBy now: Date, in issues: Set<Int64>?) throws(LedgerError) -> [LedgerDelivery]
    func hasOutstanding(dueBy now: Date) throws(LedgerError) -> Bool
    /// How much is still to go by `now`, per issue and channel, oldest issue first; of `issues`
    /// only, if given. Deliveries in the hands of a run whose lease holds are not counted.
    func outstandingGroups(dueBy now: Date, in issues: Set<Int64>?) throws(LedgerError) -> [OutstandingGroup]
    /// Takes for `run` up to `limit` of `group`'s deliveries still to go by `now`, in hand-over
    /// order: no other run is given them until `until`, unless their outcome is recorded or
    /// they are released first.
    func claim(_ limit: Int, of group: OutstandingGroup, dueBy now: Date, for run: LedgerRun, until: Date) throws(LedgerError) -> [LedgerDelivery]
    /// Keeps everything `run` holds in its hands until `until`.
    func renewClaims(of run: LedgerRun, until: Date) throws(LedgerError)
    /// Gives back whatever `run` holds without an outcome (it stopped before handing it over).
    func releaseClaims(of run: LedgerRun) throws(LedgerError)
    /// When the earliest deferred delivery may be tried again.
    func nextRetry() throws(LedgerError) -> Date?
    /// How many deliveries of an issue are in each state, per channel.
    func counts(of issue: Issue) throws(LedgerError) -> [ChannelName: [DeliveryState: Int]]
    func deliveries(of issue: Issue, in states: [DeliveryState], limit: Int) throws(LedgerError) -> [LedgerDelivery]
    func skipReasons(of issue: Issue) throws(LedgerError) -> [SkipReason]
    /// One recipient's deliveries of an issue, one per channel: where their copy's window
    /// started, for a web copy of it.
    func deliveries(of issue: Issue, to recipient: RecipientKey) throws(LedgerError) -> [LedgerDelivery]
    /// Records `marks` for `run` in one transaction: each delivery's new state and an outcome
    /// in the run's log.
    func record(_ marks: [DeliveryMark], for run: LedgerRun, at now: Date) throws(LedgerError)

    // MARK: Runs
    func startRun(command: String, at now: Date) throws(LedgerError) -> LedgerRun
    /// Marks `run` finished; a run that recorded nothing is forgotten.
    func finish(_ run: LedgerRun, report: String?, stoppedEarly: Bool, at now: Date) throws(LedgerError)
    /// Runs that never finished. Call while no other run can be going.
    func unfinishedRuns() throws(LedgerError) -> [LedgerRun]
    func outcomeCounts(of run: LedgerRun) throws(LedgerError) -> [OutcomeCount]
    /// Every outcome `run` recorded, in order, a few at a time; of `states` only, if given.
    func forEachOutcome(of run: LedgerRun, in states: [DeliveryState]?, limit: Int?, _ body: (RecordedOutcome) -> Void) throws(LedgerError)

    // MARK: Suppressions
    /// Records that `address` (and `reader`, when known) wants nothing more of `digest`, or of
    /// anything. Recording it again keeps the first date; a lifted one is in force again.
    func suppress(_ address: String, reader: RecipientKey?, digest: DigestID?, how: String, at now: Date) throws(LedgerError)
    /// Lifts the suppressions of `address` in force (of `digest` only, or all); how many.
    func unsuppress(_ address: String, digest: DigestID?, at now: Date) throws(LedgerError) -> Int
    /// Every suppression ever recorded, lifted ones included, oldest first.
    func suppressions() throws(LedgerError) -> [Suppression]
    /// Who must get nothing more of `digest`.
    func suppressed(for digest: DigestID) throws(LedgerError) -> Suppressed

    // MARK: Readers' own choices and sign-ups
    /// Every reader's choices, made on the web.
    func readerChoices() throws(LedgerError) -> [RecipientKey: ReaderChoices]
    /// Replaces `reader`'s choices; empty choices remove them.
    func saveChoices(_ choices: ReaderChoices, for reader: RecipientKey, at now: Date) throws(LedgerError)
    /// Keeps an unconfirmed sign-up.
    func recordSignUp(_ signUp: SignUp) throws(LedgerError)
    func signUp(id: String) throws(LedgerError) -> SignUp?
    /// Confirms a sign-up that has not expired, recording consent; the confirmed sign-up, or nil.
    func confirmSignUp(id: String, wording: String, source: String, at now: Date) throws(LedgerError) -> SignUp?
    /// Sign-ups confirmed, oldest first.
    func confirmedSignUps() throws(LedgerError) -> [SignUp]
    /// How many sign-ups `email` asked for since `date`, confirmed or not: for a rate limit.
    func signUpCount(email: String, since date: Date) throws(LedgerError) -> Int
    /// Forgets unconfirmed sign-ups that have expired; how many.
    func removeExpiredSignUps(at now: Date) throws(LedgerError) -> Int

    // MARK: Channels and health
    /// Where `channel` keeps what it needs next run, beside the record of what was sent.
    func state(of channel: ChannelName) -> any ChannelState
    /// A cheap question that fails when the store cannot be reached: for health checks.
    func ping() throws(LedgerError)
    /// Everything the store's own full check finds; empty when the ledger is sound.
    func integrityProblems() throws(LedgerError) -> [String]
}

extension DeliveryLedger {
    /// The window a new issue of `digest` dated `date` covers: from the previous issue's date,
    /// or for a first issue from the frequency. Refuses a date before the latest issue.
    public func window(for digest: DigestDefinition, endingOn date: CivilDate) throws(LedgerError) -> DateWindow {
        guard let latest = try latestIssue(of: digest.id) else {
            return DateWindow(start: digest.frequency.windowStart(endingOn: date), end: date)
        }
        guard latest.date < date else {
            throw .issueBeforeLatest(digest: digest.id.rawValue, date: date.description, latest: latest.date.description)
        }
        return DateWindow(start: latest.date, end: date)
    }

    public func outstanding(dueBy now: Date) throws(LedgerError) -> [LedgerDelivery] {
        try outstanding(dueBy: now, in: nil)
    }
}
