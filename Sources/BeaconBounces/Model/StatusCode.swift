/// An RFC 3463 enhanced status code, `class.subject.detail` (`5.1.1`): the class says whether
/// a failure is permanent (5), persistent but temporary (4) or a success (2).
public struct StatusCode: Hashable, Sendable, CustomStringConvertible {
    public enum Class: Int, Sendable {
        case success = 2
        case persistentTransientFailure = 4
        case permanentFailure = 5
    }

    public let `class`: Class
    public let subject: Int
    public let detail: Int

    public init?(_ text: some StringProtocol) {
        let token = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" }).first ?? ""
        let numbers = token.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3,
              numbers.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let first = Int(numbers[0]), let statusClass = Class(rawValue: first),
              let subject = Int(numbers[1]), let detail = Int(numbers[2])
        else { return nil }
        self.class = statusClass
        self.subject = subject
        self.detail = detail
    }

    public init(_ statusClass: Class, _ subject: Int, _ detail: Int) {
        self.class = statusClass
        self.subject = subject
        self.detail = detail
    }

    /// `X.2.2`, mailbox full: the mailbox exists and may take mail again, whatever the class.
    public var isMailboxFull: Bool { subject == 2 && detail == 2 }

    public var description: String { "\(self.class.rawValue).\(subject).\(detail)" }
}
