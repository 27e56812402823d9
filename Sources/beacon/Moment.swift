import ArgumentParser
import BeaconCore
import Foundation

/// `--as-of` for commands that act at a moment: now, or the time given. A date alone means
/// the end of that day, so everything scheduled that day counts as come.
struct MomentOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Act as if it were this time (default: now).",
            discussion: "YYYY-MM-DDTHH:MM[:SS], in the settings' time zone unless it ends in Z or ±HH:MM; a date alone means the end of that day.",
            valueName: "timestamp"))
    var asOf: String?

    func moment(in timeZone: TimeZone) throws -> Date {
        guard let asOf else { return Date() }
        guard let moment = Self.parse(asOf, in: timeZone) else {
            throw ValidationError("--as-of \(asOf) is not a date or time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-12-01T09:00")
        }
        return moment
    }

    /// The date given, when `--as-of` is a date alone: an issue date as written, whatever the
    /// time zones involved.
    var date: CivilDate? { asOf.flatMap(CivilDate.init(parsing:)) }

    static func parse(_ text: String, in timeZone: TimeZone) -> Date? {
        if let date = CivilDate(parsing: text) {
            return date.adding(days: 1).start(in: timeZone).addingTimeInterval(-1)
        }
        let normalised = text.replacingOccurrences(of: " ", with: "T")
        let hasZone = normalised.hasSuffix("Z") || normalised.dropFirst(16).contains(where: { $0 == "+" || $0 == "-" })
        for format in ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"]
        where format.hasSuffix("XXXXX") == hasZone {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = format
            if let date = formatter.date(from: normalised) { return date }
        }
        return nil
    }
}
