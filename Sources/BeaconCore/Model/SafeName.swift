/// Ids as file and URL path names: lower case, `_` written `-`, so a path is readable, needs no
/// escaping, and means the same on a file system that ignores case. `beacon check` refuses two
/// ids of one kind with the same safe name (`UniqueIDs`), so no file overwrites another's.
/// Anything `IDSpelling` does not allow (only in an id that never went through `check`) also
/// becomes `-`, so no name can leave its folder.
public enum SafeName {
    public static func of<Kind>(_ id: Identifier<Kind>) -> String {
        let utf8 = id.rawValue.utf8
        guard !utf8.isEmpty else { return "-" }
        if utf8.allSatisfy({ isKept($0) }) { return id.rawValue }
        var name = String.UnicodeScalarView()
        for scalar in id.rawValue.unicodeScalars {
            switch scalar {
            case "A"..."Z": name.append(Unicode.Scalar(scalar.value + 32)!)
            case "a"..."z", "0"..."9", "-": name.append(scalar)
            default: name.append("-")
            }
        }
        return String(name)
    }

    /// An edition's file name, `directors.health.cy`: ids cannot contain dots, so the parts
    /// cannot run into each other.
    public static func of(_ edition: Edition) -> String {
        [of(edition.audience.id), edition.sector?.rawValue, edition.language.rawValue].compactMap { $0 }.joined(separator: ".")
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
