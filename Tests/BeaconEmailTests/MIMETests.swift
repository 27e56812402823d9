@testable import BeaconEmail
@testable import BeaconCore
import Foundation
import Testing

@Suite("MIME encoding: what reaches the wire")
struct MIMETests {
    @Test("Quoted-printable keeps lines within 76 characters, uses CRLF, and never splits an escape")
    func quotedPrintable() {
        let text = String(repeating: "Gŵyl Ddewi ", count: 30) + "\nend with space \nx=y\nFrom the start\n.\n"
        let encoded = String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(!encoded.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.contains("end with space=20"))
        #expect(lines.contains("x=3Dy"))
        #expect(lines.contains("=46rom the start"))
        #expect(lines.contains("=2E"))
        for line in lines where line.hasSuffix("=") {
            #expect(!line.dropLast().hasSuffix("=") || line.dropLast().hasSuffix("=3D"))
        }
        #expect(encoded.contains("G=C5=B5yl"))
    }

    @Test("A body encoded from a shared rendering, line by line, is the quoted-printable of the whole page")
    func encodedOnce() throws {
        let configuration = try Example().configuration
        let renderer = try DigestRenderer(configuration: configuration)
        let assembler = DigestAssembler(configuration: configuration)
        // A name that wraps a line, needs escaping in HTML and ends in a space, and a link with
        // "=" and "&", next to every real reader.
        let names = [nil, "Cllr " + String(repeating: "Angharad ", count: 9) + "<b>&'Bo'</b> "]
        var bodies = 0
        for definition in configuration.digests {
            for subscriber in configuration.subscribers(of: definition) {
                let reader = try #require(configuration.audience(subscriber.audience).map { Reader(subscriber: subscriber, audience: $0) })
                for date in ["2026-06-01", "2026-12-01"].compactMap(CivilDate.init(parsing:)) {
                    for name in names {
                        let issue = assembler.assemble(definition, for: name.map(reader.named) ?? reader, on: date)
                        for format in [DigestFormat.text, .html] {
                            let link = "https://beacon.example/unsubscribe?t=a=b&c"
                            let whole = QuotedPrintable.encode(renderer.render(issue, as: format, unsubscribe: link))
                            #expect(renderer.render(issue, as: format, unsubscribe: link, encodedBy: QuotedPrintable.self) == whole,
                                    "\(definition.id) for \(reader.id) on \(date) as \(format)")
                            bodies += 1
                        }
                    }
                }
            }
        }
        #expect(bodies > 100)
    }

    @Test("Encoded words are at most 75 characters and never split a Welsh letter or an emoji")
    func encodedWords() throws {
        let subject = String(repeating: "ŵŷâ ", count: 20) + "👩🏽‍⚕️ end"
        let words = HeaderEncoding.encodedWords(subject)
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: payload, encoding: .utf8) != nil, "a word holds a broken character")
            decoded += payload
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test("Folded headers stay within 78 characters where spaces allow")
    func folding() {
        let header = HeaderEncoding.header("Subject", HeaderEncoding.text(String(repeating: "Invest to Save digest ", count: 10)))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(header.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.hasPrefix(" ") })
    }

    @Test("Line breaks in a value can never start a new header")
    func noHeaderInjection() {
        let subject = HeaderEncoding.header("Subject", HeaderEncoding.text("Hello\r\nBcc: everyone@example.org"))
        #expect(subject == "Subject: Hello Bcc: everyone@example.org")
        let to = HeaderEncoding.mailbox(name: "Eira \"Boss\" <evil@example.org>, Sampl\nBcc: x@example.org", address: "eira@example.org")
        #expect(to == "\"Eira \\\"Boss\\\" <evil@example.org>, Sampl Bcc: x@example.org\" <eira@example.org>")
        #expect(HeaderEncoding.mailbox(name: "Cllr Eira Sampl", address: "eira@example.org") == "Cllr Eira Sampl <eira@example.org>")
        #expect(HeaderEncoding.mailbox(name: "Tîm Buddsoddi", address: "t@example.org").hasPrefix("=?UTF-8?B?"))
    }

    @Test("Printing settings never shows a password or key")
    func redacted() throws {
        let example = try Example(environment: ["BEACON_SMTP_URL": "smtp://beacon@127.0.0.1:2525", "BEACON_SMTP_PASSWORD": "hunter2-hunter2"])
        let printed = String(describing: try example.settings()) + String(reflecting: try example.settings())
        #expect(!printed.contains("hunter2"))
        #expect(!printed.contains("test secret, not for real use"))
        #expect(printed.contains("password: set"))
    }
}
