/// Which messages of a folder to list.
public enum IMAPSelection: Sendable {
    /// Those not yet marked `\Seen`: for a folder where handled messages are marked seen.
    case unseen
    /// Every message: for a folder handled messages are moved out of.
    case all

    var searchKey: String {
        switch self {
        case .unseen: "UNSEEN"
        case .all: "ALL"
        }
    }
}
