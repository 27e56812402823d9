import CCurl
package import Foundation

/// A libcurl easy handle, set up once and reused transfer after transfer, so a connection
/// (an SMTP session) stays open between them. Certificates are always verified and signals
/// are never used (a timeout on one thread must not wake another); nothing can turn either
/// off. Not thread-safe: one thread uses a handle at a time.
package final class CurlHandle {
    /// What to keep of the server's answers.
    package struct Capture {
        /// Reply lines, for quoting the server (never what the client sends).
        let serverReplies: Bool
        let headers: Bool
        /// Bytes of the body to keep; the rest is read and dropped.
        let bodyLimit: Int

        package init(serverReplies: Bool = false, headers: Bool = false, bodyLimit: Int = 0) {
            self.serverReplies = serverReplies
            self.headers = headers
            self.bodyLimit = bodyLimit
        }
    }

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private let bodyCapture: BodyCapture
    private let headerCapture: HeaderCapture?
    private let replies: ServerReplies?
    /// Lists libcurl reads at every transfer, kept until replaced or the handle goes.
    private var lists: [CURLoption.RawValue: CurlList] = [:]
    /// The first option libcurl refused: transfers are not made with a setting missing.
    private var refusal: CurlCode?

    /// Nil when libcurl cannot start (out of memory).
    package init?(capturing capture: Capture = Capture()) {
        CurlLibrary.start()
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        bodyCapture = BodyCapture(limit: capture.bodyLimit)
        headerCapture = capture.headers ? HeaderCapture() : nil
        replies = capture.serverReplies ? ServerReplies() : nil
        setLong(CURLOPT_NOSIGNAL, 1)
        setLong(CURLOPT_SSL_VERIFYPEER, 1)
        setLong(CURLOPT_SSL_VERIFYHOST, 2)
        setPointer(CURLOPT_ERRORBUFFER, errorBuffer)
        check(beacon_curl_set_read_function(handle, readBytes))
        check(beacon_curl_set_write_function(handle, keepBody))
        setPointer(CURLOPT_WRITEDATA, Unmanaged.passUnretained(bodyCapture).toOpaque())
        if let headerCapture {
            check(beacon_curl_set_header_function(handle, keepHeader))
            setPointer(CURLOPT_HEADERDATA, Unmanaged.passUnretained(headerCapture).toOpaque())
        }
        if let replies {
            check(beacon_curl_set_debug_function(handle, keepReplies))
            setPointer(CURLOPT_DEBUGDATA, Unmanaged.passUnretained(replies).toOpaque())
            setLong(CURLOPT_VERBOSE, 1)
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    package func set(_ option: CurlOption<String>, _ value: String) {
        check(beacon_curl_set_string(handle, option.code, value))
    }

    /// Back to libcurl's default for the option, as if it had never been set (no custom request).
    package func reset(_ option: CurlOption<String>) {
        check(beacon_curl_set_pointer(handle, option.code, nil))
    }

    package func set(_ option: CurlOption<Int>, _ value: Int) {
        setLong(option.code, value)
    }

    package func set(_ option: CurlOption<Bool>, _ value: Bool) {
        setLong(option.code, value ? 1 : 0)
    }

    package func set(_ option: CurlOption<Int64>, _ value: Int64) {
        check(beacon_curl_set_size(handle, option.code, curl_off_t(value)))
    }

    package func set(_ option: CurlOption<CurlTLS>, _ value: CurlTLS) {
        setLong(option.code, value.value)
    }

    package func set(_ option: CurlOption<CurlList>, _ list: CurlList) {
        check(beacon_curl_set_list(handle, option.code, list.pointer))
        lists[option.code.rawValue] = list
    }

    /// Makes one transfer, sending `body` if given (for `.upload` or `.post`), and says how it
    /// ended with what the server answered.
    package func perform(sending body: Data? = nil) -> CurlResult {
        let upload = body.map(Upload.init)
        setPointer(CURLOPT_READDATA, upload.map { Unmanaged.passUnretained($0).toOpaque() })
        // libcurl keeps no pointer to a body that is gone.
        defer { setPointer(CURLOPT_READDATA, nil) }
        errorBuffer[0] = 0
        bodyCapture.bytes.removeAll(keepingCapacity: true)
        headerCapture?.headers = CurlHeaders()
        replies?.lines.removeAll(keepingCapacity: true)
        let code = refusal ?? CurlCode(withExtendedLifetime(upload) { curl_easy_perform(handle) })
        var responseCode = 0
        _ = beacon_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        let errorText = String(cString: errorBuffer)
        return CurlResult(
            code: code, responseCode: responseCode, errorText: errorText.isEmpty ? code.description : errorText,
            serverReplies: replies?.lines ?? [], headers: headerCapture?.headers ?? CurlHeaders(), body: bodyCapture.bytes)
    }

    private func setLong(_ option: CURLoption, _ value: Int) {
        check(beacon_curl_set_long(handle, option, value))
    }

    private func setPointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) {
        check(beacon_curl_set_pointer(handle, option, value))
    }

    private func check(_ code: CURLcode) {
        if refusal == nil, code != CURLE_OK { refusal = CurlCode(code) }
    }
}
