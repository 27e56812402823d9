/// How long a field may be, by what it holds. Above `hard` no genuine register goes, so the
/// field is refused (a whole file pasted into a cell would otherwise be sent to every reader);
/// above `soft` a text reader see is unusual enough that the fund team should look at it.
public enum FieldLength: Sendable, Hashable {
    /// Titles, names, organisations, dates, choices: one line.
    case line
    /// Summaries, lessons, milestones, next steps, details.
    case paragraphs
    /// Items separated by `;`, or a YAML list, counted together.
    case list
    /// Web addresses.
    case link
    /// File and folder paths in settings.
    case path

    var soft: Int? {
        switch self {
        case .line: 200
        case .paragraphs: 1_500
        case .list, .link, .path: nil
        }
    }

    var hard: Int {
        switch self {
        case .line: 1_000
        case .paragraphs: 10_000
        case .list: 4_000
        case .link: 2_000
        case .path: 4_096
        }
    }

    /// For messages: "a single-line field may have at most …".
    var noun: String {
        switch self {
        case .line: "a single-line field"
        case .paragraphs: "a text of paragraphs"
        case .list: "a list"
        case .link: "a web address"
        case .path: "a path"
        }
    }
}
