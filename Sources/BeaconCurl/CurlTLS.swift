import CCurl

/// Whether a protocol that starts in clear text (SMTP's STARTTLS) must switch to TLS.
package enum CurlTLS {
    /// Use TLS when the server offers it, carry on in clear text otherwise.
    case whenOffered
    /// Refuse to go on in clear text (`.useSSLFailed`).
    case required

    var value: Int {
        Int(self == .required ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue)
    }
}
