import Foundation
import BeaconTestSupport
import Testing

/// `send --due` and `run` against a real SMTP server (aiosmtpd on loopback), with many
/// generated readers: what a fund officer relies on when nobody is watching.
@Suite("Scheduled sends through the ledger, against a real SMTP server")
struct ScheduledSendTests {
    /// The example configuration with `count` generated portfolio holders as its only subscribers.
    static func manyReaders(_ count: Int) throws -> URL {
        let folder = try TemporaryFolder.make("many")
        try PythonScript.output(
            of: packageRoot.appendingPathComponent("Tests/BeaconCLITests/Peers/make_readers.py"),
            [packageRoot.appendingPathComponent("Config").path, folder.appendingPathComponent("Config").path, "\(count)"])
        return folder
    }

    /// How many messages each generated reader has received, and the Message-IDs they carried.
    static func received(_ server: SMTPTestServer) throws -> (copies: [String: Int], messageIDs: [String: Set<String>]) {
        var copies: [String: Int] = [:]
        var ids: [String: Set<String>] = [:]
        for message in try server.messages() {
            let text = String(decoding: try Data(contentsOf: message.file), as: UTF8.self)
            let messageID = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }.map(String.init) ?? ""
            for recipient in message.recipients where recipient.hasSuffix("@bench.example") {
                copies[recipient, default: 0] += 1
                ids[recipient, default: []].insert(messageID)
            }
        }
        return (copies, ids)
    }

    static func environment(_ server: SMTPTestServer, _ extra: [String: String] = [:]) -> [String: String] {
        ["BEACON_SMTP_URL": server.url].merging(extra) { _, new in new }
    }

    /// Starts `beacon` without waiting for it.
    static func start(_ arguments: [String], in folder: URL, environment: [String: String]) throws -> Process {
        let process = Process()
        // Through Python only to clear the signal mask the test runner's threads hand down, as
        // cron and systemd do; `beacon` then sees SIGTERM as it would in service.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            BeaconProcess.executable.path,
        ] + arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BEACON_") }
        merged.merge(environment) { _, new in new }
        process.environment = merged
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("kill -9 part-way through 2,000 readers, run again: everyone gets the issue, repeats only for what was in flight, with the same Message-ID")
    func crashRecovery() throws {
        let readers = 2000
        let folder = try Self.manyReaders(readers)
        let server = try SMTPTestServer()
        let arguments = ["send", "--due", "--as-of", "2026-12-01T09:05"]
        let first = try Self.start(arguments, in: folder, environment: Self.environment(server))
        try server.waitFor(messages: 400)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let atKill = try Self.received(server).copies.count
        #expect(atKill < readers, "the kill came before the end")

        let second = try BeaconProcess.run(arguments, in: folder, environment: Self.environment(server))
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("deliveries left by an earlier run or due for retry."), "\(second.output)")
        let (copies, messageIDs) = try Self.received(server)
        #expect(copies.count == readers)
        let repeats = copies.values.reduce(0) { $0 + $1 - 1 }
        // A connection hands over its next message only once the last is on record: at most
        // one message per connection (2) can have gone unrecorded at the kill.
        #expect(repeats <= 2, "\(repeats) readers got a second copy")
        #expect(messageIDs.values.allSatisfy { $0.count == 1 }, "a repeat carries the first copy's Message-ID")

        let history = try BeaconProcess.run(["history", "portfolio-holders-monthly"], in: folder)
        #expect(history.output.contains("email: \(readers) sent"), "\(history.output)")
    }

    @Test("two due runs started together: one sends, the other finds the lock taken (75) or nothing left to it; nobody gets two copies; a third, with nothing due, is silent")
    func oneRunAtATime() throws {
        let readers = 150
        let folder = try Self.manyReaders(readers)
        let server = try SMTPTestServer(["--delay", "0.02"])
        let arguments = ["send", "--due", "--as-of", "2026-12-01T09:05"]
        let runs = [try Self.start(arguments, in: folder, environment: Self.environment(server)),
                    try Self.start(arguments, in: folder, environment: Self.environment(server))]
        runs.forEach { $0.waitUntilExit() }
        // However the two meet: the second finds the lock taken (75), or finds everything already
        // in the first's hands or sent and says nothing (0). Either way nothing goes twice.
        #expect(runs.map(\.terminationStatus).sorted() == [0, 75] || runs.map(\.terminationStatus) == [0, 0])
        let copies = try Self.received(server).copies
        #expect(copies.count == readers)
        #expect(copies.values.allSatisfy { $0 == 1 })
        // Nothing due now: silent, as cron needs (it mails whatever a job prints).
        let idle = try BeaconProcess.run(arguments, in: folder, environment: Self.environment(server))
        #expect(idle.status == 0)
        #expect(idle.output.isEmpty && idle.errors.isEmpty, "\(idle.output)\(idle.errors)")
    }

    @Test("a server that answers 451 to a third of readers: deferred with the reply, retried when due, every message arrives once")
    func greylisting() throws {
        let readers = 60
        let folder = try Self.manyReaders(readers)
        let server = try SMTPTestServer(["--tempfail-third", "1"])
        // One try per run, so the retry is the ledger's and not the connection's.
        let environment = Self.environment(server, ["BEACON_SMTP_ATTEMPTS": "1"])
        let first = try BeaconProcess.run(["send", "--due", "--as-of", "2026-12-01T09:05"], in: folder, environment: environment)
        #expect(first.status == 3)
        let afterFirst = try Self.received(server).copies.count
        #expect(afterFirst > readers / 2 && afterFirst < readers)
        let history = try BeaconProcess.run(["history", "portfolio-holders-monthly"], in: folder)
        #expect(history.output.contains("email: \(afterFirst) sent, \(readers - afterFirst) deferred"), "\(history.output)")
        #expect(history.output.contains("deferred email reader-"))
        #expect(history.output.contains("after 1 attempt; next try Tue 1 Dec 2026 09:20 GMT: 451 4.7.1"))

        let tooSoon = try BeaconProcess.run(["send", "--due", "--as-of", "2026-12-01T09:10"], in: folder, environment: environment)
        #expect(tooSoon.status == 0)
        #expect(try Self.received(server).copies.count == afterFirst)

        let retry = try BeaconProcess.run(["send", "--due", "--as-of", "2026-12-01T09:21"], in: folder, environment: environment)
        #expect(retry.status == 0, "\(retry.output)")
        let copies = try Self.received(server).copies
        #expect(copies.count == readers)
        #expect(copies.values.allSatisfy { $0 == 1 })
    }

    @Test("a reader who unsubscribes with their token gets nothing of the next issue, even at a new address; check counts them")
    func unsubscribe() throws {
        let readers = 12
        let folder = try Self.manyReaders(readers)
        let server = try SMTPTestServer()
        #expect(try BeaconProcess.run(["send", "--due", "--as-of", "2026-11-01T09:05"], in: folder, environment: Self.environment(server)).status == 0)
        let message = try #require(try server.messages().first { $0.recipients == ["reader000004@bench.example"] })
        let text = String(decoding: try Data(contentsOf: message.file), as: UTF8.self)
        let token = try #require(text.firstMatch(of: /subject=unsubscribe%20([A-Za-z0-9_.-]+)/)?.1)

        let recorded = try BeaconProcess.run(["unsubscribe", String(token)], in: folder)
        #expect(recorded.status == 0, "\(recorded.errors)")
        #expect(recorded.output.contains("Recorded: reader000004@bench.example (reader-000004) gets no more issues of portfolio-holders-monthly."))
        #expect(try BeaconProcess.run(["check"], in: folder).output.contains("Unsubscribed in the ledger: 1 of the listed subscribers"))

        // The reader's address changes in the next export: the token named them, so it still holds.
        try BeaconProcess.edit(folder.appendingPathComponent("Config/subscribers.csv"), replacingFirst: "reader000004@bench.example", with: "reader000004.new@bench.example")
        let before = try Self.received(server).copies
        #expect(try BeaconProcess.run(["send", "--due", "--as-of", "2026-12-01T09:05"], in: folder, environment: Self.environment(server)).status == 0)
        let after = try Self.received(server).copies
        #expect(after["reader000004@bench.example"] == before["reader000004@bench.example"])
        #expect(after["reader000004.new@bench.example"] == nil)
        let history = try BeaconProcess.run(["history", "portfolio-holders-monthly", "--limit", "1"], in: folder)
        #expect(history.output.contains("    skipped email ×1: unsubscribed"), "\(history.output)")
        #expect(after["reader000005@bench.example"] == 2)
    }

    @Test("beacon run sends what is due and, on SIGTERM, finishes the message in flight and exits 0; the next run sends the rest once")
    func gracefulStop() throws {
        let readers = 400
        let folder = try Self.manyReaders(readers)
        try BeaconProcess.edit(folder.appendingPathComponent("Config/digests.yml"), replacingFirst: "schedule: \"0 9 1 * *\"", with: "schedule: \"* * * * *\"")
        let server = try SMTPTestServer(["--delay", "0.01"])
        let run = try Self.start(["run"], in: folder, environment: Self.environment(server))
        try server.waitFor(messages: 50)
        kill(run.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while run.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!run.isRunning, "stopped within 20 s")
        if run.isRunning { kill(run.processIdentifier, SIGKILL) }
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let stoppedAt = try Self.received(server).copies.count
        #expect(stoppedAt < readers)

        let rest = try BeaconProcess.run(["send", "--due"], in: folder, environment: Self.environment(server))
        #expect(rest.status == 0, "\(rest.errors)")
        let copies = try Self.received(server).copies
        #expect(copies.count == readers)
        #expect(copies.values.allSatisfy { $0 == 1 }, "a graceful stop records the message in flight, so nothing is repeated")
    }
}
