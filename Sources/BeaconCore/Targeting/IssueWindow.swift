extension DigestDefinition {
    /// The news an issue dated `issueDate` covers for `reader` when no ledger says where the
    /// last issue ended (previews, first issues): the digest's frequency, or the reader's own.
    public func window(endingOn issueDate: CivilDate, for reader: Reader) -> DateWindow {
        window(for: reader, issue: DateWindow(start: frequency.windowStart(endingOn: issueDate), end: issueDate), lastReceived: nil)
    }

    /// What one reader's copy of an issue covers. Normally the issue's own window, which starts
    /// where the previous issue ended, so nothing falls between issues or appears in two. A
    /// reader whose last copy did not arrive, or who takes the digest less often, gets
    /// everything since the last issue they received. A meeting bulletin covers everything
    /// since the network last met, since it is read at the meeting.
    public func window(for reader: Reader, issue: DateWindow, lastReceived: CivilDate?) -> DateWindow {
        var start = issue.start
        if let lastReceived, lastReceived < start { start = lastReceived }
        if frequency == .perMeeting, let network = reader.network,
           let lastMeeting = network.meetings.last(where: { $0 < issue.end }) {
            start = lastMeeting
        }
        if let own = reader.frequency {
            start = min(start, lastReceived ?? own.windowStart(endingOn: issue.end))
        }
        return DateWindow(start: start, end: issue.end)
    }

    /// Whether `reader` is due a copy of the issue dated `issueDate`. A reader who takes the
    /// digest less often is not while their own period since their last copy has yet to pass.
    /// A network's meeting bulletin goes only when the network meets before `nextIssue` (the
    /// schedule's next date), so each meeting gets one bulletin; without a next date (sent by
    /// hand) or with no meetings listed, it always goes.
    public func isDue(for reader: Reader, on issueDate: CivilDate, lastReceived: CivilDate?, nextIssue: CivilDate? = nil) -> Bool {
        if frequency == .perMeeting, let network = reader.network, !network.meetings.isEmpty, let nextIssue,
           !network.meetings.contains(where: { issueDate <= $0 && $0 < nextIssue }) {
            return false
        }
        guard let own = reader.frequency, let lastReceived else { return true }
        return own.windowStart(endingOn: issueDate) >= lastReceived
    }
}
