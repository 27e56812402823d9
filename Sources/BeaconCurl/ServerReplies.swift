import CCurl

/// What the server said during a transfer, line by line (SMTP's numbered replies, an HTTP
/// status line and headers), for messages and reports.
final class ServerReplies {
    var lines: [String] = []
}

/// `CURLOPT_DEBUGFUNCTION`, the only place libcurl shows a protocol's replies. It also shows
/// everything sent (`AUTH` with its password, the message, request headers): only what came
/// in as a reply is kept, so credentials cannot reach a message or a log.
let keepReplies: beacon_curl_debug_callback = { _, type, data, size, context in
    guard type == CURLINFO_HEADER_IN, let data, let context else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let replies = Unmanaged<ServerReplies>.fromOpaque(context).takeUnretainedValue()
    replies.lines += text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }.map(String.init)
    return 0
}
