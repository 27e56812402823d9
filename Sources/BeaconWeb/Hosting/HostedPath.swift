/// What a request path under a hosted folder may name. Every part must be a name Beacon
/// itself writes (ids, dates and extensions: ASCII letters, digits, `-`, `_` and `.`, not
/// starting with `.`), so `..`, percent-encoding, hidden files (the atomic writer's
/// `.name.beacon-….tmp`) and anything else never reach the file system.
enum HostedPath {
    /// A file, relative to the data folder, with its content type.
    case file(relativePath: String, contentType: String)
    /// A folder asked for without its final `/` (its index's relative links need the slash):
    /// where to send the client, and the index that must be there.
    case folder(location: String, index: String)

    /// Deepest a hosted file lies below its folder: `<digest>/<feed>.xml`.
    private static let maximumDepth = 2

    /// `parts` are the path's segments after the folder's name; nil for anything not served.
    init?(_ parts: [Substring], in folder: HostedFolder, endsWithSlash: Bool) {
        guard !parts.isEmpty, parts.count <= Self.maximumDepth, parts.allSatisfy(Self.isBeaconName) else { return nil }
        let path = folder.name + "/" + parts.joined(separator: "/")
        if endsWithSlash {
            guard let index = folder.index, let type = folder.contentTypes[Self.fileExtension(index)] else { return nil }
            self = .file(relativePath: path + "/" + index, contentType: type)
        } else if let type = folder.contentTypes[Self.fileExtension(parts[parts.count - 1])] {
            self = .file(relativePath: path, contentType: type)
        } else if let index = folder.index, parts.count == 1 {
            // Built only from a checked name under our own folder: never a redirect elsewhere.
            self = .folder(location: "/" + path + "/", index: path + "/" + index)
        } else {
            return nil
        }
    }

    private static func isBeaconName(_ part: Substring) -> Bool {
        guard let first = part.utf8.first, first != UInt8(ascii: "."), part.utf8.count <= 255 else { return false }
        return part.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }
    }

    private static func fileExtension(_ name: some StringProtocol) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
