public import Foundation

/// Debian's Postfix as a second, private instance (`postfix -c DIR start`): its own
/// configuration, queue and data folders in a temporary folder, smtpd on a free loopback port,
/// everything relayed to `relayPort`. Mail for `maildirDomain` (any `+` address) goes to the
/// Maildir `maildir`; mail for `bounces@pipeDomain` goes through pipe(8) to a script that keeps each
/// message and its `${recipient}` in `piped`. Queue lifetimes are 0, so a 4xx reply is tried
/// once and returned at once. Must run as root, like `postfix` itself.
public final class PostfixTestServer: @unchecked Sendable {
    public let port: Int
    public let maildir: URL
    public let piped: URL
    private let configuration: URL
    private let folder: URL

    public init(relayPort: Int, maildirDomain: String, pipeDomain: String) throws {
        folder = try TemporaryFolder.make("postfix")
        port = try FreePort.next()
        configuration = folder.appendingPathComponent("conf")
        let data = folder.appendingPathComponent("data")
        let mail = folder.appendingPathComponent("vmail")
        maildir = mail.appendingPathComponent("bounces")
        piped = folder.appendingPathComponent("piped")
        for made in [configuration, data, mail, piped, folder.appendingPathComponent("queue")] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        let nobody = getpwnam("nobody")!.pointee
        guard let postfixUser = getpwnam("postfix")?.pointee else { throw PeerFailed(description: "there is no postfix user; is postfix installed?") }
        chown(data.path, postfixUser.pw_uid, postfixUser.pw_gid)
        chown(mail.path, nobody.pw_uid, nobody.pw_gid)
        chown(piped.path, nobody.pw_uid, nobody.pw_gid)
        let capture = folder.appendingPathComponent("capture.py")
        try """
            import os, sys, uuid
            name = os.path.join(sys.argv[1], uuid.uuid4().hex)
            with open(name + ".part", "wb") as message:
                message.write(sys.stdin.buffer.read())
            with open(name + ".recipient", "w") as recipient:
                recipient.write(sys.argv[2])
            os.rename(name + ".part", name + ".eml")

            """.write(to: capture, atomically: true, encoding: .utf8)
        try """
            compatibility_level = 3.6
            queue_directory = \(folder.path)/queue
            data_directory = \(data.path)
            maillog_file = \(folder.path)/maillog
            maillog_file_prefixes = \(folder.path)
            myhostname = mx.beacon-tests.example
            mydestination =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            smtpd_relay_restrictions = permit_mynetworks, reject
            relayhost = [127.0.0.1]:\(relayPort)
            smtp_tls_security_level = none
            smtputf8_enable = no
            alias_maps =
            alias_database =
            biff = no
            recipient_delimiter = +
            virtual_mailbox_domains = \(maildirDomain)
            virtual_mailbox_base = \(mail.path)
            virtual_mailbox_maps = static:bounces/
            virtual_uid_maps = static:\(nobody.pw_uid)
            virtual_gid_maps = static:\(nobody.pw_gid)
            relay_domains = \(pipeDomain)
            transport_maps = inline:{ bounces@\(pipeDomain)=beacon-bounces: }
            beacon-bounces_destination_recipient_limit = 1
            maximal_queue_lifetime = 0
            bounce_queue_lifetime = 0

            """.write(to: configuration.appendingPathComponent("main.cf"), atomically: true, encoding: .utf8)
        // Debian's master.cf runs services chrooted, which a temporary queue cannot be.
        let services = [
            "127.0.0.1:\(port) inet n - n - - smtpd", "pickup unix n - n 60 1 pickup", "cleanup unix n - n - 0 cleanup",
            "qmgr unix n - n 300 1 qmgr", "rewrite unix - - n - - trivial-rewrite", "bounce unix - - n - 0 bounce",
            "defer unix - - n - 0 bounce", "trace unix - - n - 0 bounce", "verify unix - - n - 1 verify",
            "proxymap unix - - n - - proxymap", "smtp unix - - n - - smtp", "relay unix - - n - - smtp", "showq unix n - n - - showq",
            "error unix - - n - - error", "retry unix - - n - - error", "discard unix - - n - - discard", "virtual unix - n n - - virtual",
            "anvil unix - - n - 1 anvil", "scache unix - - n - 1 scache", "postlog unix-dgram n - n - 1 postlogd",
            "beacon-bounces unix - n n - - pipe\n  flags=DORX user=nobody argv=/usr/bin/python3 \(capture.path) \(piped.path) ${recipient}",
        ]
        try (services.joined(separator: "\n") + "\n").write(to: configuration.appendingPathComponent("master.cf"), atomically: true, encoding: .utf8)
        try postfix("start")
        do {
            try FreePort.waitUntilListening(port, timeout: 20, what: "Postfix")
        } catch {
            stop()
            throw PeerFailed(description: "\(error); its log: \(log.suffix(2000))")
        }
    }

    deinit {
        stop()
    }

    public var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("maillog"), encoding: .utf8)) ?? ""
    }

    /// Stops the instance and waits until its master process has gone.
    public func stop() {
        let pidFile = folder.appendingPathComponent("queue/pid/master.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        try? postfix("stop")
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// Files in the Maildir's `new/` once at least `count` have arrived; throws after `timeout`.
    public func waitForMaildir(count: Int, timeout: TimeInterval = 30) throws -> [URL] {
        try waitFor(count: count, timeout: timeout) {
            try FileManager.default.contentsOfDirectory(at: self.maildir.appendingPathComponent("new"), includingPropertiesForKeys: nil)
        }
    }

    /// Messages pipe(8) handed to the capture script, each with the recipient argument it gave.
    public func waitForPiped(count: Int, timeout: TimeInterval = 30) throws -> [(message: URL, recipient: String)] {
        try waitFor(count: count, timeout: timeout) {
            try FileManager.default.contentsOfDirectory(at: self.piped, includingPropertiesForKeys: nil).filter { $0.pathExtension == "eml" }
        }.map { file in
            (file, (try? String(contentsOf: file.deletingPathExtension().appendingPathExtension("recipient"), encoding: .utf8)) ?? "")
        }
    }

    private func waitFor(count: Int, timeout: TimeInterval, _ list: () throws -> [URL]) throws -> [URL] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let files = (try? list()) ?? []
            if files.count >= count { return files.sorted { $0.path < $1.path } }
            guard Date() < deadline else {
                throw PeerFailed(description: "\(files.count) of \(count) messages arrived in \(Int(timeout)) s; Postfix's log: \(log.suffix(3000))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func postfix(_ command: String) throws {
        let process = UnblockedProcess.make("/usr/sbin/postfix", ["-c", configuration.path, command])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerFailed(description: "postfix \(command) exited \(process.terminationStatus) (is postfix installed, and is this root?); its log: \(log.suffix(2000))")
        }
    }
}
