import BeaconCore
import Foundation

/// Writes diagnostics for a person at a terminal: errors first, then warnings, each as
/// `file:row:field: message`, with long runs of warnings about one field of one file summarised.
enum Report {
    static let warningsShownPerKind = 10

    static func problems(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }
        for diagnostic in errors { standardError("\(diagnostic)") }
        warnings(diagnostics.filter { $0.severity == .warning })
        if !errors.isEmpty {
            standardError("\(errors.count) \(errors.count == 1 ? "error" : "errors"); nothing was written. Fix the files above and run `beacon check` again.")
        }
    }

    static func warnings(_ warnings: [Diagnostic]) {
        var shown: [String: Int] = [:]
        for warning in warnings {
            let kind = warning.location.file + ":" + (warning.location.field ?? "")
            shown[kind, default: 0] += 1
            if shown[kind]! <= warningsShownPerKind { standardError("\(warning)") }
        }
        let hidden = shown.values.reduce(0) { $0 + max(0, $1 - warningsShownPerKind) }
        if hidden > 0 { standardError("… and \(hidden) more warnings like those above.") }
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
