import BeaconCurl
import Foundation

/// One connection to the SMTP server through a libcurl handle, reused message after message
/// so the session stays open. Not thread-safe: each worker owns one.
final class SMTPConnection {
    /// What the server did with one message, with its reply.
    enum Attempt: Equatable {
        case accepted(String)
        /// 4xx, or the connection dropped: worth trying again.
        case temporary(String)
        /// 5xx: the server will not take this message.
        case permanent(String)
        /// Nothing can be sent: no server, TLS refused, credentials refused.
        case fatal(String)
    }

    private let settings: SMTPSettings
    /// The server's replies are kept to quote them; the handle never keeps what Beacon sends,
    /// so credentials cannot reach a log.
    private let curl = CurlHandle(capturing: CurlHandle.Capture(serverReplies: true))
    /// Whether the server has answered on this connection: a timeout after that is a server
    /// that stopped answering, not one that could not be reached.
    private var answered = false

    init(settings: SMTPSettings) {
        self.settings = settings
        guard let curl else { return }
        curl.set(.url, settings.url)
        curl.set(.upload, true)
        curl.set(.connectTimeoutMS, Int(settings.connectTimeout * 1000))
        curl.set(.timeoutMS, Int(settings.timeout * 1000))
        curl.set(.useSSL, settings.requireTLS ? .required : .whenOffered)
        if let caFile = settings.caFile { curl.set(.caFile, caFile.path) }
        if let username = settings.username { curl.set(.username, username) }
        if let password = settings.password { curl.set(.password, password) }
    }

    func send(_ message: Data, from sender: String, to recipient: String) -> Attempt {
        guard let curl else { return .fatal("libcurl could not start a connection to \(settings.displayURL): out of memory") }
        curl.set(.mailFrom, "<\(sender)>")
        curl.set(.mailRecipients, CurlList(["<\(recipient)>"]))
        let result = curl.perform(sending: message)
        answered = answered || !result.serverReplies.isEmpty
        return classify(result)
    }

    private func classify(_ result: CurlResult) -> Attempt {
        let replyCode = result.responseCode
        // After a refusal libcurl says QUIT, so the reply that matters is the last one with the refusal's code.
        let reply = result.serverReplies.last { $0.hasPrefix("\(replyCode)") } ?? result.serverReplies.last ?? "\(replyCode)"
        let detail = result.errorText
        switch result.code {
        case .ok:
            return .accepted(reply)
        case .couldntResolveHost, .couldntConnect:
            return .fatal("cannot reach the SMTP server at \(settings.displayURL): \(detail)")
        case .loginDenied:
            return .fatal("the SMTP server at \(settings.displayURL) refused the username or password (\(reply))")
        case .useSSLFailed:
            return .fatal("the SMTP server at \(settings.displayURL) does not offer STARTTLS; use smtps://, or set email.smtp.require_tls: false only for a server you trust on this network")
        case .peerFailedVerification, .sslConnectError, .sslCACertBadFile, .sslCertProblem:
            return .fatal("TLS with \(settings.displayURL) failed: \(detail); set email.smtp.ca_file if the server uses your own certificate authority")
        case .operationTimedOut where !answered:
            return .fatal("the SMTP server at \(settings.displayURL) did not answer within \(Int(settings.connectTimeout)) seconds (email.smtp.connect_timeout)")
        case .operationTimedOut:
            // Whether the message in flight was taken is unknown: it stays pending, and nothing
            // more goes to a server that has stopped answering.
            return .fatal("the SMTP server at \(settings.displayURL) stopped answering: a message took longer than \(Int(settings.timeout)) seconds (email.smtp.timeout)")
        default:
            switch replyCode {
            case 400..<500: return .temporary(reply)
            case 500..<600: return .permanent(reply)
            default: return .temporary("connection lost: \(detail)")
            }
        }
    }
}
