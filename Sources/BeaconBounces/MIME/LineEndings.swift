import Foundation

extension String {
    /// The text with CRLF (one Character in Swift, so `split(separator: "\n")` would not see
    /// it) and lone CR made LF: mail arrives with either, and is read the same.
    var withLineFeeds: String {
        guard contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
