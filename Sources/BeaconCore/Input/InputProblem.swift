/// What can be wrong with a file a fund officer edits, worded so they can fix it.
public enum InputProblem: Hashable, Sendable, CustomStringConvertible {
    case unreadableFile(reason: String)
    case notUTF8(byte: UInt8, offset: Int)
    case malformedCSV(String)
    case malformedYAML(String)
    case yamlAnchor(String)
    case yamlAlias
    case yamlTooDeep(levels: Int)
    case fileTooLarge(megabytes: Int)
    case missingColumn
    case unknownColumn(known: [String])
    case wrongFieldCount(found: Int, expected: Int)
    case missingKey
    case unknownKey(known: [String])
    case wrongShape(expected: String)
    case emptyRequired
    case badDate(String)
    case badMoney(String)
    case badNumber(String)
    case badChoice(String, allowed: [String])
    case badEmail(String, reason: String)
    case badURL(String)
    case badTimeZone(String)
    /// The schedule's own message, which names the part to fix.
    case badSchedule(String)
    case controlCharacter(String)
    case invisibleCharacter(Unicode.Scalar)
    case tooLong(characters: Int, length: FieldLength)
    case badID(String, IDSpelling.Problem)
    case duplicateID(String, first: SourceLocation)
    /// Two ids of one kind whose files would be the same (`SafeName`).
    case idClash(String, other: String, first: SourceLocation)
    case unknownReference(kind: String, id: String)
    case inconsistent(String)
    case unknownEnvironmentVariable(String)
    case badTemplate(String)
    // Warnings: nothing stops, but the operator should act.
    case missingWelsh(english: String)
    case longText(characters: Int, length: FieldLength)
    case staleContact(project: String, name: String, confirmedOn: CivilDate, months: Int)
    case noConsent
    case unreachedSubscriber
    case noReachableReaders
    case severalTimesADay(Int)
    case unknownChannel(String, known: [String])

    public var isWarning: Bool {
        switch self {
        case .missingWelsh, .longText, .staleContact, .noConsent, .unreachedSubscriber, .noReachableReaders,
             .unknownEnvironmentVariable, .severalTimesADay:
            true
        default:
            false
        }
    }

    public var description: String {
        switch self {
        case .unreadableFile(let reason): "cannot read the file: \(reason)"
        case .notUTF8(let byte, let offset):
            "the file is not UTF-8 text: byte \(Self.hex(byte)), at byte offset \(Self.grouped(offset)), cannot be read as UTF-8; "
                + "save the file again as UTF-8 (a spreadsheet calls it \"CSV UTF-8\")"
        case .malformedCSV(let detail): "the CSV is malformed: \(detail)"
        case .malformedYAML(let detail): "the YAML is malformed: \(detail)"
        case .yamlAnchor(let name):
            "the anchor &\(name) is not allowed: Beacon's files use no anchors or aliases; write the value out in full where it is needed"
        case .yamlAlias: "aliases (*name) are not allowed: Beacon's files use no anchors or aliases; write the value out in full where it is needed"
        case .yamlTooDeep(let levels): "the YAML is nested more than \(levels) levels deep; Beacon's files need only a few levels"
        case .fileTooLarge(let megabytes):
            "the file is larger than \(megabytes) MB, far beyond any genuine one; check that this is the right file"
        case .missingColumn: "this required column is missing from the header row"
        case .unknownColumn(let known): "unknown column; the columns are: \(known.joined(separator: ", "))"
        case .wrongFieldCount(let found, let expected):
            "the row has \(found) fields but the header has \(expected); check for a stray comma or an unclosed quote"
        case .missingKey: "this required key is missing"
        case .unknownKey(let known): "unknown key; the keys are: \(known.joined(separator: ", "))"
        case .wrongShape(let expected): "expected \(expected)"
        case .emptyRequired: "required, but empty"
        case .badDate(let text): "\(Self.quoted(text)) is not a date; write 2026-04-01 or 01/04/2026"
        case .badMoney(let text): "\(Self.quoted(text)) is not an amount of money; write pounds such as £1,250,000 or 1250000.50"
        case .badNumber(let text): "\(Self.quoted(text)) is not a whole number above zero"
        case .badChoice(let text, let allowed):
            "\(Self.quoted(text)) is not one of: \(allowed.joined(separator: ", "))"
        case .badEmail(let text, let reason): "\(Self.quoted(text)) is not a usable email address: \(reason)"
        case .badURL(let text): "\(Self.quoted(text)) is not a web address starting https:// or http://"
        case .badTimeZone(let text): "\(Self.quoted(text)) is not a time zone name such as Europe/London"
        case .badSchedule(let message): message
        case .controlCharacter(let what): "contains \(what), which is not allowed in a single-line field"
        case .badID(let text, let problem): "\(Self.quoted(text)) cannot be an id: \(problem)"
        case .invisibleCharacter(let scalar):
            "contains \(scalar.shownToOfficer), an invisible character that can change how the text around it is shown, or hide text; retype the text without it"
        case .tooLong(let characters, let length):
            "this field has \(Self.grouped(characters)) characters, but \(length.noun) may have at most \(Self.grouped(length.hard)); check for text pasted by mistake"
        case .duplicateID(let id, let first): "\(Self.quoted(id)) is used twice; first at \(first.place)"
        case .idClash(let id, let other, let first):
            "\(Self.quoted(id)) and \(Self.quoted(other)) (\(first.place)) would share a file name; ids must differ in more than case or punctuation"
        case .unknownReference(let kind, let id): "no \(kind) has the id \(Self.quoted(id))"
        case .inconsistent(let detail): detail
        case .badTemplate(let detail): "the template cannot be read: \(detail)"
        case .unknownEnvironmentVariable(let name): "\(name) is not a Beacon setting and was ignored"
        case .missingWelsh(let english):
            "no Welsh text for \(Self.quoted(String(english.prefix(60)))); Welsh readers will see the English, marked as untranslated"
        case .longText(let characters, let length):
            "this text has \(Self.grouped(characters)) characters, more than \(Self.grouped(length.soft ?? length.hard)); a digest is about one page, so check that readers need all of it (over \(Self.grouped(length.hard)) is refused)"
        case .staleContact(let project, let name, let confirmedOn, let months):
            "project \(project): contact \(name) was last confirmed on \(confirmedOn), more than \(months) months ago; check they are still in post"
        case .noConsent: "no consent_on date, so nothing will be sent to this subscriber"
        case .unreachedSubscriber: "no digest is written for this subscriber's audience"
        case .noReachableReaders: "no subscriber of this digest can be reached (consent, unsubscribed or audience)"
        case .severalTimesADay(let times):
            "fires \(times) times a day, but an issue is dated by its day: only the first time each day sends one"
        case .unknownChannel(let name, let known):
            "no channel is called \(Self.quoted(name)); the channels are: \(known.joined(separator: ", "))"
        }
    }

    /// `0xF4`.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }

    /// 1,250,000: numbers as people read them.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }

    /// Quotes input for a message, showing control and invisible formatting characters as
    /// escapes instead of printing them, so they cannot rearrange the message.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where scalar.properties.generalCategory == .control || scalar.isInvisibleFormatting:
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return "\"\(shown)\""
    }
}
