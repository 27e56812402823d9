import Foundation
import BeaconTestSupport
import Testing

/// `beacon send` to a real server (aiosmtpd with STARTTLS and AUTH) that refuses the password.
@Suite("A server that refuses the SMTP credentials")
struct RefusedCredentialsTests {
    @Test("The run stops with one error naming the server, records nothing as sent, and the password is in no output")
    func wrongPassword() throws {
        let folder = try BeaconProcess.copyOfExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem"), key = folder.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.path, "-out", certificate.path,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        let server = try SMTPTestServer(["--tls", certificate.path, key.path, "--auth", "beacon:correct horse battery"])
        let password = "wrong-horse-7b1e"
        let result = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder, environment: [
            "BEACON_SMTP_URL": "smtp://localhost:\(server.port)", "BEACON_SMTP_USERNAME": "beacon",
            "BEACON_SMTP_PASSWORD": password, "BEACON_SMTP_CA_FILE": certificate.path,
        ])
        #expect(result.status == 1)
        let refusal = "the SMTP server at smtp://localhost:\(server.port) refused the username or password"
        #expect((result.output + result.errors).components(separatedBy: refusal).count == 2, "\(result.output)\(result.errors)")
        #expect(try server.messages().isEmpty)

        let history = try BeaconProcess.run(["history"], in: folder)
        let email = history.output.split(separator: "\n").filter { $0.contains("email:") }
        #expect(!email.isEmpty && email.allSatisfy { $0.hasSuffix(" pending") }, "\(history.output)")
        var written = result.output + result.errors + history.output + history.errors
        let data = folder.appendingPathComponent("Digests")
        for case let file as URL in FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil) ?? .init() {
            written += String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
        }
        #expect(!written.contains(password))
    }
}
