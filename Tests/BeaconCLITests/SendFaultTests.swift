import Foundation
import BeaconTestSupport
import Testing

/// What a bad day does to a send: the disk fills, the server stalls, the run is killed. Each
/// ends with every reader served once more at most per connection, and reports that say what
/// the ledger says.
@Suite("Faults during a send: a full disk, a stalled server, a kill; reports agree with the ledger", .serialized)
struct SendFaultTests {
    /// A tmpfs of `megabytes` mounted on a new folder, unmounted when the test lets go of it:
    /// a small disk the ledger can fill. Needs root, as the project's machines and CI have.
    final class SmallDisk {
        let folder: URL

        init(megabytes: Int) throws {
            folder = try TemporaryFolder.make("disk")
            try Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
        }

        func grow(to megabytes: Int) throws {
            try Self.mount(["-o", "remount,size=\(megabytes)m", folder.path])
        }

        deinit {
            try? Self.run("/bin/umount", [folder.path])
            try? FileManager.default.removeItem(at: folder)
        }

        private static func mount(_ arguments: [String]) throws { try run("/bin/mount", arguments) }

        private static func run(_ command: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PeerFailed(description: "\(command) \(arguments.joined(separator: " ")) failed; the full-disk test needs root")
            }
        }
    }

    @Test("The disk holding the ledger fills mid-send: nothing more is handed to the server; once there is room, the next run finishes with at most one repeat per connection")
    func fullDisk() throws {
        let readers = 2000
        let folder = try ScheduledSendTests.manyReaders(readers)
        let disk = try SmallDisk(megabytes: 2)
        let server = try SMTPTestServer()
        let environment = ScheduledSendTests.environment(server, ["BEACON_DATA": disk.folder.path])
        let arguments = ["send", "--due", "--as-of", "2026-12-01T09:05"]

        let full = try BeaconProcess.run(arguments, in: folder, environment: environment)
        #expect(full.status == 1)
        #expect(full.errors.contains("is full, so no outcome can be recorded and nothing more was handed to any server"), "\(full.errors)")
        let atFull = try ScheduledSendTests.received(server).copies.count
        #expect(atFull > 0 && atFull < readers, "the disk filled part-way: \(atFull) of \(readers)")

        try disk.grow(to: 64)
        let rest = try BeaconProcess.run(arguments, in: folder, environment: environment)
        #expect(rest.status == 0, "\(rest.errors)")
        let copies = try ScheduledSendTests.received(server).copies
        #expect(copies.count == readers)
        let repeats = copies.values.reduce(0) { $0 + $1 - 1 }
        #expect(repeats <= 2, "\(repeats) readers got a second copy; 2 connections were in flight")
    }

    @Test("A server that stalls mid-session stops email for the whole run: no new connections for later issues, and the message names email.smtp.timeout")
    func stalledServer() throws {
        let folder = try BeaconProcess.copyOfExample()
        let stalling = try SMTPTestServer(["--stall-after", "1"])
        let environment = ["BEACON_SMTP_TIMEOUT": "2", "BEACON_SMTP_CONNECTIONS": "2"]
        let first = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder, environment: environment.merging(["BEACON_SMTP_URL": stalling.url]) { $1 })
        #expect(first.status == 1)
        #expect(first.errors.contains("Stopped: email: the SMTP server at \(stalling.url) stopped answering: a message took longer than 2 seconds (email.smtp.timeout)"), "\(first.errors)")
        #expect(stalling.connections == 2, "the later issues opened \(stalling.connections - 2) more connections into the stalled server")
        #expect(first.output.contains("rss: 6 sent"), "other channels carry on")
        let kept = try stalling.messages().count

        let healthy = try SMTPTestServer()
        let second = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder, environment: environment.merging(["BEACON_SMTP_URL": healthy.url]) { $1 })
        #expect(second.status == 0, "\(second.errors)")
        let total = try stalling.messages().count + healthy.messages().count
        #expect(total - 10 <= 2 && total - 10 == kept - 1, "only the two messages in flight at the stall arrive twice")
    }

    @Test("A delivery given up after its last attempt is 'failed' in the summary, the report and history alike")
    func givenUpAgrees() throws {
        let folder = try BeaconProcess.copyOfExample()
        let server = try SMTPTestServer(["--tempfail", "rhys.placeholder@bcuhb.example:99"])
        let environment = ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_ATTEMPTS": "1", "BEACON_RETRIES_ATTEMPTS": "1"]
        let result = try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-12-01"], in: folder, environment: environment)
        #expect(result.status == 3)
        #expect(result.output.contains("email: 2 sent, 0 deferred, 1 failed"), "\(result.output)")
        #expect(result.output.contains("failed directors-fortnightly for rhys-placeholder <rhys.placeholder@bcuhb.example>: gave up after 1 attempts"))
        let report = try Self.reportRows(folder).filter { $0.contains(",rhys-placeholder,") }
        #expect(report.count == 1 && report[0].contains(",email,failed,\"gave up after 1 attempts"), "\(report)")
        let history = try BeaconProcess.run(["history", "directors-fortnightly"], in: folder)
        #expect(history.output.contains("email: 2 sent, 1 failed"), "\(history.output)")
    }

    @Test("A run killed part-way has its deliveries in a report the next run writes; every reader is 'sent' in exactly one report")
    func killedRunReported() throws {
        let readers = 600
        let folder = try ScheduledSendTests.manyReaders(readers)
        let server = try SMTPTestServer(["--delay", "0.005"])
        let arguments = ["send", "--due", "--as-of", "2026-12-01T09:05"]
        let first = try ScheduledSendTests.start(arguments, in: folder, environment: ScheduledSendTests.environment(server))
        try server.waitFor(messages: 150)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        let second = try BeaconProcess.run(arguments, in: folder, environment: ScheduledSendTests.environment(server))
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("stopped before it finished; what it recorded is in Digests/reports/"), "\(second.output)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Digests/reports").path)
        #expect(reports.count == 2 && reports.contains { $0.hasSuffix("-stopped.csv") })
        let sent = try Self.reportRows(folder).filter { $0.contains(",email,sent,") }.map { $0.split(separator: ",")[2] }
        #expect(sent.count == readers)
        #expect(Set(sent).count == readers)
    }

    @Test("Temporary files a killed writer left beside feeds are removed by the next send; one being written by a live process is left alone")
    func leftoverTemporaryFiles() throws {
        let folder = try BeaconProcess.copyOfExample()
        #expect(try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-11-17"], in: folder).status == 0)
        let feeds = folder.appendingPathComponent("Digests/feeds/directors-fortnightly")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let leftovers = [
            ".directors.health.cy.xml.beacon-\(finished.processIdentifier)-\(UUID().uuidString).tmp",
            ".directors.health.en.xml.\(UUID().uuidString).tmp",
        ]
        let live = ".directors.health.both.xml.beacon-\(getpid())-\(UUID().uuidString).tmp"
        for name in leftovers + [live] { try Data("<rss".utf8).write(to: feeds.appendingPathComponent(name)) }

        #expect(try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-12-01"], in: folder).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: feeds.path)
        #expect(leftovers.allSatisfy { !names.contains($0) }, "\(names)")
        #expect(names.contains(live))
    }

    @Test("Files holding names and addresses are readable by their owner only; feeds and bulletins by everyone")
    func personalDataIsPrivate() throws {
        let folder = try BeaconProcess.copyOfExample()
        #expect(try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder).status == 0)
        let digests = folder.appendingPathComponent("Digests")
        let report = try #require(try FileManager.default.contentsOfDirectory(atPath: digests.appendingPathComponent("reports").path).first)
        for path in ["beacon.sqlite", "reports/\(report)", "outbox/directors-fortnightly/2026-12-01/rhys-placeholder.eml", "keys/unsubscribe.key"] {
            #expect(try Self.mode(digests.appendingPathComponent(path)) == 0o600, "\(path)")
        }
        for path in ["outbox", "reports"] { #expect(try Self.mode(digests.appendingPathComponent(path)) & 0o077 == 0, "\(path)") }
        for path in ["feeds/directors-fortnightly/directors.health.cy.xml", "bulletins/directors-of-finance-network/2026-12-01.html"] {
            #expect(try Self.mode(digests.appendingPathComponent(path)) == 0o644, "\(path)")
        }
    }

    static func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? 0) & 0o777
    }

    /// Every row of every report in the data folder.
    static func reportRows(_ folder: URL) throws -> [String] {
        let reports = folder.appendingPathComponent("Digests/reports")
        return try FileManager.default.contentsOfDirectory(atPath: reports.path).flatMap { name in
            try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\r\n").dropFirst()
        }
    }
}
