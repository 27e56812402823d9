@testable import BeaconBulletin
import BeaconChannelAPI
import BeaconChannelTesting
@testable import BeaconCore
import BeaconEmail
import BeaconJSONFeed
import BeaconRSS
import BeaconTestSupport
import Foundation
import PropertyBased
import Testing

/// Hostile text in every free-text field of a register, loaded as an operator would and
/// published through every channel, then read back by real readers in one Python process.
@Suite("Hostile register text through every format", .serialized)
struct HostileTextTests {
    /// Registers per run, each loaded, rendered and published (about a tenth of a second) and
    /// all read in one Python process: most keep only what the loader accepts, so they reach
    /// every output; the rest may hold anything, and must be refused with each bad field named.
    static let acceptableCases = 14
    static let anyCases = 6

    static let acceptableRegister = Hostile.text.array(of: HostileRegister.fields.count).map { texts in
        HostileRegister(texts: zip(texts, HostileRegister.fields).map { Self.acceptable($0, multiline: $1.multiline) })
    }

    static let anyRegister = Hostile.text.array(of: HostileRegister.fields.count).map(HostileRegister.init)

    static func acceptable(_ text: String, multiline: Bool) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            if HostileRegister.isBidiControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}" { return false }
            if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return true }
            return scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)
        }))
    }

    // Not shrunk: every step would publish the whole batch and read it again. A failure names
    // the texts of each register that failed, and the seed that made them.
    @Test("Hostile register text is refused with its file, row and field named, or reaches every format as typed", .shrinking(false))
    func everyFormat() async throws {
        let batch = PropertyBased.zip(Self.acceptableRegister.array(of: Self.acceptableCases), Self.anyRegister.array(of: Self.anyCases))
        await propertyCheck(count: 1, input: batch) { acceptable, any in
            try Self.check(acceptable + any)
        }
    }

    static func check(_ registers: [HostileRegister]) throws {
        let root = try TemporaryFolder.make("property")
        defer { try? FileManager.default.removeItem(at: root) }
        var cases: [OutputCheck.Case] = []
        var published: [HostileRegister] = []
        for (number, register) in registers.enumerated() {
            let folder = root.appendingPathComponent("case-\(number)")
            let environment = ["BEACON_DATA": folder.appendingPathComponent("Digests").path, "BEACON_UNSUBSCRIBE_SECRET": "a test secret, not for real use"]
            let settingsFile = try register.write(to: folder)
            let loaded: Configuration
            do {
                loaded = try ConfigurationLoader.load(
                    settingsFile: settingsFile, environment: environment,
                    sections: [EmailSettings.spec, RSSSettings.spec, JSONFeedSettings.spec, BulletinSettings.spec]).configuration
            } catch {
                checkRefusal(error.diagnostics.filter { $0.severity == .error }.map(\.description), register)
                continue
            }
            #expect(register.refused.isEmpty, "loaded although \(register.refused.map { HostileRegister.fields[$0].name }) hold forbidden characters: \(register.texts)")
            let outputs = try CaseOutputs(loaded, environment: environment, in: folder)
            #expect(outputs.differences.isEmpty, "built-in layout and templates differ for \(outputs.differences): \(register.texts)")
            let texts = Dictionary(uniqueKeysWithValues: register.texts.indices.map {
                (HostileRegister.start($0), OutputCheck.Case.Marked(end: HostileRegister.end($0), text: register.texts[$0]))
            })
            cases.append(OutputCheck.Case(texts: texts, files: outputs.files))
            published.append(register)
        }
        let readings = try OutputCheck.read(cases, in: root)
        var seen: Set<String> = []
        for (register, reading) in zip(published, readings) {
            #expect(reading.problems.isEmpty, "\(reading.problems.prefix(8).joined(separator: "\n"))\nfor the texts \(register.texts)")
            seen.formUnion(reading.seen)
        }
        if !published.isEmpty {
            let unseen = HostileRegister.fields.indices.map(HostileRegister.start).filter { !seen.contains($0) }
            #expect(unseen.isEmpty, "no reader was shown \(unseen)")
        }
    }

    /// Every field that must be refused is named with its file (the settings' first, when
    /// they are among them). Other errors may follow from those (an audience refused is then
    /// unknown to its digests); a register with none must not be refused at all.
    static func checkRefusal(_ errors: [String], _ register: HostileRegister) {
        let settings = register.refused.filter { HostileRegister.fields[$0].file == "beacon.yml" }
        for index in settings.isEmpty ? register.refused : settings {
            let field = HostileRegister.fields[index]
            #expect(errors.contains { names($0, field) }, "\(field.name) in \(field.file) not named among \(errors)")
        }
        #expect(!register.refused.isEmpty, "refused a register with nothing forbidden: \(errors)")
    }

    /// Whether an error is `file:row:field: message` for this field.
    static func names(_ error: String, _ field: HostileRegister.Field) -> Bool {
        let parts = error.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0].hasSuffix("/" + field.file) && Int(parts[1]) != nil && parts[2] == field.name
    }
}
