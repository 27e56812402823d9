extension DigestDefinition {
    /// The news an issue dated `issueDate` covers for `reader`. Until a delivery ledger records
    /// each reader's last issue, the window comes from the frequency: the digest's, or the
    /// reader's own when they take it less often; for meetings, since the network last met.
    public func window(endingOn issueDate: CivilDate, for reader: Reader) -> DateWindow {
        var start = frequency.windowStart(endingOn: issueDate)
        if frequency == .perMeeting, let network = reader.network,
           let lastMeeting = network.meetings.last(where: { $0 < issueDate }) {
            start = lastMeeting
        }
        if let own = reader.frequency {
            start = min(start, own.windowStart(endingOn: issueDate))
        }
        return DateWindow(start: start, end: issueDate)
    }
}
