import Foundation

/// DSN fields written `type; value` (`rfc822; a@example.org`, `dns; mx.example.org`,
/// `smtp; 550 5.1.1 …`): the value alone, on one line.
enum TypedField {
    static func value(_ field: String?) -> String? {
        guard let field else { return nil }
        var value = Substring(field)
        if let semicolon = field.firstIndex(of: ";") {
            let type = field[..<semicolon].trimmingCharacters(in: .whitespaces)
            if !type.isEmpty, !type.contains(" "), !type.contains("@") { value = field[field.index(after: semicolon)...] }
        }
        let text = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// An address field's address, without angle brackets.
    static func address(_ field: String?) -> String? {
        guard var address = value(field) else { return nil }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address.isEmpty ? nil : address
    }
}
