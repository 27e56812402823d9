/// Where a problem is: the file as the operator named it, the spreadsheet row or YAML line, and the field.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let field: String?

    public init(file: String, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        [file, line.map(String.init), field].compactMap { $0 }.joined(separator: ":")
    }

    /// `register/updates.csv row 2`, `audiences.yml line 10`: spreadsheets number rows, YAML lines.
    var place: String {
        guard let line else { return file }
        return "\(file) \(file.lowercased().hasSuffix(".csv") ? "row" : "line") \(line)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.field ?? "") < (rhs.file, rhs.line ?? 0, rhs.field ?? "")
    }
}

/// One thing wrong with the input, or one thing the operator should act on.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let location: SourceLocation
    public let problem: InputProblem

    public init(location: SourceLocation, problem: InputProblem) {
        self.location = location
        self.problem = problem
    }

    public var severity: Severity { problem.isWarning ? .warning : .error }

    public var description: String { "\(location): \(severity == .warning ? "warning: " : "")\(problem)" }
}

/// Collects every problem so the operator sees them all at once, not one per run.
public final class Diagnostics {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public func report(_ problem: InputProblem, at location: SourceLocation) {
        all.append(Diagnostic(location: location, problem: problem))
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}

/// The configuration could not be loaded; `diagnostics` lists every error and warning.
public struct InvalidConfiguration: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
