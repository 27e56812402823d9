import CCurl
import Foundation

/// The header fields of a transfer's final response (those of a `100 Continue` or a redirect
/// before it are dropped), up to 16 KiB of them.
package struct CurlHeaders: Sendable {
    static let limit = 16 * 1024

    private var fields: [(name: String, value: String)] = []
    private var size = 0

    /// The last field of that name, compared without case, with the spaces around it removed.
    package func value(of name: String) -> String? {
        fields.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    mutating func add(line: String) {
        if line.hasPrefix("HTTP/") {
            self = CurlHeaders()
            return
        }
        size += line.utf8.count
        let parts = line.split(separator: ":", maxSplits: 1)
        guard size <= Self.limit, parts.count == 2 else { return }
        fields.append((String(parts[0]), parts[1].trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}

/// Where `keepHeader` collects a transfer's header fields.
final class HeaderCapture {
    var headers = CurlHeaders()
}

/// `CURLOPT_HEADERFUNCTION`: one header line at a time, status lines included.
let keepHeader: beacon_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    Unmanaged<HeaderCapture>.fromOpaque(context).takeUnretainedValue().headers.add(line: line)
    return length
}
