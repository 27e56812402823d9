import Foundation

/// A `Content-Type` field: `type/subtype` in lower case and its parameters (names in lower
/// case, quoted values unquoted). A part without one is `text/plain`, as RFC 2045 says.
struct ContentType: Sendable {
    let type: String
    let subtype: String
    let parameters: [String: String]

    init(_ value: String?) {
        let pieces = Self.split(value ?? "")
        let mediaType = pieces.first?.lowercased().split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        if mediaType.count == 2, !mediaType[0].isEmpty, !mediaType[1].isEmpty {
            type = mediaType[0]
            subtype = mediaType[1]
        } else {
            type = "text"
            subtype = "plain"
        }
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            }
            if parameters[name] == nil { parameters[name] = value }
        }
        self.parameters = parameters
    }

    var isMultipart: Bool { type == "multipart" }

    func `is`(_ type: String, _ subtype: String) -> Bool {
        self.type == type && self.subtype == subtype
    }

    var charset: String? { parameters["charset"] }

    /// Splits at semicolons outside quoted strings.
    private static func split(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}
