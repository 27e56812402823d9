/// A typed identifier, so a project id can never be passed where a subscriber id is expected.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias FundID = Identifier<Fund>
public typealias ThemeID = Identifier<Theme>
public typealias ProjectID = Identifier<Project>
public typealias UpdateID = Identifier<ProgressUpdate>
public typealias LessonID = Identifier<Lesson>
public typealias NoticeID = Identifier<Notice>
public typealias ActionID = Identifier<NetworkAction>
public typealias AudienceID = Identifier<Audience>
public typealias SubscriberID = Identifier<Subscriber>
public typealias DigestID = Identifier<DigestDefinition>

/// A channel's type name as digest definitions spell it (`email`, `rss`, `bulletin`).
public typealias ChannelName = Identifier<ChannelNameTag>
public enum ChannelNameTag {}
