import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSQLiteLedger
import BeaconSend
import BeaconTestSupport
import Foundation
import Testing

@Suite("Recording outcomes, retries and the run lock")
struct RecordingTests {
    private func openIssue(_ fixture: LedgerFixture) throws -> [LedgerDelivery] {
        let definition = fixture.digest("directors-fortnightly")
        _ = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date())
        return try fixture.ledger.outstanding(dueBy: Date())
    }

    @Test("a deferral waits twice as long each time, then fails with the reason after the last attempt")
    func backoff() throws {
        let fixture = try LedgerFixture()
        let start = fixture.at("2026-12-01T09:00:00Z")
        let recorder = OutcomeRecorder(ledger: fixture.ledger, run: fixture.run, policy: RetryPolicy(attempts: 3, firstDelay: 600), stop: StopSignal(), now: { start })
        let delivery = try #require(try openIssue(fixture).first)
        let outstanding = { (seconds: TimeInterval) in
            try fixture.ledger.outstanding(dueBy: start.addingTimeInterval(seconds)).filter { $0.id == delivery.id }
        }

        recorder.record(delivery, .deferred("451 4.3.0 try again later"))
        try recorder.flush()
        #expect(try outstanding(599).isEmpty)
        let second = try #require(try outstanding(600).first)
        #expect(second.state == .deferred && second.attempts == 1)

        recorder.record(second, .deferred("451 4.3.0 try again later"))
        try recorder.flush()
        #expect(try outstanding(1199).isEmpty)
        let third = try #require(try outstanding(1200).first)

        recorder.record(third, .deferred("451 4.3.0 still busy"))
        try recorder.flush()
        #expect(try outstanding(86400).isEmpty)
        let issue = try #require(try fixture.ledger.issue(id: delivery.issueID))
        let failed = try fixture.ledger.deliveries(of: issue, in: [.failed], limit: 10)
        #expect(failed.map(\.lastReply) == ["gave up after 3 attempts; last reply: 451 4.3.0 still busy"])
    }

    @Test("outcomes reported from many threads at once are all recorded")
    func concurrentOutcomes() throws {
        let fixture = try LedgerFixture()
        let deliveries = try openIssue(fixture)
        let recorder = OutcomeRecorder(ledger: fixture.ledger, run: fixture.run, policy: .standard, stop: StopSignal(), now: { Date() })
        DispatchQueue.concurrentPerform(iterations: deliveries.count) { index in
            recorder.record(deliveries[index], .delivered("250 2.0.0 queued as \(index)"))
        }
        try recorder.flush()
        #expect(try fixture.ledger.outstanding(dueBy: Date()).isEmpty)
        let issue = try #require(try fixture.ledger.issue(id: deliveries[0].issueID))
        let sent = try fixture.ledger.counts(of: issue).values.reduce(0) { $0 + ($1[.sent] ?? 0) }
        #expect(sent == deliveries.count)
    }

    @Test("a second run cannot take the lock while the first holds it, and is told who holds it")
    func runLock() throws {
        let folder = try TemporaryFolder.make("lock")
        var first: RunLock? = try RunLock.acquire(in: folder)
        #expect {
            try RunLock.acquire(in: folder)
        } throws: { error in
            "\(error)".contains("another beacon is already sending (process \(ProcessInfo.processInfo.processIdentifier), since")
        }
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { try RunLock.acquire(in: folder) }
    }

    @Test("a first issue is sent only near its time; a missed time is caught up by one issue covering the gap")
    func dueIssues() throws {
        let fixture = try LedgerFixture()
        let monthly = fixture.digest("portfolio-holders-monthly")
        // Installed on the 27th: the issue of the 1st is not sent late.
        #expect(try DueIssues.at(fixture.at("2026-11-27T12:00:00Z"), of: [monthly], in: fixture.ledger).isEmpty)
        let due = try DueIssues.at(fixture.at("2026-12-01T09:05:00Z"), of: [monthly], in: fixture.ledger)
        #expect(due.map(\.date) == [LedgerFixture.date("2026-12-01")])
        #expect(due.first?.scheduledAt == fixture.at("2026-12-01T09:00:00Z"))
        _ = try fixture.opener().open(IssueRequest(definition: monthly, date: due[0].date, scheduledAt: due[0].scheduledAt), run: fixture.run, now: Date())
        #expect(try DueIssues.at(fixture.at("2026-12-20T09:05:00Z"), of: [monthly], in: fixture.ledger).isEmpty)

        // Off from mid-December to early February: one issue, dated the latest time, covering both months.
        let late = try DueIssues.at(fixture.at("2027-02-03T10:00:00Z"), of: [monthly], in: fixture.ledger)
        #expect(late.map(\.date) == [LedgerFixture.date("2027-02-01")])
        let issue = try fixture.opener().open(IssueRequest(definition: monthly, date: late[0].date, scheduledAt: late[0].scheduledAt), run: fixture.run, now: Date()).issue
        #expect(issue.window == DateWindow(start: LedgerFixture.date("2026-12-01"), end: LedgerFixture.date("2027-02-01")))
    }
}

@Suite("Channel state in the ledger")
struct ChannelStateTests {
    @Test("each channel reads back what it saved, replaced in place, and never another channel's")
    func keptPerChannel() throws {
        let fixture = try LedgerFixture()
        let rss = fixture.ledger.state(of: ChannelName("rss"))
        let json = fixture.ledger.state(of: ChannelName("json-feed"))
        try rss.save(Data("first".utf8), as: "directors-fortnightly/directors.cy.xml")
        try rss.save(Data("second".utf8), as: "directors-fortnightly/directors.cy.xml")
        try rss.save(Data("other".utf8), as: "directors-fortnightly/directors.en.xml")
        try json.save(Data("json".utf8), as: "directors-fortnightly/directors.cy.json")
        #expect(try rss.load("directors-fortnightly/directors.cy.xml") == Data("second".utf8))
        #expect(try rss.keys() == ["directors-fortnightly/directors.cy.xml", "directors-fortnightly/directors.en.xml"])
        #expect(try json.keys() == ["directors-fortnightly/directors.cy.json"])
        #expect(try json.load("directors-fortnightly/directors.cy.xml") == nil)
    }
}

@Suite("Claims: several runs share an issue, none takes what another holds")
struct ClaimTests {
    @Test("Two runs claiming one issue get different deliveries in hand-over order; a lapsed or released claim is free again")
    func disjointClaims() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("directors-fortnightly")
        _ = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date())
        let start = Date()
        let group = try #require(try fixture.ledger.outstandingGroups(dueBy: start, in: nil).first)
        let other = try fixture.ledger.startRun(command: "test", at: start)
        let first = try fixture.ledger.claim(2, of: group, dueBy: start, for: fixture.run, until: start.addingTimeInterval(60))
        let second = try fixture.ledger.claim(10, of: group, dueBy: start, for: other, until: start.addingTimeInterval(120))
        #expect(first.count == 2)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(first.count + second.count == group.count)
        #expect(first.map(\.handOverRank) == first.map(\.handOverRank).sorted())
        #expect(try fixture.ledger.outstandingGroups(dueBy: start, in: nil).isEmpty, "everything is in someone's hands")

        #expect(try fixture.ledger.claim(10, of: group, dueBy: start.addingTimeInterval(61), for: other, until: start.addingTimeInterval(121)).map(\.id)
            == first.map(\.id), "a lapsed lease lets another run take what the first held")
        try fixture.ledger.releaseClaims(of: other)
        #expect(try fixture.ledger.outstandingGroups(dueBy: start, in: nil).first?.count == group.count)
    }
}
