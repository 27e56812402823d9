import Foundation

/// Addresses in free text or an address field, in order, without duplicates: whatever
/// looks like `local@domain`, with brackets, quotes and punctuation around it removed.
enum AddressList {
    static func addresses(in text: some StringProtocol, limit: Int = 50) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" || $0 == "[" || $0 == "]" }) {
            let candidate = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:'`"))
            let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                  candidate.unicodeScalars.allSatisfy({ $0.value > 32 && $0 != "=" }),
                  seen.insert(candidate.lowercased()).inserted
            else { continue }
            found.append(candidate)
            if found.count == limit { break }
        }
        return found
    }
}
