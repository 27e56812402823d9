@testable import BeaconCore
import Foundation
import Testing

@Suite("Invisible characters that change how text displays are refused in every text field")
struct InvisibleCharacterTests {
    static let rule = "an invisible character that can change how the text around it is shown, or hide text; retype the text without it"

    @Test("Each is refused, named by its code point and Unicode name", arguments: [
        ("register/projects.csv", "Digital patient records", "\u{202E}", "register/projects.csv:2:title_en: contains U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("register/projects.csv", "Digital notes replace", "\u{2066}", "register/projects.csv:2:summary_en: contains U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("register/projects.csv", "Hywel Dda University", "\u{200B}", "register/projects.csv:2:organisation: contains U+200B ZERO WIDTH SPACE"),
        ("register/themes.csv", "Digital services", "\u{FEFF}", "register/themes.csv:3:label_en: contains U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("register/notices.csv", "Loans from", "\u{E0041}", "register/notices.csv:2:details_en: contains U+E0041 TAG LATIN CAPITAL LETTER A"),
        ("subscribers.yml", "Cllr Eira Sampl", "\u{200F}", "subscribers.yml:3:name: contains U+200F RIGHT-TO-LEFT MARK"),
        ("register/actions.csv", "Fund team,2026-09-15", "\u{200D}", "register/actions.csv:3:owner: contains U+200D ZERO WIDTH JOINER"),
        ("register/projects.csv", "Ceredigion County Council", "Cered\u{200D}", "register/projects.csv:5:organisation: contains U+200D ZERO WIDTH JOINER"),
    ])
    func refused(file: String, text: String, character: String, error: String) throws {
        var fixture = Fixture()
        fixture.edit(file, replacing: text, with: character + text)
        #expect(try fixture.errors().contains(error + ", " + Self.rule))
    }

    @Test("Welsh letters, curly quotes, dashes, a soft hyphen and emoji, the flag of Wales among them, are kept as written")
    func ordinaryText() throws {
        var fixture = Fixture()
        let title = "Gŵyl “Tŷ” – cofnodion\u{00AD}cleifion 🙂 👩‍⚕️ 🏳️‍🌈 🏴󠁧󠁢󠁷󠁬󠁳󠁿"
        fixture.edit("register/projects.csv", replacing: "Digital notes replace paper case notes in outpatient clinics.", with: title)
        let (configuration, _) = try fixture.load()
        #expect(configuration.register.projects.first?.summary?.english == title)
    }

    @Test("An invisible character in a value quoted by a message is shown as an escape, so it cannot rearrange the message")
    func quotedInMessages() throws {
        var fixture = Fixture()
        fixture.edit("subscribers.yml", replacing: "email: eira.sampl@ceredigion.example", with: "email: \"eira\u{202E}elpmaxe.sampl@ceredigion.example\"")
        let errors = try fixture.errors()
        #expect(errors == ["subscribers.yml:4:email: \"eira\\u{202e}elpmaxe.sampl@ceredigion.example\" is not a usable email address: the part before @ has a character mail servers do not accept"])
    }
}
