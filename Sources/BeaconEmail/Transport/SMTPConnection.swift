import CCurl
import Foundation

/// One connection to the SMTP server through a libcurl easy handle, reused message after
/// message so the session stays open. Not thread-safe: each worker owns one.
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

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let handle: UnsafeMutableRawPointer
    private let settings: SMTPSettings
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private let transcript = Transcript()
    /// Whether the server has answered on this connection: a timeout after that is a server
    /// that stopped answering, not one that could not be reached.
    private var answered = false

    init(settings: SMTPSettings) {
        _ = Self.globalInit
        self.settings = settings
        handle = curl_easy_init()
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        setString(CURLOPT_URL, settings.url)
        setLong(CURLOPT_NOSIGNAL, 1)
        setLong(CURLOPT_UPLOAD, 1)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
        setLong(CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        setLong(CURLOPT_USE_SSL, Int(settings.requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
        setLong(CURLOPT_SSL_VERIFYPEER, 1)
        setLong(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = settings.caFile { setString(CURLOPT_CAINFO, caFile.path) }
        if let username = settings.username { setString(CURLOPT_USERNAME, username) }
        if let password = settings.password { setString(CURLOPT_PASSWORD, password) }
        _ = beacon_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = beacon_curl_set_read_function(handle, readBytes)
        // The debug hook is how libcurl shows the server's replies; only replies are kept,
        // never what Beacon sends, so credentials cannot reach a log.
        _ = beacon_curl_set_debug_function(handle, keepReplies)
        _ = beacon_curl_set_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(transcript).toOpaque())
        setLong(CURLOPT_VERBOSE, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func send(_ message: Data, from sender: String, to recipient: String) -> Attempt {
        let upload = Upload(message)
        let recipients = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        setString(CURLOPT_MAIL_FROM, "<\(sender)>")
        _ = beacon_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
        _ = beacon_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
        transcript.replies.removeAll(keepingCapacity: true)
        errorBuffer[0] = 0
        let result = withExtendedLifetime(upload) { curl_easy_perform(handle) }
        var code = 0
        _ = beacon_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code)
        answered = answered || !transcript.replies.isEmpty
        return classify(result, replyCode: code)
    }

    private func classify(_ result: CURLcode, replyCode: Int) -> Attempt {
        // After a refusal libcurl says QUIT, so the reply that matters is the last one with the refusal's code.
        let reply = transcript.replies.last { $0.hasPrefix("\(replyCode)") } ?? transcript.replies.last ?? "\(replyCode)"
        let detail = String(cString: errorBuffer).isEmpty ? String(cString: curl_easy_strerror(result)) : String(cString: errorBuffer)
        switch result {
        case CURLE_OK:
            return .accepted(reply)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return .fatal("cannot reach the SMTP server at \(settings.displayURL): \(detail)")
        case CURLE_LOGIN_DENIED:
            return .fatal("the SMTP server at \(settings.displayURL) refused the username or password (\(reply))")
        case CURLE_USE_SSL_FAILED:
            return .fatal("the SMTP server at \(settings.displayURL) does not offer STARTTLS; use smtps://, or set email.smtp.require_tls: false only for a server you trust on this network")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return .fatal("TLS with \(settings.displayURL) failed: \(detail); set email.smtp.ca_file if the server uses your own certificate authority")
        case CURLE_OPERATION_TIMEDOUT where !answered:
            return .fatal("the SMTP server at \(settings.displayURL) did not answer within \(Int(settings.connectTimeout)) seconds (email.smtp.connect_timeout)")
        case CURLE_OPERATION_TIMEDOUT:
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

    private func setLong(_ option: CURLoption, _ value: Int) {
        _ = beacon_curl_set_long(handle, option, value)
    }

    private func setString(_ option: CURLoption, _ value: String) {
        _ = beacon_curl_set_string(handle, option, value)
    }
}

/// The message being sent, handed to libcurl a buffer at a time.
private final class Upload {
    let bytes: Data
    var offset = 0

    init(_ bytes: Data) {
        self.bytes = bytes
    }
}

/// The server's reply lines during one message.
private final class Transcript {
    var replies: [String] = []
}

private let readBytes: beacon_curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return beacon_curl_read_abort() }
    let upload = Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    guard length > 0 else { return 0 }
    upload.bytes.withUnsafeBytes { raw in
        buffer.update(from: raw.baseAddress!.advanced(by: upload.offset).assumingMemoryBound(to: CChar.self), count: length)
    }
    upload.offset += length
    return length
}

private let keepReplies: beacon_curl_debug_callback = { _, type, data, size, context in
    guard type == CURLINFO_HEADER_IN, let data, let context else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let transcript = Unmanaged<Transcript>.fromOpaque(context).takeUnretainedValue()
    transcript.replies += text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }.map(String.init)
    return 0
}
