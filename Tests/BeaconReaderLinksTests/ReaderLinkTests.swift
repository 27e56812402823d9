import BeaconChannelAPI
import BeaconCore
import BeaconReaderLinks
import Foundation
import Testing

@Suite("Readers' signed links")
struct ReaderLinkTests {
    let keys = LinkKeys(signing: SymmetricSecret("a test secret of sixteen+ chars"))
    let digest = DigestID("network-meeting-bulletin")

    @Test("A link says what it was made for, and a changed, cut or foreign-keyed one is refused")
    func genuineOnly() {
        let link = ReaderLink.unsubscribe(reader: .subscriber(SubscriberID("cllr-eira-sampl")), digest: DigestID("portfolio-holders-monthly"))
        let signed = link.signed(with: keys)
        #expect(ReaderLink.verify(signed, with: keys) == link)
        #expect(ReaderLink.verify(signed, with: LinkKeys(signing: SymmetricSecret("another secret of sixteen characters"))) == nil)
        #expect(ReaderLink.verify(String(signed.dropLast()), with: keys) == nil)
        #expect(ReaderLink.verify(signed + "A", with: keys) == nil)
        #expect(ReaderLink.verify(signed.replacingOccurrences(of: ".", with: ".."), with: keys) == nil)
        let forged = ReaderLink.unsubscribe(reader: .subscriber(SubscriberID("ffion-enghraifft")), digest: DigestID("portfolio-holders-monthly"))
            .signed(with: LinkKeys(signing: SymmetricSecret("guessed secret, sixteen chars")))
        let spliced = forged.split(separator: ".")[0] + "." + signed.split(separator: ".")[1]
        #expect(ReaderLink.verify(String(spliced), with: keys) == nil)
    }

    @Test("The unused bits of a token's last character cannot be changed: each token has one spelling")
    func oneSpelling() throws {
        let signed = ReaderLink.confirmSignUp(id: "0123456789abcdef").signed(with: keys)
        let last = try #require(signed.last)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for other in alphabet where other != last {
            #expect(ReaderLink.verify(String(signed.dropLast()) + String(other), with: keys) == nil)
        }
    }

    @Test("A subscriber's link never names a list, and a list's link never a subscriber, whatever the ids")
    func kindsStayApart() {
        let subscriber = ReaderLink.unsubscribe(reader: .subscriber(SubscriberID("list:directors-of-finance-network")), digest: digest)
        let list = ReaderLink.unsubscribe(reader: .mailingList(network: AudienceID("directors-of-finance-network")), digest: digest)
        #expect(ReaderLink.verify(subscriber.signed(with: keys), with: keys) == subscriber)
        #expect(ReaderLink.verify(list.signed(with: keys), with: keys) == list)
        #expect(subscriber.signed(with: keys) != list.signed(with: keys))
    }

    @Test("A web copy or a sign-up confirmation can never be read as an unsubscribe, even for a digest called like a kind")
    func linkKindsStayApart() {
        let copy = ReaderLink.webCopy(reader: .subscriber(SubscriberID("subscriber")), digest: DigestID("copy"), issueDate: CivilDate(year: 2026, month: 12, day: 1)!)
        let confirm = ReaderLink.confirmSignUp(id: "abc")
        #expect(ReaderLink.verify(copy.signed(with: keys), with: keys) == copy)
        #expect(ReaderLink.verify(confirm.signed(with: keys), with: keys) == confirm)
    }

    /// Made by the format used before the kind was named: `digest`, then the ledger's key.
    @Test("Links in emails sent before the kind was named still verify and mean what they meant")
    func earlierTokens() {
        let subscriber = "ZGlyZWN0b3JzLWZvcnRuaWdodGx5CmZmaW9uLWVuZ2hyYWlmZnQ.unk4m-hYnOfq6tZoptXcfA"
        let list = "bmV0d29yay1tZWV0aW5nLWJ1bGxldGluCmxpc3Q6ZGlyZWN0b3JzLW9mLWZpbmFuY2UtbmV0d29yaw.sQKU9nj5KEhoh4PyZG2fzA"
        #expect(ReaderLink.verify(subscriber, with: keys) == .unsubscribe(reader: .subscriber(SubscriberID("ffion-enghraifft")), digest: DigestID("directors-fortnightly")))
        #expect(ReaderLink.verify(list, with: keys) == .unsubscribe(reader: .mailingList(network: AudienceID("directors-of-finance-network")), digest: digest))
        #expect(ReaderLink.verify("c" + list.dropFirst(), with: keys) == nil)
    }

    @Test("After a rotation, links signed with the earlier key verify while it is listed, and not once it is dropped")
    func rotation() throws {
        let old = SymmetricSecret("the key used until this spring")
        let new = SymmetricSecret("the key used from this spring on")
        let link = ReaderLink.unsubscribe(reader: .subscriber(SubscriberID("mark-dummy")), digest: DigestID("directors-fortnightly"))
        let signedBefore = link.signed(with: LinkKeys(signing: old))
        #expect(ReaderLink.verify(signedBefore, with: LinkKeys(signing: new, previous: [old])) == link)
        #expect(ReaderLink.verify(signedBefore, with: LinkKeys(signing: new)) == nil)
        #expect(ReaderLink.verify(link.signed(with: LinkKeys(signing: new, previous: [old])), with: LinkKeys(signing: new)) == link)

        let (source, problems) = LinkKeys.Source.read(
            environment: ["BEACON_UNSUBSCRIBE_SECRET": "the key used from this spring on", "BEACON_UNSUBSCRIBE_SECRET_PREVIOUS": "the key used until this spring\n"],
            dataFolder: URL(fileURLWithPath: "/nonexistent"))
        #expect(problems.isEmpty)
        #expect(ReaderLink.verify(signedBefore, with: try #require(source).keys()) == link)
        let (_, short) = LinkKeys.Source.read(environment: ["BEACON_UNSUBSCRIBE_SECRET_PREVIOUS": "short"], dataFolder: URL(fileURLWithPath: "/nonexistent"))
        #expect(short.map(\.description) == ["environment:BEACON_UNSUBSCRIBE_SECRET_PREVIOUS: every key listed must be at least 16 characters"])
    }
}
