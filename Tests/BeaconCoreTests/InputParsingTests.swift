@testable import BeaconCore
import Foundation
import Testing

@Suite("Reading values as people type them")
struct InputParsingTests {
    @Test("CSV keeps commas, doubled quotes and line breaks inside quoted fields, and numbers rows as a spreadsheet does")
    func csvQuoting() throws {
        let text = "\u{FEFF}id,title,notes\r\n1,\"Repairs, maintenance & \"\"quick wins\"\"\",\"line one\nline two\"\r\n\r\n2,Ysbyty Gwynedd — ŵ ŷ â,plain\n"
        let records = try CSVReader.records(from: Data(text.utf8))
        #expect(records.map(\.row) == [1, 2, 4])
        #expect(records[0].fields == ["id", "title", "notes"])
        #expect(records[1].fields == ["1", "Repairs, maintenance & \"quick wins\"", "line one\nline two"])
        #expect(records[2].fields == ["2", "Ysbyty Gwynedd — ŵ ŷ â", "plain"])
    }

    @Test("CSV reports an unclosed quote and a stray quote with the row they are on")
    func csvMalformed() {
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.records(from: Data("a,b\n1,\"open\n2,3\n".utf8)) }
        do {
            _ = try CSVReader.records(from: Data("a,b\n1,2\n3,4 \"inch\"\n".utf8))
            Issue.record("a stray quote was accepted")
        } catch {
            #expect(error.row == 3)
        }
    }

    @Test("Money typed as pounds becomes whole pence", arguments: [
        ("£1,250,000", Int64(125_000_000)), ("1250000.50", 125_000_050), ("£85,000.00", 8_500_000),
        ("42.5", 4250), (" £0 ", 0), ("999", 99_900),
    ])
    func moneyAccepted(text: String, pence: Int64) {
        #expect(Pence(pounds: text) == Pence(pence))
    }

    @Test("Money that is ambiguous or not money is refused", arguments: [
        "1,25,000", "-500", "12.345", "£", "", "ten pounds", "1.000.000", "£1,250,000p", "1e6", ",100",
    ])
    func moneyRefused(text: String) {
        #expect(Pence(pounds: text) == nil)
    }

    @Test("Pence are shown as pounds, with pence only when there are some")
    func moneyFormatted() {
        #expect(Pence(125_000_000).formatted == "£1,250,000")
        #expect(Pence(125_000_050).formatted == "£1,250,000.50")
        #expect(Pence(5).formatted == "£0.05")
        #expect(Pence(99_900).formatted == "£999")
        #expect(Pence(-123_456).formatted == "-£1,234.56", "a shortfall keeps its sign in front of the pound sign")
    }

    @Test("Dates come as ISO or as day-first UK dates, and impossible days are refused")
    func dates() {
        #expect(CivilDate(parsing: "2026-04-01") == CivilDate(year: 2026, month: 4, day: 1))
        #expect(CivilDate(parsing: "01/04/2026") == CivilDate(year: 2026, month: 4, day: 1))
        #expect(CivilDate(parsing: "31/02/2026") == nil)
        #expect(CivilDate(parsing: "2026-13-01") == nil)
        #expect(CivilDate(parsing: "4/1/2026") == nil)
        #expect(CivilDate(parsing: "29/02/2028") != nil)
    }

    @Test("Calendar arithmetic clamps to month ends and survives leap years")
    func dateArithmetic() {
        let march31 = CivilDate(year: 2026, month: 3, day: 31)!
        #expect(march31.adding(months: -1) == CivilDate(year: 2026, month: 2, day: 28))
        #expect(CivilDate(year: 2028, month: 3, day: 31)!.adding(months: -1) == CivilDate(year: 2028, month: 2, day: 29))
        #expect(CivilDate(year: 2026, month: 12, day: 1)!.adding(days: -14) == CivilDate(year: 2026, month: 11, day: 17))
        #expect(CivilDate(year: 2026, month: 1, day: 1)!.days(until: CivilDate(year: 2027, month: 1, day: 1)!) == 365)
        let sample = CivilDate(year: 2024, month: 2, day: 29)!
        #expect(CivilDate(dayNumber: sample.dayNumber) == sample)
    }

    @Test("Email addresses that could break a header or bounce are refused with a reason", arguments: [
        ("someone@example", "the domain needs a dot, as in example.org"),
        ("a@b@example.org", "it has more than one @"),
        ("eira@example.org\r\nBcc: all@example.org", "it contains a line break"),
        ("eira.sampl@ceredigion.example\nBcc: all@example.org", "it contains a line break"),
        ("eira sampl@example.org", "it contains a space"),
        ("eira..sampl@example.org", "the part before @ has a misplaced dot"),
        ("eira@-bad.example", "the domain -bad.example is not a valid host name"),
        ("eira@example.123", "the domain must end in a name such as .org or .wales"),
    ])
    func emailRefused(address: String, reason: String) {
        #expect(EmailAddress.problem(with: address) == reason)
    }

    @Test("Ordinary addresses are accepted")
    func emailAccepted() {
        for address in ["eira.sampl@ceredigion.example", "o'brien+digest@gov.wales", "a@b.cymru"] {
            #expect(EmailAddress.problem(with: address) == nil)
        }
    }
}
