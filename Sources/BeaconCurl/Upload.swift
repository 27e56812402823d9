import CCurl
import Foundation

/// The body of one transfer (a message for SMTP's `DATA`, a POST's JSON), handed to libcurl a
/// buffer at a time through `readBytes`.
final class Upload {
    let bytes: Data
    var offset = 0

    init(_ bytes: Data) {
        self.bytes = bytes
    }
}

/// `CURLOPT_READFUNCTION`; its context is the transfer's `Upload`, and without one (a
/// transfer given no body) libcurl is told to abort rather than send nothing.
let readBytes: beacon_curl_read_callback = { buffer, size, count, context in
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
