import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconEmail
import Foundation
import BeaconTestSupport
import Testing

/// STARTTLS and AUTH against a server with a certificate the test makes itself.
@Suite("SMTP with STARTTLS and a password", .serialized)
struct TLSTests {
    let certificate: URL
    let key: URL

    init() throws {
        let folder = try TemporaryFolder.make("tls")
        certificate = folder.appendingPathComponent("cert.pem")
        key = folder.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.path, "-out", certificate.path,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
    }

    func server() throws -> SMTPTestServer {
        try SMTPTestServer(["--tls", certificate.path, key.path, "--auth", "beacon:correct horse battery"])
    }

    func environment(_ server: SMTPTestServer, password: String = "correct horse battery", caFile: Bool = true) -> [String: String] {
        var environment = [
            "BEACON_SMTP_URL": "smtp://localhost:\(server.port)", "BEACON_SMTP_REQUIRE_TLS": "true",
            "BEACON_SMTP_USERNAME": "beacon", "BEACON_SMTP_PASSWORD": password, "BEACON_SMTP_CONNECT_TIMEOUT": "5",
        ]
        if caFile { environment["BEACON_SMTP_CA_FILE"] = certificate.path }
        return environment
    }

    @Test("With the CA file set, every message goes over STARTTLS with the password")
    func delivered() throws {
        let server = try server()
        let outcomes = try Example(environment: environment(server)).send()
        #expect(outcomes.count == 10)
        #expect(outcomes.values.allSatisfy { if case .delivered = $0 { true } else { false } })
        #expect(try server.messages().count == 10)
    }

    @Test("Without the CA file the certificate is not trusted, and nothing is sent")
    func untrusted() throws {
        let server = try server()
        #expect {
            _ = try Example(environment: environment(server, caFile: false)).send()
        } throws: { error in
            (error as? ChannelFailure)?.description.contains("TLS with smtp://localhost:\(server.port) failed") == true
        }
        #expect(try server.messages().isEmpty)
    }

    @Test("A wrong password stops the run with a message that does not show the password")
    func wrongPassword() throws {
        let server = try server()
        #expect {
            _ = try Example(environment: environment(server, password: "wrong horse")).send()
        } throws: { error in
            let text = (error as? ChannelFailure)?.description ?? ""
            return text.contains("refused the username or password") && !text.contains("wrong horse")
        }
    }

    @Test("Clear text is allowed by default only to a server whose name resolves to this machine")
    func loopbackByAddress() throws {
        let local = try Example(environment: ["BEACON_SMTP_URL": "smtp://localhost:2525"]).settings().smtp
        #expect(local?.requireTLS == false)
        let lookalike = try Example(environment: ["BEACON_SMTP_URL": "smtp://127.evil.example:2525"]).settings().smtp
        #expect(lookalike?.requireTLS == true)
    }

    @Test("Requiring TLS from a server that does not offer STARTTLS sends nothing in clear")
    func noStartTLS() throws {
        let plain = try SMTPTestServer()
        #expect {
            _ = try Example(environment: ["BEACON_SMTP_URL": plain.url, "BEACON_SMTP_REQUIRE_TLS": "true"]).send()
        } throws: { error in
            (error as? ChannelFailure)?.description.contains("does not offer STARTTLS") == true
        }
        #expect(try plain.messages().isEmpty)
    }
}
