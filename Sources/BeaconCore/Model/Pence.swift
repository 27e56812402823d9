/// An amount of money in whole pence. Never floating point: savings are added up across
/// thousands of projects and must match the fund's accounts to the penny.
public struct Pence: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public let value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    public static let zero = Pence(0)

    public static func + (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.value + rhs.value) }
    public static func - (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.value - rhs.value) }
    public static func < (lhs: Pence, rhs: Pence) -> Bool { lhs.value < rhs.value }

    /// Parses pounds as people type them: `£1,250,000`, `1250000.50`, `£85,000.00`.
    /// Returns nil for anything else (negative amounts, misplaced commas, fractions of a penny).
    public init?(pounds text: String) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("£") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        guard let poundsValue = Self.parseGroupedDigits(whole) else { return nil }
        var penceValue: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit),
                  let parsed = Int64(fraction) else { return nil }
            penceValue = fraction.count == 1 ? parsed * 10 : parsed
        }
        let (scaled, overflow) = poundsValue.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        self.value = scaled + penceValue
    }

    /// Digits with optional thousands separators that must be in the right places (`1,250,000`).
    private static func parseGroupedDigits(_ text: Substring) -> Int64? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int64(groups.joined())
    }

    /// `£1,250,000` for whole pounds, `£1,250,000.50` otherwise.
    public var formatted: String {
        let pounds = value.magnitude / 100
        let pence = value.magnitude % 100
        // Written as bytes: a page of a large register formats thousands of amounts.
        var bytes: [UInt8] = Array((value < 0 ? "-£" : "£").utf8)
        let digits = Array(String(pounds).utf8)
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(digit)
        }
        if pence != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(pence / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(pence % 10))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
