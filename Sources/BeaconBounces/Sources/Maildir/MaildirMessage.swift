/// One message file in a Maildir: where it is, and its name there
/// (`1796116581.V1I2M3.host:2,S` — a unique part, then flags after `:2,`).
public struct MaildirMessage: Hashable, Sendable, CustomStringConvertible {
    public enum Subfolder: String, Sendable {
        case new
        case cur
    }

    public let subfolder: Subfolder
    public let fileName: String

    public init(subfolder: Subfolder, fileName: String) {
        self.subfolder = subfolder
        self.fileName = fileName
    }

    /// The name without its flags: what stays the same when a mail client or Beacon renames it.
    public var uniqueName: String {
        String(fileName.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// The flags after `:2,`, such as `S` (seen) or `RS` (replied, seen).
    public var flags: String {
        guard let info = fileName.range(of: ":2,") else { return "" }
        return String(fileName[info.upperBound...])
    }

    public var isSeen: Bool { flags.contains("S") }

    /// The name it has once marked seen: flags kept, `S` added, in ASCII order as Maildir asks.
    var seenFileName: String {
        "\(uniqueName):2,\(String((flags + "S").uniqueSorted))"
    }

    public var description: String { "\(subfolder.rawValue)/\(fileName)" }
}

extension String {
    fileprivate var uniqueSorted: [Character] {
        Array(Set(self)).sorted()
    }
}
