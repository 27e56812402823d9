import CCurl

/// A libcurl option with the type of value it takes, so a handle is set up without the C API
/// and a value of the wrong kind does not compile. Named as libcurl names them
/// (`CURLOPT_CONNECTTIMEOUT_MS` is `.connectTimeoutMS`), so its manual applies; a transport
/// that needs another option adds it here.
package struct CurlOption<Value> {
    let code: CURLoption

    init(_ code: CURLoption) {
        self.code = code
    }
}

extension CurlOption where Value == String {
    package static var url: Self { Self(CURLOPT_URL) }
    /// Schemes a transfer may use, such as `"https"`: a URL with any other is refused.
    package static var protocols: Self { Self(CURLOPT_PROTOCOLS_STR) }
    package static var username: Self { Self(CURLOPT_USERNAME) }
    package static var password: Self { Self(CURLOPT_PASSWORD) }
    package static var caFile: Self { Self(CURLOPT_CAINFO) }
    package static var mailFrom: Self { Self(CURLOPT_MAIL_FROM) }
    /// A command of the caller's own instead of the URL's transfer: IMAP's `UID SEARCH UNSEEN`.
    package static var customRequest: Self { Self(CURLOPT_CUSTOMREQUEST) }
}

extension CurlOption where Value == Int {
    package static var connectTimeoutMS: Self { Self(CURLOPT_CONNECTTIMEOUT_MS) }
    package static var timeoutMS: Self { Self(CURLOPT_TIMEOUT_MS) }
}

extension CurlOption where Value == Bool {
    /// Sending a body: SMTP's `DATA`, or an upload.
    package static var upload: Self { Self(CURLOPT_UPLOAD) }
    package static var post: Self { Self(CURLOPT_POST) }
}

extension CurlOption where Value == Int64 {
    /// The body's length in a POST, as `Content-Length`.
    package static var postFieldSize: Self { Self(CURLOPT_POSTFIELDSIZE_LARGE) }
}

extension CurlOption where Value == CurlList {
    package static var mailRecipients: Self { Self(CURLOPT_MAIL_RCPT) }
    package static var httpHeaders: Self { Self(CURLOPT_HTTPHEADER) }
}

extension CurlOption where Value == CurlTLS {
    package static var useSSL: Self { Self(CURLOPT_USE_SSL) }
}
