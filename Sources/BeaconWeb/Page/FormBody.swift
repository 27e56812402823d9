import Foundation
import Hummingbird

/// A posted form (`application/x-www-form-urlencoded`), in order, repeated names kept (a group
/// of checkboxes sends one per box ticked).
struct FormBody: Sendable {
    /// Exactly what was posted, for RFC 8058's one-click body.
    let raw: String
    let fields: [(name: String, value: String)]

    /// Forms here are a few hundred bytes; a larger body is not one of them.
    static let largest = 16 * 1024

    init(raw: String) {
        self.raw = raw
        fields = raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    static func read(_ request: Request) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: largest)
        return FormBody(raw: String(buffer: buffer))
    }

    /// The first value posted under `name`.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value posted under `name`.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
