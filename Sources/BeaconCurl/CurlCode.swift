import CCurl

/// What libcurl said of a transfer (`CURLcode`), with the codes Beacon's transports tell apart.
package struct CurlCode: Equatable, Sendable, CustomStringConvertible {
    let rawValue: CURLcode

    init(_ rawValue: CURLcode) {
        self.rawValue = rawValue
    }

    package static let ok = CurlCode(CURLE_OK)
    package static let couldntResolveHost = CurlCode(CURLE_COULDNT_RESOLVE_HOST)
    package static let couldntConnect = CurlCode(CURLE_COULDNT_CONNECT)
    package static let loginDenied = CurlCode(CURLE_LOGIN_DENIED)
    package static let useSSLFailed = CurlCode(CURLE_USE_SSL_FAILED)
    package static let peerFailedVerification = CurlCode(CURLE_PEER_FAILED_VERIFICATION)
    package static let sslConnectError = CurlCode(CURLE_SSL_CONNECT_ERROR)
    package static let sslCACertBadFile = CurlCode(CURLE_SSL_CACERT_BADFILE)
    package static let sslCertProblem = CurlCode(CURLE_SSL_CERTPROBLEM)
    package static let operationTimedOut = CurlCode(CURLE_OPERATION_TIMEDOUT)
    /// A command the server answered with an error (IMAP's `NO` or `BAD` to a custom request).
    package static let quoteError = CurlCode(CURLE_QUOTE_ERROR)
    /// Nothing at that URL: an IMAP message that is no longer in its folder.
    package static let remoteFileNotFound = CurlCode(CURLE_REMOTE_FILE_NOT_FOUND)

    /// libcurl's fixed wording for the code, which names no host, path or user.
    package var description: String {
        String(cString: curl_easy_strerror(rawValue))
    }
}
