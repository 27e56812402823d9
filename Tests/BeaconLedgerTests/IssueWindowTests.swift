@testable import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSQLiteLedger
import BeaconSend
import Foundation
import Testing

@Suite("Issues from the ledger: windows that chain, and nothing sent twice")
struct IssueWindowTests {
    @Test("a run of issues dated on update days: every update falls in exactly one issue, the one after its day")
    func updatesOnBoundaries() throws {
        let fixture = try LedgerFixture()
        let base = fixture.digest("directors-fortnightly")
        // Room for everything, so what an issue shows depends only on its window.
        let definition = DigestDefinition(
            id: base.id, title: base.title, audiences: base.audiences, frequency: base.frequency, schedule: base.schedule,
            channels: [], budget: Budget(items: 1000, words: 1_000_000), sections: [.highlights], funds: [],
            sendWhenEmpty: false, split: .none)
        let updates = fixture.configuration.register.updates
        let boundaries = ["2026-09-08", "2026-09-29", "2026-10-19", "2026-11-05", "2026-11-19", "2026-12-01"].map(LedgerFixture.date)
        var issues: [BeaconLedger.Issue] = []
        for date in boundaries {
            issues.append(try fixture.opener([:]).open(IssueRequest(definition: definition, date: date, scheduledAt: nil), run: fixture.run, now: Date()).issue)
        }
        for (earlier, later) in zip(issues, issues.dropFirst()) {
            #expect(later.window.start == earlier.window.end)
        }
        let covered = DateWindow(start: issues[0].window.start, end: issues.last!.window.end)
        for update in updates where covered.contains(update.reportedOn) {
            #expect(issues.filter { $0.window.contains(update.reportedOn) }.count == 1, "\(update.id) on \(update.reportedOn)")
        }

        let reader = Reader(edition: Edition(audience: fixture.configuration.audience(AudienceID("directors"))!, sector: nil, language: .english))
        let assembler = DigestAssembler(configuration: fixture.configuration)
        let shownIn = issues.map { issue in
            Set(assembler.assemble(definition, for: reader, covering: issue.window).sections.flatMap(\.items).compactMap { item -> UpdateID? in
                if case .news(_, let news) = item.content { news.latestUpdate?.id } else { nil }
            })
        }
        for (index, date) in boundaries.dropLast().enumerated() {
            for update in updates where update.reportedOn == date {
                #expect(!shownIn[index].contains(update.id), "\(update.id) is dated the day of issue \(index)")
                #expect(shownIn[index + 1].contains(update.id), "\(update.id) belongs to the next issue")
            }
        }
    }

    @Test("opening an issue again finds the one already written instead of a second")
    func reopening() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        let first = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date())
        let again = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date())
        #expect(first.isNew && !again.isNew)
        #expect(first.issue == again.issue)
        let readers = DeliveryPlanner(configuration: fixture.configuration, renderer: fixture.renderer).recipients(of: definition, over: ChannelName("email")).count
        #expect(readers > 0)
        #expect(try fixture.ledger.outstanding(dueBy: Date()).count == readers)
    }

    @Test("an issue dated before the latest is refused, naming both dates")
    func noGoingBack() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        _ = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date())
        #expect {
            try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-11-01"), scheduledAt: nil), run: fixture.run, now: Date())
        } throws: { error in
            "\(error)".contains("already has an issue dated 2026-12-01; an issue dated 2026-11-01 would repeat news already sent")
        }
    }

    @Test("an issue with nothing new is recorded without deliveries")
    func emptyIssue() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        _ = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2027-06-01"), scheduledAt: nil), run: fixture.run, now: Date())
        let quiet = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2027-06-02"), scheduledAt: nil), run: fixture.run, now: Date())
        #expect(!quiet.issue.hasNews)
        #expect(try fixture.ledger.counts(of: quiet.issue).isEmpty)
    }

    @Test("a reader who unsubscribed is recorded as skipped and not handed to any channel")
    func suppressedReader() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        let reader = try #require(DeliveryPlanner(configuration: fixture.configuration, renderer: fixture.renderer).recipients(of: definition, over: ChannelName("email")).first)
        try fixture.ledger.suppress(reader.email.uppercased(), reader: nil, digest: definition.id, how: "token", at: Date())
        let issue = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        let skipped = try fixture.ledger.deliveries(of: issue, in: [.skipped], limit: 10)
        #expect(skipped.map(\.recipient) == [RecipientKey(reader.id.rawValue)])
        #expect(skipped.first?.lastReply == "unsubscribed")
        #expect(!(try fixture.ledger.outstanding(dueBy: Date())).contains { $0.recipient == RecipientKey(reader.id.rawValue) })
    }
}

