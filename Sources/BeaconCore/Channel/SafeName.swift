import Foundation

/// Ids as file and URL path names: lower case, with anything but letters, digits, `-` and `.`
/// turned into `-`, so a feed or bulletin path is readable and needs no escaping.
public enum SafeName {
    public static func of(_ id: String) -> String {
        String(id.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == ".") ? Character(scalar) : "-"
        })
    }
}
