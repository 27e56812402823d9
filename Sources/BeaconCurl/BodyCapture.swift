import CCurl
import Foundation

/// The start of a response's body, up to a limit: enough to quote a server's answer, never
/// a large or endless reply held in memory.
final class BodyCapture {
    let limit: Int
    var bytes = Data()

    init(limit: Int) {
        self.limit = limit
    }
}

/// `CURLOPT_WRITEFUNCTION`: keeps what fits and takes in the rest, so a long body is cut
/// short, not an error; libcurl would otherwise write a body to standard output.
let keepBody: beacon_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let capture = Unmanaged<BodyCapture>.fromOpaque(context).takeUnretainedValue()
    let room = capture.limit - capture.bytes.count
    if room > 0 {
        capture.bytes.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: min(length, room))
    }
    return length
}