@Suite("A reader who missed an issue")
struct MissedIssueTests {
    @Test("a reader whose copy failed gets everything since the last issue that reached them; the others get the new window")
    func catchesUp() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        let recorder = OutcomeRecorder(ledger: fixture.ledger, run: fixture.run, policy: .standard, stop: StopSignal(), now: { Date() })
        let october = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-10-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        try fixture.ledger.outstanding(dueBy: Date()).filter { $0.issueID == october.id }.forEach { recorder.record($0, .delivered("250 2.0.0 queued")) }
        let november = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-11-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        let copies = try fixture.ledger.outstanding(dueBy: Date()).filter { $0.issueID == november.id }
        let missed = try #require(copies.first)
        recorder.record(missed, .failed("552 5.2.2 mailbox full"))
        copies.dropFirst().forEach { recorder.record($0, .delivered("250 2.0.0 queued")) }
        try recorder.flush()

        let december = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        let next = try fixture.ledger.outstanding(dueBy: Date()).filter { $0.issueID == december.id }
        let windows = Dictionary(uniqueKeysWithValues: next.map { ($0.recipient, $0.windowStart) })
        #expect(december.window.start == november.date)
        #expect(windows[missed.recipient] == october.date)
        #expect(copies.count > 1)
        for copy in copies.dropFirst() {
            #expect(windows[copy.recipient] == november.date)
        }
    }
}

@Suite("Copies still waiting when the next issue comes")
struct SupersededTests {
    @Test("a copy still pending when the next issue opens is superseded: the reader gets one copy covering both")
    func superseded() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("portfolio-holders-monthly")
        let november = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-11-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        let december = try fixture.opener().open(IssueRequest(definition: definition, date: LedgerFixture.date("2026-12-01"), scheduledAt: nil), run: fixture.run, now: Date()).issue
        let outstanding = try fixture.ledger.outstanding(dueBy: Date())
        #expect(!outstanding.isEmpty)
        #expect(outstanding.allSatisfy { $0.issueID == december.id }, "\(outstanding.map { ($0.recipient, $0.windowStart.description) })")
        #expect(outstanding.allSatisfy { $0.windowStart <= definition.frequency.windowStart(endingOn: november.date) }, "\(outstanding.map { ($0.recipient, $0.windowStart.description) })")
        let reasons = try fixture.ledger.skipReasons(of: november)
        #expect(reasons.map(\.reason) == ["superseded by the issue of 2026-12-01, which covers its news"])
        #expect(reasons.first?.count == outstanding.count)
    }

    @Test("a weekly-checked meeting bulletin goes to a network only in the week before it meets")
    func meetingWeeks() throws {
        let fixture = try LedgerFixture()
        let definition = fixture.digest("network-meeting-bulletin")
        let opener = fixture.opener([ChannelName("bulletin"): .eachNetwork])
        // Mondays at 09:00; the finance directors meet on Tuesday 8 December, service transformation on the 15th.
        for (monday, expected) in [("2026-11-30", [String]()), ("2026-12-07", ["directors-of-finance-network.both"]),
                                   ("2026-12-14", ["service-transformation-network.both"])] {
            let time = try #require(definition.schedule.latest(atOrBefore: fixture.at("\(monday)T12:00:00Z")))
            let issue = try opener.open(IssueRequest(definition: definition, date: LedgerFixture.date(monday), scheduledAt: time), run: fixture.run, now: Date()).issue
            let due = try fixture.ledger.outstanding(dueBy: Date()).filter { $0.issueID == issue.id }.map(\.recipient.rawValue)
            #expect(due == expected, "issue of \(monday)")
        }
    }
}
