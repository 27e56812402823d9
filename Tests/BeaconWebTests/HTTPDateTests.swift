@testable import BeaconWeb
import Foundation
import Testing

@Suite("HTTP dates")
struct HTTPDateTests {
    @Test("Written as RFC 9110's example and Foundation say, and read back", arguments: [
        0, 784_111_777, 951_782_400, 1_796_115_600, 4_102_444_799, -86_401,
    ])
    func roundTrip(seconds: Int) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let written = HTTPDate.format(seconds)
        #expect(written == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        #expect(HTTPDate.parse(written) == seconds)
    }

    @Test("RFC 9110's own example")
    func example() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }

    @Test("Anything but the preferred form is not read", arguments: [
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 BST", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT", "", "Sun, 06 Nov 1994 08:49 GMT",
    ])
    func refused(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
