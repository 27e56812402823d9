public import Foundation

/// Debian's Dovecot (`dovecot-imapd`) on free loopback ports, with a configuration of its own
/// in a temporary folder: one passwd-file user whose mail is a Maildir there, IMAP with
/// STARTTLS and IMAPS on a self-signed certificate. Started in the foreground as a child and
/// stopped with `stop()` (or when let go). In CI a missing peer is an error, never a skip.
public final class DovecotTestServer: @unchecked Sendable {
    public let username = "bounces"
    public let password = "correct horse battery"
    public let imapPort: Int
    public let imapsPort: Int
    public let certificate: SelfSignedCertificate
    private let folder: URL
    private let configuration: URL
    private let process: Process

    public init() throws {
        folder = try TemporaryFolder.make("dovecot")
        certificate = try SelfSignedCertificate(in: folder)
        imapPort = try FreePort.next()
        imapsPort = try FreePort.next()
        let mail = folder.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        // Dovecot will not keep mail as root: the user's mail belongs to nobody.
        let nobody = getpwnam("nobody")!.pointee
        chown(mail.path, nobody.pw_uid, nobody.pw_gid)
        let passwd = folder.appendingPathComponent("passwd")
        try "\(username):{PLAIN}\(password):\(nobody.pw_uid):\(nobody.pw_gid)::\(mail.path)::\n".write(to: passwd, atomically: true, encoding: .utf8)
        configuration = folder.appendingPathComponent("dovecot.conf")
        try """
            base_dir = \(folder.path)/run
            state_dir = \(folder.path)/state
            log_path = \(folder.path)/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <\(certificate.certificate.path)
            ssl_key = <\(certificate.key.path)
            # Dovecot counts loopback as secure, so a password may go without TLS there.
            disable_plaintext_auth = yes
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            namespace inbox {
              inbox = yes
              separator = /
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN \(passwd.path)
            }
            userdb {
              driver = passwd-file
              args = \(passwd.path)
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = \(imapPort)
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = \(imapsPort)
                ssl = yes
              }
            }
            default_internal_user = nobody
            default_login_user = nobody
            default_internal_group = nogroup

            """.write(to: configuration, atomically: true, encoding: .utf8)
        process = UnblockedProcess.make("/usr/sbin/dovecot", ["-F", "-c", configuration.path])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            try FreePort.waitUntilListening(imapPort, timeout: 20, what: "Dovecot")
            try FreePort.waitUntilListening(imapsPort, timeout: 20, what: "Dovecot")
        } catch {
            stop()
            throw PeerFailed(description: "Dovecot did not start (is dovecot-imapd installed?): \(error); its log: \(log.suffix(2000))")
        }
    }

    deinit {
        stop()
    }

    /// Stops Dovecot and waits for it to go.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    public var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("dovecot.log"), encoding: .utf8)) ?? ""
    }

    /// Puts a message in `folder` as the mail server would (`doveadm save`), creating the folder.
    public func deliver(_ message: Data, to folder: String = "INBOX") throws {
        try doveadm(["mailbox", "create", "-u", username, folder], allowFailure: true)
        try doveadm(["save", "-u", username, "-m", folder], input: message)
    }

    /// Each message in `folder`: its UID and flags, in UID order.
    public func messages(in folder: String = "INBOX") throws -> [(uid: Int, flags: String)] {
        let output = try doveadm(["-f", "tab", "fetch", "-u", username, "uid flags", "mailbox", folder, "all"])
        return output.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let uid = fields.first.flatMap({ Int($0) }) else { return nil }
            return (uid, fields.count > 1 ? String(fields[1]) : "")
        }
    }

    @discardableResult
    private func doveadm(_ arguments: [String], input: Data? = nil, allowFailure: Bool = false) throws -> String {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/doveadm")
        tool.arguments = ["-c", configuration.path] + arguments
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        tool.standardOutput = output
        tool.standardError = errors
        tool.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        try tool.run()
        if let input {
            standardInput.fileHandleForWriting.write(input)
            try standardInput.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 || allowFailure else {
            throw PeerFailed(description: "doveadm \(arguments.joined(separator: " ")) exited \(tool.terminationStatus): \(problems)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
