@testable import BeaconCore
import Foundation
import Testing

@Suite("A file that is not UTF-8 is named with the row or line, offset and value of its first bad byte")
struct EncodingTests {
    /// Writes the fixture, then puts `bytes` in place of `marker` in `file`.
    func errors(_ fixture: Fixture, in file: String, replacing marker: String, with bytes: [UInt8]) throws -> (errors: [String], offset: Int) {
        let settings = try fixture.write()
        let url = settings.deletingLastPathComponent().appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        let range = try #require(data.range(of: Data(marker.utf8)))
        var edited = data
        edited.replaceSubrange(range, with: bytes)
        try edited.write(to: url)
        do {
            _ = try ConfigurationLoader.load(settingsFile: settings, environment: [:])
            return ([], range.lowerBound)
        } catch {
            return (error.diagnostics.filter { $0.severity == .error }.map { Fixture.relative($0.description) }, range.lowerBound)
        }
    }

    @Test("In a CSV file the row is the spreadsheet's, even after a cell with line breaks in it")
    func csvRow() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "Digital notes replace paper case notes in outpatient clinics.", with: "\"Digital notes\nreplace paper\ncase notes.\"")
        let (errors, offset) = try errors(fixture, in: "register/projects.csv", replacing: "Cofnodion cleifion allanol", with: Array("Cofnodion cleifion all".utf8) + [0xE2, 0x6E, 0x6F, 0x6C])
        #expect(errors.first == "register/projects.csv:4: the file is not UTF-8 text: byte 0xE2, at byte offset \(InputProblem.grouped(offset + 22)), cannot be read as UTF-8; save the file again as UTF-8 (a spreadsheet calls it \"CSV UTF-8\")")
    }

    @Test("In a YAML file the line is named, and nothing of the file is read")
    func yamlLine() throws {
        let (errors, offset) = try errors(Fixture(), in: "subscribers.yml", replacing: "Dr Ffion Enghraifft", with: Array("Dr Ffion ".utf8) + [0xC0, 0xAF])
        #expect(errors == ["subscribers.yml:13: the file is not UTF-8 text: byte 0xC0, at byte offset \(offset + 9), cannot be read as UTF-8; save the file again as UTF-8 (a spreadsheet calls it \"CSV UTF-8\")"])
    }

    @Test("Only well-formed UTF-8 passes: overlong forms, surrogates, values past U+10FFFF and cut-off characters do not")
    func wellFormed() {
        func first(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBytes { UTF8Validation.firstInvalidByte(in: $0) } }
        #expect(first(Array("Gŵyl Dewi Sant – 🏴󠁧󠁢󠁷󠁬󠁳󠁿".utf8)) == nil)
        #expect(first([0x41, 0xC0, 0x80]) == 1)
        #expect(first([0x41, 0xE0, 0x80, 0x80]) == 1)
        #expect(first([0xED, 0xA0, 0x80]) == 0)
        #expect(first([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(first([0x41, 0x42, 0xE2, 0x82]) == 2)
        #expect(first([0x80]) == 0)
    }
}
