public import Foundation

/// A certificate for `localhost` and 127.0.0.1 made with openssl for one test run, for
/// servers that offer TLS (Dovecot's IMAPS and STARTTLS) and clients told to trust it.
public struct SelfSignedCertificate: Sendable {
    public let certificate: URL
    public let key: URL

    public init(in folder: URL) throws {
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
        guard openssl.terminationStatus == 0 else { throw PeerFailed(description: "openssl could not make a certificate; is openssl installed?") }
    }
}
